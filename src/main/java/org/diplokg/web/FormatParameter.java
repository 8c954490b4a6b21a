package org.diplokg.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * SPARQLWrapper sends its return format three times as a parameter ({@code format=}, {@code output=},
 * {@code results=}) besides the Accept header. Fuseki reads {@code output}/{@code format} and refuses the names it
 * does not know with 400 ("n3", "rdf", "rdf+xml"); this filter maps those to Fuseki's names (Turtle for N3, which
 * Fuseki does not write; RDF/XML for the others), so every format SPARQLWrapper offers gets an answer.
 */
final class FormatParameter extends HttpFilter {
    static final Map<String, String> ALIASES = Map.of("n3", "turtle", "text/n3", "turtle", "rdf", "xml", "rdf+xml", "xml",
            "rdfxml", "xml", "application/rdf+xml", "xml", "json-ld", "json-ld");
    private static final java.util.Set<String> NAMES = java.util.Set.of("format", "output", "results");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        boolean rewrite = NAMES.stream().anyMatch(n -> {
            String v = req.getParameter(n);
            return v != null && ALIASES.containsKey(v.toLowerCase(java.util.Locale.ROOT));
        });
        chain.doFilter(rewrite ? new Wrapped(req) : req, resp);
    }

    private static final class Wrapped extends HttpServletRequestWrapper {
        private final Map<String, String[]> params = new LinkedHashMap<>();

        Wrapped(HttpServletRequest req) {
            super(req);
            req.getParameterMap().forEach((k, v) -> params.put(k, NAMES.contains(k)
                    ? Arrays.stream(v).map(x -> ALIASES.getOrDefault(x.toLowerCase(java.util.Locale.ROOT), x)).toArray(String[]::new)
                    : v));
        }

        @Override public String getParameter(String name) {
            String[] v = params.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }
        @Override public String[] getParameterValues(String name) { return params.get(name); }
        @Override public Map<String, String[]> getParameterMap() { return Collections.unmodifiableMap(params); }
        @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(params.keySet()); }
    }
}
