package org.diplokg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplokg.TestProject;
import org.diplokg.server.KgServer;
import org.diplokg.store.KgDataset;
import org.junit.jupiter.api.Test;

/**
 * What a user sees in a real browser: Debian's Chromium driven headless by playwright-core through
 * {@code src/test/browser/ui-check.js} (both installed by {@code .ci/run}; skipped with a message when absent).
 */
class BrowserCheckTest {
    static final Path SCRIPT_DIR = Path.of("src/test/browser");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void queryUiAndEntityPageInChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM + " (.ci/run installs it: apt-get install -y chromium)");
        assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core not installed (.ci/run: cd src/test/browser && npm ci)");
        DatasetGraph view = KgDataset.queryView(TestProject.dataset());
        Sparql kg = new Sparql(view);
        Node person = kg.select("SELECT ?x WHERE { ?x a dkg:Person ; dkg:evidence ?e ; owl:sameAs ?w } GROUP BY ?x "
                + "ORDER BY DESC(COUNT(?e)) ?x LIMIT 1").get(0).get("x");
        String label = kg.labels(List.of(person)).get(person);
        List<QueryUi.Example> examples = QueryUi.examples(TestProject.LAYOUT.queriesDir());
        long expectedRows = kg.select(examples.get(0).text()).size();

        FusekiServer server = KgServer.build(view, KgServer.Options.defaults().withPort(0)).start();
        Path out = Files.createDirectories(Path.of("target/browser"));
        try {
            String base = "http://127.0.0.1:" + server.getHttpPort();
            ProcessBuilder pb = new ProcessBuilder("node", SCRIPT_DIR.resolve("ui-check.js").toString(), base,
                    Html.href(person.getURI()), out.toString()).redirectError(out.resolve("node-stderr.txt").toFile());
            Process p = pb.start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "browser check timed out");
            assertEquals(0, p.exitValue(), "ui-check.js failed: " + Files.readString(out.resolve("node-stderr.txt")));
            JsonObject seen = JSON.parse(stdout.strip().lines().reduce((a, b) -> b).orElse("{}"));

            assertTrue(str(seen, "title").startsWith("DiploKG"), "page title " + str(seen, "title"));
            assertTrue(str(seen, "banner").contains("read-only"), "the banner explains what is hidden");
            List<String> badges = list(seen, "examples");
            assertEquals(examples.size(), badges.size(), "one badge per example query");
            assertEquals(examples.get(0).question(), badges.get(0));
            assertTrue(badges.stream().anyMatch(b -> b.startsWith("Federated: ")));
            assertFalse(badges.contains("Selection of triples"));
            assertTrue(list(seen, "prefixes").containsAll(List.of("dkg", "dkgr", "wd", "wdt")), "prefixes " + list(seen, "prefixes"));
            assertEquals(examples.get(0).text().strip(), str(seen, "editor").strip(), "the badge loads the query into the editor");
            assertEquals(expectedRows, list(seen, "rows").size(), "the UI shows the query's rows");
            for (String hidden : List.of("add data", "edit", "remove", "backup"))
                assertFalse(list(seen, "visibleButtons").contains(hidden), hidden + " is hidden");
            assertTrue(list(seen, "visibleButtons").contains("query"), "the query tab stays");
            assertEquals(label, str(seen, "entityTitle"));
            assertTrue(list(seen, "entitySections").stream().anyMatch(s -> s.startsWith("Posts")), "sections " + list(seen, "entitySections"));
            assertTrue(seen.get("cites").getAsNumber().value().intValue() > 0, "citations shown");
            assertTrue(Files.size(out.resolve("ui.png")) > 10_000 && Files.size(out.resolve("entity.png")) > 10_000, "screenshots");
        } finally {
            server.stop();
        }
    }

    static String str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null ? "" : v.getAsString().value();
    }

    static List<String> list(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null ? List.of() : v.getAsArray().stream().map(x -> x.getAsString().value()).toList();
    }
}
