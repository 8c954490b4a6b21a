package org.diplokg.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Where the descriptions are served. */
final class DescriptionServlets {
    private DescriptionServlets() {}

    /** The server's root URL as the client addressed it, ending in '/'. */
    static String base(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        return url.substring(0, url.length() - req.getRequestURI().length()) + req.getContextPath() + "/";
    }

    /**
     * VoID and DCAT at {@code /.well-known/void} (VoID's well-known path) and {@code /dataset} (the dataset IRI's path);
     * a browser gets the Turtle inside an HTML page.
     */
    static final class Dataset extends HttpServlet {
        private final Descriptions descriptions;

        Dataset(Descriptions descriptions) { this.descriptions = descriptions; }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            var offers = new java.util.ArrayList<>(Conneg.rdfTypes());
            offers.add(1, Conneg.HTML);
            if (Conneg.choose(req, offers).filter(Conneg.HTML::equals).isPresent()) {
                resp.setHeader("Vary", "Accept");
                var turtle = new java.io.ByteArrayOutputStream();
                org.apache.jena.riot.RDFDataMgr.write(turtle, descriptions.dataset(base(req)), org.apache.jena.riot.Lang.TURTLE);
                String body = "<h1>DiploKG: dataset description</h1>\n<p>VoID and DCAT, computed from the served data. "
                        + "RDF clients get this by content negotiation (Turtle, N-Triples, JSON-LD, RDF/XML).</p>\n<pre>"
                        + Html.esc(turtle.toString(java.nio.charset.StandardCharsets.UTF_8)) + "</pre>\n";
                byte[] html = Html.page("Dataset description", "", body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                resp.setContentType("text/html;charset=utf-8");
                resp.getOutputStream().write(html);
                return;
            }
            Conneg.sendRdf(req, resp, descriptions.dataset(base(req)));
        }
    }

    /**
     * GET on a query endpoint without a query (no query string at all) is the SPARQL 1.1 Service Description, as
     * the spec asks; a browser that prefers HTML is sent to the query UI instead. Everything else (queries, Graph
     * Store Protocol requests such as {@code ?default}) goes on to Fuseki.
     */
    static final class ServiceDescription extends HttpFilter {
        private final Descriptions descriptions;

        ServiceDescription(Descriptions descriptions) { this.descriptions = descriptions; }

        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
            boolean describe = ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))
                    && (req.getQueryString() == null || req.getQueryString().isEmpty());
            if (!describe) {
                chain.doFilter(req, resp);
                return;
            }
            var offers = new java.util.ArrayList<>(Conneg.rdfTypes());
            offers.add(1, Conneg.HTML);
            if (Conneg.choose(req, offers).filter(Conneg.HTML::equals).isPresent()) {
                resp.setHeader("Vary", "Accept");
                resp.setStatus(303);
                resp.setHeader("Location", "/#/dataset/kg/query");
                return;
            }
            Conneg.sendRdf(req, resp, descriptions.service(req.getRequestURL().toString()));
        }
    }
}
