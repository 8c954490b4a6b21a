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
    void byRuleTalliesTheCommittedKgsRules(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("scores.json");
        Run r = kg("eval", "--gold", "data/gold/dev", "--kg", TestProject.LAYOUT.kgDir().toString(), "--by-rule", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("By rule (each system item counts for every rule of its evidence"), out);
        // The rules' true positives of a category add up to at least the category's (an item may have several rules).
        int postsTp = out.lines().filter(l -> l.startsWith("posts ") && l.contains(" post."))
                .mapToInt(l -> Integer.parseInt(l.trim().split("\\s+")[2])).sum();
        assertTrue(postsTp >= 28, out);
        assertTrue(out.lines().anyMatch(l -> l.matches("quotes\\s+quote\\.subject\\s+\\d+\\s+\\d+\\s+[01]\\.\\d{3}")), out);
        assertTrue(Files.readString(json).contains("\"byRule\": {"), "the JSON has the tally too");
        Run plain = kg("eval", "--gold", "data/gold/dev", "--kg", TestProject.LAYOUT.kgDir().toString());
        assertFalse(plain.out().contains("By rule"), "only with --by-rule");
    }

    @Test
    void scoringTheCommittedKgWritesTheJson(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("out/scores.json");
        Run r = kg("eval", "--gold", "data/gold/dev", "--kg", TestProject.LAYOUT.kgDir().toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Total (micro-averaged over 5 articles)"), r.out());
        assertFalse(r.out().contains("Article 000_a1616eb868bb02d1"), "per-article tables only with --by-article");
        assertTrue(r.out().contains("Diagnostics (required gold items"), r.out());
        assertFalse(r.out().contains("Totals:"), "one set needs no line-per-set totals");
        String text = Files.readString(json);
        assertTrue(text.startsWith("{\n  \"total\": {\n    \"entities\": {\"tp\": "), text);
        assertTrue(text.contains("\"articles\": {\n    \"000_a1616eb868bb02d1\": {"), text);
        assertTrue(text.contains("\n  },\n  \"diagnostics\": {\n    \"posts\": {\"gold\": 28, \"found\": "), text);
    }

    /** A second gold set made of one dev article (its annotation and the dev entities), in a directory named {@code name}. */
    static Path oneArticleSet(Path tmp, String name) throws Exception {
        Path gold = tmp.resolve(name);
        Files.createDirectories(gold);
        Path dev = TestProject.LAYOUT.root().resolve("data/gold/dev");
        Files.copy(dev.resolve("entities.json"), gold.resolve("entities.json"));
        Files.copy(dev.resolve("001_7dbb952a52b3f4dc.json"), gold.resolve("001_7dbb952a52b3f4dc.json"));
        return gold;
    }

    @Test
    void severalGoldSetsGetATableEachAndALineEachInTheTotals(@TempDir Path tmp) throws Exception {
        Path one = oneArticleSet(tmp, "one");
        Path json = tmp.resolve("scores.json");
        Run r = kg("eval", "--gold", "data/gold/dev", "--gold", one.toString(), "--kg", TestProject.LAYOUT.kgDir().toString(),
                "--json", json.toString(), "--by-article", "--explain");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        int dev = out.indexOf("== Gold set dev (data/gold/dev, 5 articles"), oneAt = out.indexOf("== Gold set one (" + one + ", 1 articles");
        int totals = out.indexOf("Totals: F1 per category, one line per gold set");
        assertTrue(dev >= 0 && oneAt > dev && totals > oneAt, out);
        assertTrue(out.indexOf("Total (micro-averaged over 5 articles)") > dev, out);
        assertTrue(out.indexOf("Total (micro-averaged over 1 articles)") > oneAt, out);
        assertTrue(out.indexOf("Article 001_7dbb952a52b3f4dc", oneAt) > oneAt, "--by-article prints the second set's articles too");
        // --explain lists each set's errors in its own section: a dev false positive of article 001 appears twice.
        assertTrue(out.indexOf("== 001_7dbb952a52b3f4dc / ", dev) < oneAt && out.indexOf("== 001_7dbb952a52b3f4dc / ", oneAt) > oneAt, out);
        String[] lines = out.substring(totals).split("\n");
        assertTrue(lines[1].startsWith("set ") && lines[1].contains("entities") && lines[1].contains("links"), lines[1]);
        assertTrue(lines[2].matches("dev +5 +0\\.974 .*"), lines[2]);
        assertTrue(lines[3].matches("one +1 .*"), lines[3]);
        assertEquals(4, lines.length, out.substring(totals));

        String text = Files.readString(json);
        assertTrue(text.startsWith("{\n  \"sets\": {\n    \"dev\": {\n      \"total\": {\n        \"entities\": {\"tp\": 92,"), text);
        assertTrue(text.contains("\n    },\n    \"one\": {\n      \"total\": {"), text);
        assertTrue(text.contains("\"articles\": {\n        \"001_7dbb952a52b3f4dc\": {"), text);
        assertEquals(2, text.split("\"diagnostics\": \\{", -1).length - 1, text);
        org.apache.jena.atlas.json.JSON.parse(text);
    }

    @Test
    void badSetCombinationsAreOneLine(@TempDir Path tmp) throws Exception {
        String kgDir = TestProject.LAYOUT.kgDir().toString();
        Run r = kg("eval", "--gold", "data/gold/dev", "--articles", "data/articles", "--articles", "data/articles", "--kg", kgDir);
        assertEquals(1, r.exit());
        assertEquals("kg eval: --articles given 2 times but --gold only 1 (the i-th --articles goes with the i-th --gold)", r.err().strip());

        r = kg("eval", "--gold", "data/gold/dev", "--gold", tmp.resolve("wide").toString(), "--kg", kgDir);
        assertEquals(1, r.exit());
        assertEquals("kg eval: " + tmp.resolve("wide") + ": no such gold directory", r.err().strip());

        r = kg("eval", "--gold", "data/gold/dev", "--gold", "data/gold/../gold/dev", "--kg", kgDir);
        assertEquals(1, r.exit());
        assertEquals("kg eval: data/gold/../gold/dev: given twice as --gold", r.err().strip());

        r = kg("eval", "--gold", "data/gold/dev", "--articles", tmp.resolve("nowhere").toString());
        assertEquals(1, r.exit());
        assertEquals("kg eval: " + tmp.resolve("nowhere") + ": no such articles directory", r.err().strip());

        // The same stem from two different files would be two articles with one graph: refused before converting.
        Path one = oneArticleSet(tmp, "one");
        Path articles = tmp.resolve("articles");
        Files.createDirectories(articles);
        for (String ext : new String[] {".txt", ".json"})
            Files.copy(TestProject.LAYOUT.articlesDir().resolve("001_7dbb952a52b3f4dc" + ext), articles.resolve("001_7dbb952a52b3f4dc" + ext));
        r = kg("eval", "--gold", "data/gold/dev", "--gold", one.toString(), "--articles", "data/articles", "--articles", articles.toString());
        assertEquals(1, r.exit());
        assertFalse(r.err().strip().contains("\n"), r.err());
        assertTrue(r.err().contains(one.resolve("001_7dbb952a52b3f4dc.json") + ": article 001_7dbb952a52b3f4dc is "
                + articles.resolve("001_7dbb952a52b3f4dc.txt") + " here but data/articles/001_7dbb952a52b3f4dc.txt in gold set dev"), r.err());
    }
}
