package org.diplokg.web;

import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Content negotiation for the linked-data paths, with Jena's {@link AcceptList} (q-values, wildcards). The
 * order of the offers breaks ties, so {@code Accept: *}{@code /*} (curl) gets the first offer.
 */
final class Conneg {
    private Conneg() {}

    static final String HTML = "text/html";

    /** RDF formats every linked-data path offers, each with the file extension of its {@code /data/} variant. */
    enum RdfFormat {
        TURTLE(Lang.TURTLE, "ttl"), NTRIPLES(Lang.NTRIPLES, "nt"), JSONLD(Lang.JSONLD, "jsonld"), RDFXML(Lang.RDFXML, "rdf");

        final Lang lang;
        final String extension;

        RdfFormat(Lang lang, String extension) {
            this.lang = lang;
            this.extension = extension;
        }

        String mediaType() { return lang.getHeaderString(); }

        static Optional<RdfFormat> byExtension(String ext) {
            for (RdfFormat f : values())
                if (f.extension.equals(ext)) return Optional.of(f);
            return Optional.empty();
        }

        static Optional<RdfFormat> byMediaType(String mt) {
            Lang l = RDFLanguages.contentTypeToLang(mt);
            for (RdfFormat f : values())
                if (f.lang.equals(l)) return Optional.of(f);
            return Optional.empty();
        }
    }

    /** The RDF media types, Turtle first (the default). */
    static List<String> rdfTypes() {
        return java.util.Arrays.stream(RdfFormat.values()).map(RdfFormat::mediaType).toList();
    }

    /**
     * The offer the request's Accept header prefers, or empty when it accepts none of them (HTTP 406). No
     * Accept header means anything.
     */
    static Optional<String> choose(HttpServletRequest req, List<String> offers) {
        return choose(req.getHeader("Accept"), offers);
    }

    static Optional<String> choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) return Optional.of(offers.get(0));
        AcceptList want;
        try {
            want = new AcceptList(accept);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        MediaType m = AcceptList.match(want, AcceptList.create(offers.toArray(String[]::new)));
        return Optional.ofNullable(m).map(MediaType::getContentTypeStr);
    }

    /** Writes {@code g} in the RDF format the request prefers (Turtle by default), or answers 406. */
    static void sendRdf(HttpServletRequest req, HttpServletResponse resp, Graph g) throws java.io.IOException {
        resp.setHeader("Vary", "Accept");
        Optional<String> chosen = choose(req, rdfTypes());
        if (chosen.isEmpty()) {
            resp.sendError(406, "Not acceptable: available as " + String.join(", ", rdfTypes()));
            return;
        }
        sendRdf(resp, g, RdfFormat.byMediaType(chosen.get()).orElseThrow());
    }

    static void sendRdf(HttpServletResponse resp, Graph g, RdfFormat format) throws java.io.IOException {
        resp.setContentType(format.mediaType() + (format == RdfFormat.JSONLD ? "" : ";charset=utf-8"));
        try (var out = resp.getOutputStream()) {
            RDFDataMgr.write(out, g, format.lang);
        }
    }
}
