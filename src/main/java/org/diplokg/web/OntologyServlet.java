package org.diplokg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.diplokg.vocab.DKG;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The ontology IRI ({@code /ontology}) and its version IRI ({@code /ontology/0.1.0}). The terms are hash IRIs
 * ({@code .../ontology#Person}), so the document and its terms share one URL and it answers directly (200, Vary:
 * Accept) rather than with a 303: the HTML documentation for browsers, the ontology file in the RDF format asked
 * for otherwise. {@code /ontology.ttl}, {@code .nt}, {@code .jsonld}, {@code .rdf} fix the format.
 */
final class OntologyServlet extends HttpServlet {
    private final Model ontology;
    private final byte[] html;

    OntologyServlet(Path file) {
        this.ontology = RDFDataMgr.loadModel(file.toString());
        DKG.PREFIXES.forEach(ontology::setNsPrefix);
        this.html = OntologyPage.render(ontology).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Optional<Conneg.RdfFormat> fixed = Optional.empty();
        if (path.startsWith("/ontology.")) {
            fixed = Conneg.RdfFormat.byExtension(path.substring("/ontology.".length()));
            if (fixed.isEmpty()) { resp.sendError(404); return; }
        } else if (!path.equals("/ontology") && !(DKG.ONTOLOGY + path.substring("/ontology".length())).equals(versionIri())) {
            resp.sendError(404, "No such ontology version: " + path);
            return;
        }
        if (fixed.isPresent()) { Conneg.sendRdf(resp, ontology.getGraph(), fixed.get()); return; }
        var offers = new ArrayList<>(Conneg.rdfTypes());
        offers.add(1, Conneg.HTML);
        resp.setHeader("Vary", "Accept");
        Optional<String> chosen = Conneg.choose(req, offers);
        if (chosen.isEmpty()) { resp.sendError(406, "Not acceptable: the ontology is available as " + String.join(", ", offers)); return; }
        if (chosen.get().equals(Conneg.HTML)) {
            resp.setContentType("text/html;charset=utf-8");
            resp.setContentLength(html.length);
            resp.getOutputStream().write(html);
        } else {
            Conneg.sendRdf(resp, ontology.getGraph(), Conneg.RdfFormat.byMediaType(chosen.get()).orElseThrow());
        }
    }

    private String versionIri() {
        var v = ontology.getResource(DKG.ONTOLOGY).getPropertyResourceValue(OWL2.versionIRI);
        return v == null ? null : v.getURI();
    }
}
