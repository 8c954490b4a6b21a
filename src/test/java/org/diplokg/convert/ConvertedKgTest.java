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
        String q = """
                PREFIX dkg: <https://w3id.org/diplokg/ontology#>
                SELECT DISTINCT ?ev ?article ?begin ?end ?text WHERE { GRAPH ?g {
                  ?ev a dkg:Evidence ; dkg:article ?article ; dkg:beginIndex ?begin ; dkg:endIndex ?end ; dkg:exactText ?text } }
                """;
        Map<String, String> articles = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int[] checked = {0};
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
                }
            }
        });
        assertTrue(checked[0] > 100, "expected evidence for many facts, found " + checked[0]);
        assertEquals(List.of(), wrong, "evidence whose recorded text is not the article's text at its offsets");
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
