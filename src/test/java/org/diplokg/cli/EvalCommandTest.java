package org.diplokg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diplokg.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kg eval} as a user meets it: bad input is one line and exit code 1; scoring --kg writes the JSON. */
class EvalCommandTest {

    record Run(int exit, String out, String err) {}

    static Run kg(String... args) {
        PrintStream savedOut = System.out, savedErr = System.err;
        String savedRoot = System.getProperty("diplokg.root");
        System.setProperty("diplokg.root", TestProject.LAYOUT.root().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            System.out.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            if (savedRoot == null) System.clearProperty("diplokg.root"); else System.setProperty("diplokg.root", savedRoot);
        }
    }

    @Test
    void aMissingGoldDirectoryIsOneLine(@TempDir Path tmp) {
        Run r = kg("eval", "--gold", tmp.resolve("none").toString(), "--kg", "data/kg");
        assertEquals(1, r.exit());
        assertFalse(r.err().strip().contains("\n"), r.err());
        assertTrue(r.err().contains("none: no such gold directory"), r.err());
    }

    @Test
    void aGoldFileWithoutItsArticleIsOneLine(@TempDir Path tmp) throws Exception {
        Path gold = tmp.resolve("gold");
        Files.createDirectories(gold);
        Files.copy(TestProject.LAYOUT.root().resolve("data/gold/dev/entities.json"), gold.resolve("entities.json"));
        Files.writeString(gold.resolve("999_missing.json"), "{\"article\": \"999_missing\"}");
        Run r = kg("eval", "--gold", gold.toString(), "--kg", TestProject.LAYOUT.kgDir().toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("999_missing.json: no article 999_missing in the KG"), r.err());
        r = kg("eval", "--gold", gold.toString(), "--articles", tmp.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("999_missing.json: no article 999_missing.txt in"), r.err());
    }

    @Test
    void scoringTheCommittedKgWritesTheJson(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("out/scores.json");
        Run r = kg("eval", "--gold", "data/gold/dev", "--kg", TestProject.LAYOUT.kgDir().toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Total (micro-averaged over 5 articles)"), r.out());
        String text = Files.readString(json);
        assertTrue(text.startsWith("{\n  \"total\": {\n    \"entities\": {\"tp\": "), text);
        assertTrue(text.contains("\"articles\": {\n    \"000_a1616eb868bb02d1\": {"), text);
    }
}
