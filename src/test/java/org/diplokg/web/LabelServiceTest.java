package org.diplokg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.diplokg.TestProject;
import org.diplokg.links.WikidataSlice;
import org.diplokg.server.KgServer;
import org.diplokg.store.KgDataset;
import org.diplokg.vocab.DKG;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code SERVICE wikibase:label} offline, against the slice directly and through federation, compared with the slice's own labels. */
class LabelServiceTest {
    static FusekiServer server;
    static String base;
    static Sparql slice;
    static final String PREFIXES = "PREFIX wd: <http://www.wikidata.org/entity/> PREFIX wdt: <http://www.wikidata.org/prop/direct/> "
            + "PREFIX wikibase: <http://wikiba.se/ontology#> PREFIX bd: <http://www.bigdata.com/rdf#> "
            + "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX dkg: <" + DKG.NS + "> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    @BeforeAll
    static void start() {
        DatasetGraph wikidata = WikidataSlice.load(TestProject.LAYOUT);
        slice = new Sparql(wikidata);
        server = KgServer.build(KgDataset.queryView(TestProject.dataset()), wikidata,
                KgServer.Options.defaults().withPort(0).withOffline(true)).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static Map<String, String> pairs(String endpoint, String query, String key, String value) {
        Map<String, String> out = new TreeMap<>();
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(PREFIXES + query).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                out.put(s.get(key).toString(), s.get(value) == null ? null : s.get(value).asLiteral().getLexicalForm());
            }
        }
        return out;
    }

    /** Items of the slice with an English label, and the label. */
    static Map<String, String> englishLabels() {
        Map<String, String> out = new TreeMap<>();
        for (Binding b : slice.select("SELECT ?i ?l WHERE { ?i rdfs:label ?l FILTER (lang(?l) = \"en\" && STRSTARTS(STR(?i), \"" + DKG.WD + "Q\")) }"))
            out.put(b.get("i").getURI(), b.get("l").getLiteralLexicalForm());
        return out;
    }

    @Test
    void labelsDescriptionsAndTheQidFallbackOnTheSlice() {
        Map<String, String> expected = englishLabels();
        assertTrue(expected.size() > 5, "fixture: the slice has English labels");
        Map<String, String> got = pairs(base + KgServer.WIKIDATA + "/sparql", """
                SELECT ?item ?itemLabel WHERE { ?item rdfs:label ?any FILTER STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q")
                  SERVICE wikibase:label { bd:serviceParam wikibase:language "[AUTO_LANGUAGE],en". } }""", "item", "itemLabel");
        for (var e : got.entrySet())
            assertEquals(expected.getOrDefault(e.getKey(), e.getKey().substring(DKG.WD.length())), e.getValue(), e.getKey());
        assertTrue(got.keySet().containsAll(expected.keySet()), "every labelled item");

        List<Binding> noEnglish = slice.select("SELECT ?i ?l WHERE { ?i rdfs:label ?l FILTER (STRSTARTS(STR(?i), \"" + DKG.WD + "Q\")) "
                + "FILTER NOT EXISTS { ?i rdfs:label ?e FILTER (lang(?e) = \"en\") } } ORDER BY ?i ?l LIMIT 1");
        if (!noEnglish.isEmpty()) {
            String item = noEnglish.get(0).get("i").getURI(), lang = noEnglish.get(0).get("l").getLiteralLanguage();
            assertEquals(item.substring(DKG.WD.length()), got.get(item), "no English label: the Q-id, as on WDQS");
            Map<String, String> fallback = pairs(base + KgServer.WIKIDATA + "/sparql", "SELECT ?item ?itemLabel WHERE { VALUES ?item { <" + item
                    + "> } SERVICE wikibase:label { bd:serviceParam wikibase:language \"en," + lang + "\" } }", "item", "itemLabel");
            assertFalse(fallback.get(item).startsWith("Q"), "the second language is used: " + fallback);
        }
        Map<String, String> manual = pairs(base + KgServer.WIKIDATA + "/sparql", "SELECT ?item ?name WHERE { VALUES ?item { <"
                + expected.keySet().iterator().next() + "> } SERVICE wikibase:label { bd:serviceParam wikibase:language \"en\" . ?item rdfs:label ?name } }",
                "item", "name");
        assertEquals(expected.values().iterator().next(), manual.values().iterator().next(), "manual mode");
    }

    /**
     * The labelled variable is not the join variable: Jena sends one request per binding of ?item with ?item
     * replaced by its value, so a label for ?item itself cannot be computed remotely (nor would WDQS compute it).
     */
    @Test
    void wdqsPatternRunsUnchangedThroughOfflineFederation() {
        Map<String, String> expected = englishLabels();
        Map<String, String> got = pairs(base + "/kg/sparql", """
                SELECT ?party ?partyLabel WHERE {
                  ?p a dkg:Person ; owl:sameAs ?item .
                  SERVICE <https://query.wikidata.org/sparql> {
                    SELECT ?item ?party ?partyLabel WHERE { ?item wdt:P102 ?party . SERVICE wikibase:label { bd:serviceParam wikibase:language "en". } }
                  }
                }""", "party", "partyLabel");
        assertFalse(got.isEmpty());
        for (var e : got.entrySet())
            assertEquals(expected.getOrDefault(e.getKey(), e.getKey().substring(DKG.WD.length())), e.getValue(), e.getKey());
    }

    @Test
    void ourOwnLabelsOnKg() {
        Map<String, String> got = pairs(base + "/kg/sparql",
                "SELECT ?c ?cLabel WHERE { ?c a dkg:Country SERVICE wikibase:label { bd:serviceParam wikibase:language \"en\". } }", "c", "cLabel");
        Sparql kg = new Sparql(KgDataset.queryView(TestProject.dataset()));
        for (Binding b : kg.select("SELECT ?c ?l WHERE { ?c a dkg:Country ; rdfs:label ?l FILTER (lang(?l) = \"en\") }"))
            assertEquals(b.get("l").getLiteralLexicalForm(), got.get(b.get("c").getURI()));
    }
}
