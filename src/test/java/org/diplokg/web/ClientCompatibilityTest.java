package org.diplokg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.diplokg.TestProject;
import org.diplokg.server.KgServer;
import org.diplokg.store.KgDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPARQLWrapper's requests: its format parameters next to its Accept header, for each format it offers. */
class ClientCompatibilityTest {
    static FusekiServer server;
    static String endpoint;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String CONSTRUCT = "CONSTRUCT { ?c a <https://w3id.org/diplokg/ontology#Country> } WHERE { ?c a <https://w3id.org/diplokg/ontology#Country> } LIMIT 2";

    @BeforeAll
    static void start() {
        server = KgServer.build(KgDataset.queryView(TestProject.dataset()), KgServer.Options.defaults().withPort(0)).start();
        endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/kg/sparql";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    /** The parameter values and Accept headers SPARQLWrapper 1.8/2.0 send for a CONSTRUCT in each format. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "xml|application/rdf+xml|application/rdf+xml",
            "rdf+xml|application/rdf+xml|application/rdf+xml",
            "rdf|application/rdf+xml|application/rdf+xml",
            "turtle|application/turtle,text/turtle|text/turtle",
            "n3|application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3|text/turtle",
            "json-ld|application/ld+json,application/x-json+ld|application/ld+json",
            "json|application/ld+json,application/x-json+ld|application/ld+json"})
    void formatParameterWithAccept(String format, String accept, String expectedType) throws Exception {
        String f = URLEncoder.encode(format, StandardCharsets.UTF_8);
        String url = endpoint + "?query=" + URLEncoder.encode(CONSTRUCT, StandardCharsets.UTF_8) + "&format=" + f + "&output=" + f + "&results=" + f;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), format + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(expectedType), r.headers().toString());
        assertTrue(r.body().contains("country"), r.body());
    }

    /** The real client, when python3 has it. */
    @Test
    void sparqlWrapperItself() throws Exception {
        String python = null;
        for (String candidate : new String[] {"/usr/bin/python3", "python3"}) { // Debian's package is for Debian's python
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import SPARQLWrapper").start();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) { python = candidate; break; }
            } catch (java.io.IOException absent) {
                // try the next one
            }
        }
        assumeTrue(python != null, "python3 with SPARQLWrapper not installed (.ci/run: apt-get install -y python3-sparqlwrapper python3-rdflib-jsonld)");
        Process p = new ProcessBuilder(python, "src/test/python/sparqlwrapper-check.py", endpoint).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("FAIL"), out);
        assertTrue(out.lines().filter(l -> l.contains(" OK ")).count() >= 22, out);
    }
}
