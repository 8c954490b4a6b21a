package org.diplokg.web;

import static org.diplokg.web.Html.esc;
import static org.diplokg.web.Html.link;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.diplokg.vocab.DKG;

/**
 * The HTML page of one resource: its labels in every language, most specific types, Wikidata link with the label
 * it was checked against, its facts (with the graph each is stated in), the posts, events, statements and stances
 * it takes part in (each with its evidence and a "cite this" line), and the evidence of the resource itself (for
 * an event: every article that reports it). Everything is read through SPARQL; nothing here knows which facts the
 * converter currently produces beyond the ontology's top classes.
 */
final class EntityPage {

    /** The kinds of fact node a resource takes part in, each shown in its own section, in this order. */
    private record Kind(String cls, String heading) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(DKG.NS + "PostHolding", "Posts"),
            new Kind(DKG.NS + "DiplomaticEvent", "Events"),
            new Kind(DKG.NS + "Statement", "Statements and quotations"),
            new Kind(DKG.NS + "Stance", "Stances"));

    private static final String KIND_VALUES = "VALUES ?kind { " + String.join(" ",
            KINDS.stream().map(k -> "<" + k.cls + ">").toList()) + " }";

    /** Shown in the header rather than in the fact table. */
    private static final String NOT_FACTS = "rdf:type, dkg:evidence, rdfs:label, skos:prefLabel, skos:altLabel, "
            + "owl:sameAs, dkg:wikidataLabel, dkg:linkMethod";

    private final Sparql kg;

    EntityPage(Sparql kg) {
        this.kg = kg;
    }

    /** Known = the IRI occurs as subject or object anywhere in the served dataset. */
    boolean exists(Node x) {
        return kg.ask(Sparql.bind("ASK { { $x ?p ?o } UNION { ?s ?p $x } }", x));
    }

    String render(Node x, String dataPath) {
        String iri = x.getURI();
        Map<Node, String> own = kg.labels(List.of(x));
        String title = own.getOrDefault(x, iri.substring(iri.lastIndexOf('/') + 1));
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        b.append("<div class=\"iri\">").append(esc(iri)).append("</div>\n");
        b.append(types(x));
        b.append(downloads(dataPath));
        b.append(labels(x));
        b.append(wikidata(x));

        Set<Node> shown = new HashSet<>();
        shown.add(x);
        b.append("<h2>Facts</h2>\n").append(factTable(x));

        boolean isEvent = kg.ask(Sparql.bind("ASK { $x a dkg:DiplomaticEvent }", x));
        for (Kind kind : KINDS)
            b.append(kindSection(x, kind, shown));
        b.append(ownEvidence(x, isEvent));
        b.append(referencedBy(x, shown));
        return Html.page(title, alternates(dataPath), b.toString());
    }

    private String alternates(String dataPath) {
        StringBuilder b = new StringBuilder();
        for (Conneg.RdfFormat f : Conneg.RdfFormat.values())
            b.append("<link rel=\"alternate\" type=\"").append(f.mediaType()).append("\" href=\"")
             .append(esc(dataPath + "." + f.extension)).append("\">\n");
        return b.toString();
    }

    private String downloads(String dataPath) {
        StringBuilder b = new StringBuilder("<p class=\"tag\">This description as ");
        String sep = "";
        for (Conneg.RdfFormat f : Conneg.RdfFormat.values()) {
            b.append(sep).append("<a href=\"").append(esc(dataPath + "." + f.extension)).append("\">")
             .append(esc(f.lang.getLabel())).append("</a>");
            sep = " · ";
        }
        return b.append("</p>\n").toString();
    }

    private String types(Node x) {
        List<Binding> rows = kg.select(Sparql.bind("""
                SELECT DISTINCT ?t WHERE {
                  $x a ?t FILTER (isIRI(?t) && ?t NOT IN (owl:Thing, rdfs:Resource))
                  FILTER NOT EXISTS { $x a ?t2 . ?t2 rdfs:subClassOf ?t FILTER (?t2 != ?t) }
                } ORDER BY ?t""", x));
        List<Node> ts = rows.stream().map(r -> r.get("t")).toList();
        Map<Node, String> names = kg.labels(ts);
        StringBuilder b = new StringBuilder("<p class=\"types\">");
        for (Node t : ts)
            b.append(link(t.getURI(), names.getOrDefault(t, Html.curie(t.getURI())))).append(' ');
        return b.append("</p>\n").toString();
    }

    private String labels(Node x) {
        List<Binding> rows = kg.select(Sparql.bind("""
                SELECT DISTINCT ?p ?l WHERE {
                  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel schema:name schema:alternateName }
                  $x ?p ?l FILTER isLiteral(?l)
                } ORDER BY ?p lang(?l) ?l""", x));
        if (rows.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<h2>Names</h2>\n<table>\n");
        for (Binding r : rows)
            b.append("<tr><th>").append(esc(Html.curie(r.get("p").getURI()))).append("</th><td>")
             .append(Html.literal(r.get("l"))).append("</td></tr>\n");
        return b.append("</table>\n").toString();
    }

    private String wikidata(Node x) {
        List<Binding> rows = kg.select(Sparql.bind("""
                SELECT ?same ?checked ?method WHERE {
                  $x owl:sameAs ?same
                  OPTIONAL { $x dkg:wikidataLabel ?checked }
                  OPTIONAL { $x dkg:linkMethod ?method }
                } ORDER BY ?same""", x));
        if (rows.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<h2>Same as</h2>\n<ul>\n");
        for (Binding r : rows) {
            String same = r.get("same").getURI();
            boolean wd = same.startsWith(DKG.WD);
            String target = wd ? "https://www.wikidata.org/wiki/" + same.substring(DKG.WD.length()) : same;
            b.append("<li><a href=\"").append(esc(target)).append("\">").append(esc(wd ? "wd:" + same.substring(DKG.WD.length()) : same))
             .append("</a>");
            if (r.get("checked") != null)
                b.append(" — Wikidata label checked against: <q>").append(esc(r.get("checked").getLiteralLexicalForm())).append("</q>");
            if (r.get("method") != null)
                b.append(" <span class=\"tag\">(").append(esc(Html.curie(r.get("method").toString()))).append(")</span>");
            b.append("</li>\n");
        }
        return b.append("</ul>\n").toString();
    }

    /** Facts about {@code n} with the graphs they are stated in; a super-property entailed next to its sub-property is left out. */
    private String factTable(Node n) {
        List<Binding> rows = kg.select(Sparql.bind("""
                SELECT ?p ?o ?g WHERE {
                  GRAPH ?g { $x ?p ?o }
                  FILTER (?p NOT IN (%s))
                  FILTER NOT EXISTS { GRAPH ?g { $x ?q ?o } ?q rdfs:subPropertyOf ?p FILTER (?q != ?p) }
                } ORDER BY ?p ?o ?g""".formatted(NOT_FACTS), n));
        if (rows.isEmpty()) return "<p class=\"tag\">No facts beyond the names and types above.</p>\n";
        Map<List<Node>, Set<Node>> facts = new LinkedHashMap<>();
        Set<Node> nodes = new HashSet<>();
        for (Binding r : rows) {
            facts.computeIfAbsent(List.of(r.get("p"), r.get("o")), k -> new TreeSet<>(Sparql.NODE_ORDER)).add(r.get("g"));
            nodes.add(r.get("p"));
            nodes.add(r.get("o"));
            nodes.add(r.get("g"));
        }
        Map<Node, String> names = kg.labels(nodes);
        StringBuilder b = new StringBuilder("<table>\n");
        for (var e : facts.entrySet()) {
            Node p = e.getKey().get(0), o = e.getKey().get(1);
            b.append("<tr><th>").append(link(p.getURI(), names.getOrDefault(p, Html.curie(p.getURI())))).append("</th><td>")
             .append(value(o, names)).append(" <span class=\"tag\">in ");
            String sep = "";
            for (Node g : e.getValue()) {
                b.append(sep).append(graphLink(g, names));
                sep = ", ";
            }
            b.append("</span></td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    private static String graphLink(Node g, Map<Node, String> names) {
        String iri = g.getURI();
        if (iri.startsWith(DKG.GRAPH_NS)) return esc(iri.substring(DKG.GRAPH_NS.length()) + " graph");
        return link(iri, names.getOrDefault(g, iri));
    }

    static String value(Node o, Map<Node, String> names) {
        if (o.isURI()) return link(o.getURI(), names.getOrDefault(o, Html.curie(o.getURI())));
        if (o.isLiteral()) return Html.literal(o);
        return "<span class=\"tag\">(blank node)</span>";
    }

    private String kindSection(Node x, Kind kind, Set<Node> shown) {
        List<Binding> rows = kg.select(Sparql.bind("""
                SELECT ?n (MIN(STR(?d)) AS ?date) WHERE {
                  ?n ?p $x . ?n a <%s> FILTER (?n != $x)
                  OPTIONAL { ?n dkg:date|dkg:startDate|dkg:earliestDate ?d }
                } GROUP BY ?n ORDER BY ?date ?n""".formatted(kind.cls), x));
        rows = rows.stream().filter(r -> !shown.contains(r.get("n"))).toList();
        if (rows.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<h2>").append(esc(kind.heading)).append(" (").append(rows.size()).append(")</h2>\n");
        Map<Node, String> names = kg.labels(rows.stream().map(r -> r.get("n")).toList());
        for (Binding r : rows) {
            Node n = r.get("n");
            shown.add(n);
            b.append("<div class=\"card\"><h3>").append(link(n.getURI(), names.getOrDefault(n, n.getURI()))).append("</h3>\n")
             .append(factTable(n)).append(evidence(n, "Evidence")).append("</div>\n");
        }
        return b.toString();
    }

    private String ownEvidence(Node x, boolean isEvent) {
        String heading = isEvent ? "Reports of this event" : "Mentions in articles";
        return evidence(x, heading);
    }

    /** The evidence of {@code n}, grouped by article, each span with its text, offsets and a citation. */
    private String evidence(Node n, String heading) {
        List<Binding> rows = kg.select(Sparql.bind("""
                SELECT ?ev ?a ?b ?e ?t WHERE {
                  $x dkg:evidence ?ev .
                  OPTIONAL { ?ev dkg:article ?a } OPTIONAL { ?ev dkg:beginIndex ?b }
                  OPTIONAL { ?ev dkg:endIndex ?e } OPTIONAL { ?ev dkg:exactText ?t }
                } ORDER BY ?a ?b ?e ?ev""", n));
        if (rows.isEmpty()) return "";
        Map<Node, List<Binding>> byArticle = new LinkedHashMap<>();
        for (Binding r : rows)
            byArticle.computeIfAbsent(r.get("a") == null ? NO_ARTICLE : r.get("a"), k -> new ArrayList<>()).add(r);
        Map<Node, Article> articles = Article.read(kg, byArticle.keySet());
        Map<Node, List<Binding>> extras = new java.util.HashMap<>();
        for (Binding r : kg.select(Sparql.bind(EVIDENCE_EXTRAS, n)))
            extras.computeIfAbsent(r.get("ev"), k -> new ArrayList<>()).add(r);
        Set<Node> extraNodes = new HashSet<>();
        extras.values().forEach(l -> l.forEach(r -> { extraNodes.add(r.get("p")); extraNodes.add(r.get("v")); }));
        Map<Node, String> extraNames = kg.labels(extraNodes);
        StringBuilder b = new StringBuilder();
        boolean top = heading.startsWith("Reports") || heading.startsWith("Mentions");
        b.append(top ? "<h2>" : rows.size() <= 3 ? "<details open><summary>" : "<details><summary>").append(esc(heading)).append(": ").append(rows.size())
         .append(rows.size() == 1 ? " span" : " spans").append(" in ").append(byArticle.size())
         .append(byArticle.size() == 1 ? " article" : " articles").append(top ? "</h2>\n" : "</summary>\n");
        for (var e : byArticle.entrySet()) {
            Article art = articles.get(e.getKey());
            b.append("<div class=\"ev\"><b>").append(art == null ? "(no article)" : link(art.iri(), art.title())).append("</b>");
            if (art != null) b.append(" <span class=\"tag\">").append(esc(art.source())).append("</span>");
            b.append("\n<ul>\n");
            for (Binding r : e.getValue()) {
                String text = r.get("t") == null ? "" : r.get("t").getLiteralLexicalForm();
                String begin = r.get("b") == null ? "?" : r.get("b").getLiteralLexicalForm();
                String end = r.get("e") == null ? "?" : r.get("e").getLiteralLexicalForm();
                b.append("<li><q>").append(esc(text)).append("</q> ")
                 .append(link(r.get("ev").getURI(), "[" + begin + "–" + end + "]"));
                for (Binding x : extras.getOrDefault(r.get("ev"), List.of()))
                    b.append(" <span class=\"tag\">").append(esc(extraNames.getOrDefault(x.get("p"), Html.curie(x.get("p").getURI()))))
                     .append(": </span>").append(value(x.get("v"), extraNames));
                b.append("<div class=\"cite\">Cite this: ")
                 .append(esc(cite(text, art, begin, end, r.get("ev").getURI()))).append("</div></li>\n");
            }
            b.append("</ul></div>\n");
        }
        return b.append(top ? "" : "</details>\n").toString();
    }

    /**
     * What else an evidence node says (a sentence, the rule that matched, ...), so that provenance the converter adds
     * later is shown without a change here; entailed super-properties of what is shown are left out.
     */
    private static final String EVIDENCE_EXTRAS = """
            SELECT ?ev ?p ?v WHERE {
              $x dkg:evidence ?ev . ?ev ?p ?v
              FILTER (?p NOT IN (rdf:type, dkg:article, dkg:beginIndex, dkg:endIndex, dkg:exactText))
              FILTER NOT EXISTS { ?ev ?q ?v . ?q rdfs:subPropertyOf ?p FILTER (?q != ?p) }
            } ORDER BY ?ev ?p ?v""";

    private static final Node NO_ARTICLE = NodeFactory.createURI("urn:diplokg:no-article");

    /** "Title". Publisher, date. URL. Code points b–e. DiploKG evidence IRI. */
    static String cite(String text, Article art, String begin, String end, String evidence) {
        StringBuilder c = new StringBuilder("“").append(text).append("”. ");
        if (art != null) {
            c.append("In: ").append(art.title()).append(". ").append(art.source()).append(". ");
            if (art.url() != null) c.append(art.url()).append(". ");
        }
        return c.append("Unicode code points ").append(begin).append("–").append(end).append(" (end exclusive) of the article text. ")
                .append("DiploKG evidence ").append(evidence).toString();
    }

    /** Other resources that point to {@code x}, by property; long lists are folded. */
    private String referencedBy(Node x, Set<Node> shown) {
        List<Binding> rows = kg.select(Sparql.bind("""
                SELECT DISTINCT ?s ?p WHERE {
                  ?s ?p $x FILTER (isIRI(?s) && ?s != $x && ?p != rdf:type)
                  FILTER NOT EXISTS { ?s ?q $x . ?q rdfs:subPropertyOf ?p FILTER (?q != ?p) }
                } ORDER BY ?p ?s LIMIT 2000""", x));
        rows = rows.stream().filter(r -> !shown.contains(r.get("s"))).toList();
        if (rows.isEmpty()) return "";
        Set<Node> nodes = new HashSet<>();
        rows.forEach(r -> { nodes.add(r.get("s")); nodes.add(r.get("p")); });
        Map<Node, String> names = kg.labels(nodes);
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        for (Binding r : rows) byProperty.computeIfAbsent(r.get("p"), k -> new ArrayList<>()).add(r.get("s"));
        StringBuilder b = new StringBuilder("<h2>Referenced by</h2>\n<table>\n");
        for (var e : byProperty.entrySet()) {
            Node p = e.getKey();
            b.append("<tr><th>is ").append(link(p.getURI(), names.getOrDefault(p, Html.curie(p.getURI())))).append(" of</th><td>");
            List<Node> subjects = e.getValue();
            boolean fold = subjects.size() > 12;
            if (fold) b.append("<details><summary>").append(subjects.size()).append(" resources</summary>");
            String sep = "";
            for (Node s : subjects) {
                b.append(sep).append(value(s, names));
                sep = " · ";
            }
            if (fold) b.append("</details>");
            b.append("</td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }
}
