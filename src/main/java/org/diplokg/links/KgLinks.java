package org.diplokg.links;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplokg.vocab.DKG;

/**
 * Reads the KG's entities and their Wikidata links from the raw dataset (asserted triples only), and which
 * Wikidata class each dkg: class corresponds to, from the ontology's own alignments ({@code rdfs:subClassOf},
 * {@code owl:equivalentClass} or {@code skos:closeMatch} a {@code wd:} class), nearest class first.
 */
public final class KgLinks {
    private KgLinks() {}

    private static final String PREFIXES = """
            PREFIX dkg: <https://w3id.org/diplokg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    /** Every entity of a class with a Wikidata alignment, linked or not. */
    public static List<Link> read(DatasetGraph dsg) {
        Map<String, Set<String>> alignment = alignments(dsg);
        String q = PREFIXES + """
                SELECT ?e ?label ?type ?item ?recorded WHERE {
                  GRAPH ?g { ?e a ?type ; rdfs:label ?label FILTER (lang(?label) = "en") FILTER (STRSTARTS(STR(?type), STR(dkg:))) }
                  OPTIONAL { GRAPH ?g2 { ?e owl:sameAs ?item FILTER STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q") } }
                  OPTIONAL { GRAPH ?g3 { ?e dkg:wikidataLabel ?recorded } }
                } ORDER BY ?e""";
        Map<String, Link> byEntity = new TreeMap<>();
        for (QuerySolution s : select(dsg, q)) {
            String type = s.getResource("type").getURI();
            Set<String> expected = alignment.get(type);
            if (expected == null) continue;
            String e = s.getResource("e").getURI();
            byEntity.putIfAbsent(e, new Link(e, s.getLiteral("label").getLexicalForm(), type,
                    uri(s.get("item")), s.contains("recorded") ? s.getLiteral("recorded").getLexicalForm() : null, expected));
        }
        return new ArrayList<>(byEntity.values());
    }

    /** dkg: class → the Wikidata classes of its nearest aligned class (itself or an ancestor). */
    static Map<String, Set<String>> alignments(DatasetGraph dsg) {
        String q = PREFIXES + """
                SELECT ?c ?wd (COUNT(?mid) AS ?distance) WHERE {
                  GRAPH ?g { ?c a owl:Class FILTER (STRSTARTS(STR(?c), STR(dkg:))) }
                  GRAPH ?g { ?c rdfs:subClassOf* ?mid . ?mid rdfs:subClassOf* ?a .
                             ?a rdfs:subClassOf|owl:equivalentClass|skos:closeMatch ?wd
                             FILTER (STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/Q")) }
                } GROUP BY ?c ?wd""";
        Map<String, Integer> best = new TreeMap<>();
        Map<String, Set<String>> out = new TreeMap<>();
        for (QuerySolution s : select(dsg, q)) {
            String c = s.getResource("c").getURI();
            int d = s.getLiteral("distance").getInt();
            Integer b = best.get(c);
            if (b == null || d < b) { best.put(c, d); out.put(c, new LinkedHashSet<>()); }
            if (best.get(c) == d) out.get(c).add(s.getResource("wd").getURI());
        }
        // dkg:Country is only a close match of Wikidata's "country"; states are often typed "sovereign state".
        out.computeIfPresent(DKG.NS + "Country", (k, v) -> { v.add(DKG.WD + "Q3624078"); return v; });
        return out;
    }

    private static List<QuerySolution> select(DatasetGraph dsg, String q) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                List<QuerySolution> rows = new ArrayList<>();
                qe.execSelect().forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    private static String uri(RDFNode n) {
        return n == null ? null : n.asResource().getURI();
    }
}
