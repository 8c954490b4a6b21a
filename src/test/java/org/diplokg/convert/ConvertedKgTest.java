package org.diplokg.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplokg.TestProject;
import org.diplokg.validate.Validation;
import org.junit.jupiter.api.Test;

/** The committed knowledge graph: reproducible from the articles, traceable to the character, valid. */
class ConvertedKgTest {

    @Test
    void conversionReproducesTheCommittedKgByteForByte() throws Exception {
        Path fresh = TestConversion.outputDir();
        assertEquals(List.of(), TestConversion.result().failures(), "every seed article converts");
        Map<String, byte[]> committed = files(TestProject.LAYOUT.kgDir()), regenerated = files(fresh);
        assertEquals(committed.keySet(), regenerated.keySet(), "same files; run ./kg convert and commit data/kg/");
        for (String name : committed.keySet())
            assertArrayEquals(committed.get(name), regenerated.get(name), name + " differs from a fresh conversion; run ./kg convert and commit data/kg/");
    }

    @Test
    void everyEvidenceSpanQuotesItsArticleExactly() throws Exception {
        DatasetGraph dsg = TestProject.dataset();
        // Evidence spans and the sentences they lie in, alike.
        String q = """
                PREFIX dkg: <https://w3id.org/diplokg/ontology#>
                SELECT DISTINCT ?ev ?kind ?article ?begin ?end ?text WHERE { GRAPH ?g {
                  VALUES ?kind { dkg:Evidence dkg:Sentence }
                  ?ev a ?kind ; dkg:article ?article ; dkg:beginIndex ?begin ; dkg:endIndex ?end ; dkg:exactText ?text } }
                """;
        Map<String, String> articles = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int[] checked = {0};
        Map<String, Integer> byKind = new TreeMap<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    String iri = s.getResource("article").getURI();
                    String stem = iri.substring(iri.lastIndexOf('/') + 1);
                    String text = articles.computeIfAbsent(stem, k -> read(TestProject.LAYOUT.articlesDir().resolve(k + ".txt")));
                    int begin = s.getLiteral("begin").getInt(), end = s.getLiteral("end").getInt();
                    // Offsets are Unicode code points, as SPARQL's SUBSTR counts them.
                    int from = text.offsetByCodePoints(0, begin), to = text.offsetByCodePoints(0, end);
                    if (!text.substring(from, to).equals(s.getLiteral("text").getLexicalForm()))
                        wrong.add(s.getResource("ev").getURI());
                    checked[0]++;
                    byKind.merge(s.getResource("kind").getLocalName(), 1, Integer::sum);
                }
            }
        });
        assertTrue(checked[0] > 100, "expected evidence for many facts, found " + checked[0]);
        assertTrue(byKind.getOrDefault("Sentence", 0) > 50, "expected the sentences of the evidence too: " + byKind);
        assertEquals(List.of(), wrong, "evidence or sentences whose recorded text is not the article's text at its offsets");
    }

    @Test
    void everyEvidenceLiesInTheSentencesItNames() {
        DatasetGraph dsg = TestProject.dataset();
        String q = """
                PREFIX dkg: <https://w3id.org/diplokg/ontology#>
                SELECT ?ev ?begin ?end ?sb ?se WHERE { GRAPH ?g { ?ev a dkg:Evidence ; dkg:beginIndex ?begin ; dkg:endIndex ?end .
                  OPTIONAL { ?ev dkg:sentence ?s . ?s dkg:beginIndex ?sb ; dkg:endIndex ?se } } }
                """;
        // evidence IRI -> {begin, end, first sentence start, last sentence end}; a sentence apart from its evidence is wrong
        Map<String, int[]> spans = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    String ev = s.getResource("ev").getURI();
                    int begin = s.getLiteral("begin").getInt(), end = s.getLiteral("end").getInt();
                    int[] span = spans.computeIfAbsent(ev, k -> new int[] {begin, end, Integer.MAX_VALUE, Integer.MIN_VALUE});
                    if (!s.contains("sb")) return;
                    int sb = s.getLiteral("sb").getInt(), se = s.getLiteral("se").getInt();
                    if (!(sb < end && begin < se)) wrong.add(ev + " names a sentence it is not in: " + sb + "-" + se);
                    span[2] = Math.min(span[2], sb);
                    span[3] = Math.max(span[3], se);
                });
            }
        });
        // Its sentences cover it from its first character to its last (a quotation may run over several).
        spans.forEach((ev, x) -> { if (x[2] > x[0] || x[3] < x[1]) wrong.add(ev + " is not covered by its sentences"); });
        assertTrue(spans.size() > 100, "expected evidence for many facts, found " + spans.size());
        assertEquals(List.of(), wrong, "evidence without a sentence, or outside the sentences it names");
    }

    @Test
    void kgPassesShaclAndOwlChecks() {
        List<Validation.Problem> problems = TestProject.validation();
        assertEquals(List.of(), problems.stream().map(Object::toString).limit(20).toList());
    }

    private static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".trig")).toList())
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
