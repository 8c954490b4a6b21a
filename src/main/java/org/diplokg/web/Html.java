package org.diplokg.web;

import org.apache.jena.graph.Node;
import org.diplokg.vocab.DKG;

/**
 * The few pieces of HTML the server renders. Everything that comes from the data goes through {@link #esc}:
 * labels, quotations and article titles are third-party text.
 */
final class Html {
    private Html() {}

    /** Escapes text for element content and double-quoted attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Where a browser on this server finds an IRI: the project's resources at their {@code /page/} (DBpedia's
     * pattern), ontology terms on the ontology page, anything else where it lives.
     */
    static String href(String iri) {
        if (iri.startsWith(DKG.RESOURCE)) return "/page/" + LinkedDataServlet.encode(iri.substring(DKG.RESOURCE.length()));
        if (iri.startsWith(DKG.NS)) return "/ontology#" + iri.substring(DKG.NS.length());
        if (iri.equals(DKG.ONTOLOGY)) return "/ontology";
        return iri;
    }

    /** A link to an IRI with the given text; only local and http(s) targets are links (no {@code javascript:} IRIs). */
    static String link(String iri, String text) {
        String h = href(iri);
        if (!(h.startsWith("/") || h.startsWith("#") || h.startsWith("http://") || h.startsWith("https://")))
            return "<span class=\"iri\">" + esc(text) + "</span>";
        return "<a href=\"" + esc(h) + "\">" + esc(text) + "</a>";
    }

    /** A prefixed name for a well-known namespace, else the IRI in angle brackets. */
    static String curie(String iri) {
        String best = null, bestNs = "";
        for (var e : DKG.PREFIXES.entrySet())
            if (iri.startsWith(e.getValue()) && e.getValue().length() > bestNs.length()) {
                best = e.getKey();
                bestNs = e.getValue();
            }
        return best == null ? "<" + iri + ">" : best + ":" + iri.substring(bestNs.length());
    }

    /** A literal as a reader wants it: the lexical form, with the language tag or a short datatype. */
    static String literal(Node n) {
        String lang = n.getLiteralLanguage();
        if (lang != null && !lang.isEmpty())
            return esc(n.getLiteralLexicalForm()) + " <span class=\"tag\">@" + esc(lang) + "</span>";
        String dt = n.getLiteralDatatypeURI();
        if (dt == null || dt.endsWith("#string") || dt.endsWith("#langString"))
            return esc(n.getLiteralLexicalForm());
        return esc(n.getLiteralLexicalForm()) + " <span class=\"tag\">" + esc(curie(dt)) + "</span>";
    }

    /** The page around {@code body}: one stylesheet, no scripts, no build step. */
    static String page(String title, String alternates, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + " · DiploKG</title>\n" + alternates + "<style>" + CSS + "</style>\n</head>\n<body>\n"
                + "<nav><a href=\"/\"><b>DiploKG</b></a> · <a href=\"/#/dataset/kg/query\">SPARQL query</a> · "
                + "<a href=\"/ontology\">Ontology</a> · <a href=\"/.well-known/void\">Dataset description (VoID)</a></nav>\n"
                + "<main>\n" + body + "</main>\n<footer>Data: CC BY 4.0 (DiploKG, derived from the cited news articles) · "
                + "Code: GPL-3.0-or-later</footer>\n</body>\n</html>\n";
    }

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0;color:#222;line-height:1.45}
            nav{background:#1d3557;color:#fff;padding:.6em 1.2em}nav a{color:#fff}
            main{max-width:70em;margin:0 auto;padding:1em 1.2em}footer{color:#666;font-size:.85em;padding:1em 1.2em;border-top:1px solid #ddd}
            h1{margin:.3em 0 .1em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}h3{margin:.9em 0 .2em}
            .iri{font-family:monospace;color:#555;word-break:break-all}.tag{color:#777;font-size:.85em}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.25em .5em;text-align:left;vertical-align:top}
            th{width:16em;font-weight:600}.card{border:1px solid #ddd;border-radius:6px;padding:.5em .9em;margin:.6em 0}
            .ev{margin:.3em 0 .3em 1em;font-size:.95em}.ev q{background:#fff7d6}.cite{font-size:.85em;color:#555}
            .types a{background:#e9eef6;border-radius:4px;padding:0 .4em;margin-right:.3em;text-decoration:none}
            details>summary{cursor:pointer;color:#1d3557}code{background:#f4f4f4;padding:0 .2em}
            """;
}
