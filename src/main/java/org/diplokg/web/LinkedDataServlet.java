package org.diplokg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.diplokg.vocab.DKG;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Dereferencing of {@code https://w3id.org/diplokg/resource/...} IRIs by path, DBpedia's way (slash IRIs name
 * things, not documents, so the IRI itself answers 303 See Other):
 * <ul>
 *   <li>{@code /resource/P}: 303 to {@code /page/P} when the client prefers HTML, else to {@code /data/P.EXT} for
 *       the RDF format it prefers (Turtle for {@code *}{@code /*}); 406 when it accepts neither;</li>
 *   <li>{@code /page/P}: the HTML page ({@link EntityPage});</li>
 *   <li>{@code /data/P}: the RDF description, by Accept; {@code /data/P.ttl}, {@code .nt}, {@code .jsonld},
 *       {@code .rdf} fix the format.</li>
 * </ul>
 * A path whose IRI occurs nowhere in the dataset is 404 on all three.
 */
final class LinkedDataServlet extends HttpServlet {
    private final Sparql kg;
    private final EntityPage pages;

    LinkedDataServlet(Sparql kg) {
        this.kg = kg;
        this.pages = new EntityPage(kg);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        int slash = path.indexOf('/', 1);
        String kind = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? "" : decode(path.substring(slash + 1));
        resp.setHeader("Vary", "Accept");
        switch (kind) {
            case "/resource" -> resource(rest, req, resp);
            case "/page" -> page(rest, resp);
            case "/data" -> data(rest, req, resp);
            default -> resp.sendError(404);
        }
    }

    private void resource(String rest, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!known(rest)) { notFound(rest, resp); return; }
        List<String> offers = new ArrayList<>(Conneg.rdfTypes());
        offers.add(1, Conneg.HTML); // after Turtle: "*/*" gets Turtle, a browser's explicit text/html gets the page
        Optional<String> chosen = Conneg.choose(req, offers);
        if (chosen.isEmpty()) { notAcceptable(resp, offers); return; }
        String target = chosen.get().equals(Conneg.HTML) ? "/page/" + encode(rest)
                : "/data/" + encode(rest) + "." + Conneg.RdfFormat.byMediaType(chosen.get()).orElseThrow().extension;
        resp.setStatus(303);
        resp.setHeader("Location", target);
    }

    private void page(String rest, HttpServletResponse resp) throws IOException {
        if (!known(rest)) { notFound(rest, resp); return; }
        byte[] html = pages.render(iri(rest), "/data/" + encode(rest)).getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/html;charset=utf-8");
        resp.setContentLength(html.length);
        resp.getOutputStream().write(html);
    }

    private void data(String rest, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Conneg.RdfFormat format = null;
        String local = rest;
        if (!known(rest)) {
            int dot = rest.lastIndexOf('.');
            Optional<Conneg.RdfFormat> byExt = dot < 0 ? Optional.empty() : Conneg.RdfFormat.byExtension(rest.substring(dot + 1));
            if (byExt.isEmpty() || !known(rest.substring(0, dot))) { notFound(rest, resp); return; }
            format = byExt.get();
            local = rest.substring(0, dot);
        } else {
            Optional<String> chosen = Conneg.choose(req, Conneg.rdfTypes());
            if (chosen.isEmpty()) { notAcceptable(resp, Conneg.rdfTypes()); return; }
            format = Conneg.RdfFormat.byMediaType(chosen.get()).orElseThrow();
        }
        Conneg.sendRdf(resp, describe(iri(local)), format);
    }

    /** The resource's own triples, the triples that point to it, and its evidence nodes: what its page shows. */
    Graph describe(Node x) {
        Graph g = kg.construct(Sparql.bind("""
                CONSTRUCT { $x ?p ?o . ?s ?q $x . ?ev ?ep ?eo }
                WHERE { { $x ?p ?o } UNION { ?s ?q $x FILTER isIRI(?s) }
                        UNION { $x dkg:evidence ?ev . ?ev ?ep ?eo } }""", x));
        PrefixMapping pm = g.getPrefixMapping();
        DKG.PREFIXES.forEach(pm::setNsPrefix);
        return g;
    }

    private boolean known(String rest) {
        return !rest.isEmpty() && validIriTail(rest) && pages.exists(iri(rest));
    }

    /** Characters that cannot occur in an IRI (and so in the data) are a 404, not a query error. */
    private static boolean validIriTail(String s) {
        return s.chars().noneMatch(c -> c <= ' ' || "<>\"{}|\\^`".indexOf(c) >= 0);
    }

    private static Node iri(String rest) {
        return NodeFactory.createURI(DKG.RESOURCE + rest);
    }

    private static void notFound(String rest, HttpServletResponse resp) throws IOException {
        resp.sendError(404, "No resource " + DKG.RESOURCE + rest + " in DiploKG");
    }

    private static void notAcceptable(HttpServletResponse resp, List<String> offers) throws IOException {
        resp.sendError(406, "Not acceptable: this resource is available as " + String.join(", ", offers));
    }

    /** Percent-decoding of a path (UTF-8); '+' is a plus sign in a path. */
    static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The path form of an IRI tail: only what a path cannot hold literally is percent-encoded. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
            int c = by & 0xff;
            if (c > 0x20 && c < 0x7f && "%?#[]\"<>\\^`{|} ".indexOf(c) < 0) b.append((char) c);
            else b.append('%').append(String.format("%02X", c));
        }
        return b.toString();
    }
}
