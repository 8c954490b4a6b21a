package org.diplokg.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.engine.binding.Binding;

/** What a citation needs of an article: title, publisher, publication date (or the range the text supports), URL. */
record Article(String iri, String title, String publisher, String date, String url) {

    /** "Publisher, 2023-11-17" or "Publisher, published 2023-11-22 to 2023-12-31". */
    String source() {
        return (publisher == null ? "publisher unknown" : publisher) + ", " + (date == null ? "date unknown" : date);
    }

    static Map<Node, Article> read(Sparql kg, Collection<Node> iris) {
        List<Node> list = iris.stream().filter(Node::isURI).distinct().toList();
        Map<Node, Article> out = new HashMap<>();
        if (list.isEmpty()) return out;
        String values = list.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        for (Binding r : kg.select("""
                SELECT ?a (SAMPLE(?t) AS ?title) (SAMPLE(?pl) AS ?pub) (SAMPLE(STR(?d)) AS ?date)
                       (SAMPLE(STR(?de)) AS ?early) (SAMPLE(STR(?dl)) AS ?late) (SAMPLE(STR(?u)) AS ?url) WHERE {
                  VALUES ?a { %s }
                  OPTIONAL { ?a schema:headline ?t }
                  OPTIONAL { ?a schema:publisher ?p . OPTIONAL { ?p rdfs:label ?pn FILTER (lang(?pn) IN ("en", "")) }
                             BIND (COALESCE(?pn, IF(isLiteral(?p), ?p, STR(?p))) AS ?pl) }
                  OPTIONAL { ?a schema:datePublished ?d }
                  OPTIONAL { ?a dkg:publishedEarliest ?de } OPTIONAL { ?a dkg:publishedLatest ?dl }
                  OPTIONAL { ?a schema:url ?u }
                } GROUP BY ?a""".formatted(values))) {
            String date = str(r, "date");
            if (date == null && str(r, "early") != null)
                date = "published between " + str(r, "early") + " and " + str(r, "late");
            String pub = str(r, "pub");
            if ("unknown".equalsIgnoreCase(pub)) pub = null;
            Node a = r.get("a");
            String title = str(r, "title");
            out.put(a, new Article(a.getURI(), title == null ? a.getURI() : title, pub, date, str(r, "url")));
        }
        return out;
    }

    private static String str(Binding r, String var) {
        Node n = r.get(var);
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }
}
