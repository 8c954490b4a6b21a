package org.diplokg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diplokg.TestProject;
import org.diplokg.store.KgDataset;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, output files. */
class CommandLineTest {

    record Run(int exit, String out, String err) {}

    private PrintStream savedOut, savedErr;
    private String savedRoot;

    @BeforeEach
    void save() {
        savedOut = System.out;
        savedErr = System.err;
        savedRoot = System.getProperty("diplokg.root");
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        if (savedRoot == null) System.clearProperty("diplokg.root"); else System.setProperty("diplokg.root", savedRoot);
    }

    private Run kg(Path root, String... args) {
        System.setProperty("diplokg.root", root.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = Main.run(args);
        System.out.flush();
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Run r, String... fragments) {
        assertEquals(1, r.exit(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "error should be one line: " + err);
        assertFalse(err.contains("Exception"), "no stack trace or exception class: " + err);
        for (String f : fragments)
            assertTrue(err.contains(f), "error should mention '" + f + "': " + err);
    }

    @Test
    void queryAnswersFromTheLocalData() {
        Run r = kg(TestProject.LAYOUT.root(), "query", "--format", "csv",
                "PREFIX dkg: <https://w3id.org/diplokg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?c a dkg:Country }");
        assertEquals(0, r.exit(), r.err());
        int n = Integer.parseInt(r.out().lines().skip(1).findFirst().orElseThrow().strip());
        assertTrue(n >= 10, r.out());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "PREFIX dkg: <https://w3id.org/diplokg/ontology#> CONSTRUCT { ?c a dkg:Country } WHERE { ?c a dkg:Country }",
            "PREFIX dkg: <https://w3id.org/diplokg/ontology#> DESCRIBE ?c WHERE { ?c a dkg:Country } LIMIT 1"})
    void graphQueriesAsJsonLd(String query) throws Exception {
        Run r = kg(TestProject.LAYOUT.root(), "query", "--format", "jsonld", query);
        assertEquals(0, r.exit(), r.err());
        Model m = Rio.parse(new java.io.StringReader(r.out()), "", RDFFormat.JSONLD);
        assertTrue(m.contains(null, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE,
                org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance().createIRI("https://w3id.org/diplokg/ontology#Country")), r.out());
    }

    @Test
    void missingQueryFileIsOneLine() {
        Run r = kg(TestProject.LAYOUT.root(), "query", "no-such-query.rq");
        assertOneLineError(r, "no-such-query.rq", "no such file");
    }

    @Test
    void malformedQueryNamesFileAndPosition(@TempDir Path dir) throws Exception {
        Path q = dir.resolve("broken.rq");
        Files.writeString(q, "SELECT ?x\nWHERE { ?x ?y }\n");
        Run r = kg(TestProject.LAYOUT.root(), "query", q.toString());
        assertOneLineError(r, "broken.rq", "line 2");
    }

    @Test
    void invalidRdfNamesFileAndLine(@TempDir Path root) throws Exception {
        copyProjectSkeleton(root);
        Files.writeString(root.resolve("data/reference/bad.ttl"), "@prefix ex: <http://example.org/> .\nex:a ex:b \"unterminated .\n");
        Run r = kg(root, "validate");
        assertOneLineError(r, "bad.ttl:");
        assertTrue(r.err().matches("(?s).*bad\\.ttl:\\d+:\\d+: .*"), "file:line:column: " + r.err());
    }

    @Test
    void unknownExportFormatIsRefused() {
        Run r = kg(TestProject.LAYOUT.root(), "export", "--format", "bogus");
        assertOneLineError(r, "bogus");
    }

    @Test
    void exportWritesEveryQuadAndRioReadsItBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("kg.nq");
        Run r = kg(TestProject.LAYOUT.root(), "export", "--format", "nquads", "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        Model m;
        try (InputStream in = Files.newInputStream(out)) {
            m = Rio.parse(in, "", RDFFormat.NQUADS);
        }
        assertEquals(KgDataset.size(TestProject.dataset()), m.size());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void validateAcceptsGoodDataAndReportsBadData(@TempDir Path root) throws Exception {
        // A small project: the real ontology and shapes, two reference entities (ConvertedKgTest and OntologyTest
        // validate the whole project).
        copyProjectSkeleton(root);
        String prefixes = "@prefix dkg: <https://w3id.org/diplokg/ontology#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n";
        Files.writeString(root.resolve("data/reference/good.ttl"), prefixes
                + "<https://w3id.org/diplokg/resource/country/japan> a dkg:Country ; rdfs:label \"Japan\"@en .\n"
                + "<https://w3id.org/diplokg/resource/person/a-b> a dkg:Person ; rdfs:label \"A B\"@en .\n");
        Run ok = kg(root, "validate");
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("valid:"), ok.out());

        Files.writeString(root.resolve("data/reference/bad.ttl"), prefixes
                + "<https://w3id.org/diplokg/resource/person/c-d> a dkg:Person .\n");  // no label
        Run bad = kg(root, "validate");
        assertEquals(1, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.out().contains("person/c-d") && bad.out().contains("INVALID"), bad.out());

        Files.writeString(root.resolve("data/reference/bad.ttl"), prefixes
                + "<https://w3id.org/diplokg/resource/person/a-b> a dkg:Organization .\n");  // disjoint with dkg:Person
        Run inconsistent = kg(root, "validate");
        assertEquals(1, inconsistent.exit(), inconsistent.out() + inconsistent.err());
        assertTrue(inconsistent.out().contains("owl: inconsistent") && inconsistent.out().contains("a-b"), inconsistent.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = kg(TestProject.LAYOUT.root(), "serve", "--no-such-option");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--no-such-option"), r.err());
    }

    /** A project root with the real ontology and shapes, and an empty data area. */
    private static void copyProjectSkeleton(Path root) throws Exception {
        Files.createDirectories(root.resolve("ontology"));
        Files.createDirectories(root.resolve("data/reference"));
        Files.copy(TestProject.LAYOUT.ontology(), root.resolve("ontology/diplokg.ttl"));
        Files.copy(TestProject.LAYOUT.shapes(), root.resolve("ontology/shapes.ttl"));
    }
}
