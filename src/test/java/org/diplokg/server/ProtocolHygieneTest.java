package org.diplokg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.diplokg.TestProject;
import org.diplokg.UserException;
import org.diplokg.store.KgDataset;
import org.diplokg.vocab.DKG;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the read-only endpoint answers requests it cannot or will not answer in full: an HTTP error, never a half answer. */
class ProtocolHygieneTest {

    static final long MAX_ROWS = 200, MAX_BYTES = 20_000;
    static final HttpClient http = HttpClient.newHttpClient();
    /** Small limits; a one-second time limit. */
    static FusekiServer limited;
    /** No practical row limit, the same one-second time limit: a long answer must still not start streaming. */
    static FusekiServer unlimitedRows;

    @BeforeAll
    static void start() {
        var dsg = KgDataset.queryView(TestProject.dataset());
        var options = KgServer.Options.defaults().withPort(0).withTimeout(Duration.ofSeconds(1));
        limited = KgServer.build(dsg, options.withLimits(MAX_ROWS, MAX_BYTES)).start();
        unlimitedRows = KgServer.build(dsg, options.withLimits(Long.MAX_VALUE, MAX_BYTES)).start();
    }

    @AfterAll
    static void stop() {
        if (limited != null) limited.stop();
        if (unlimitedRows != null) unlimitedRows.stop();
    }

    static String sparql(FusekiServer s) { return "http://127.0.0.1:" + s.getHttpPort() + "/kg/sparql"; }

    static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        // A client per request: after refusing a request whose body it did not read, the server may close the
        // connection, and a pooled one would fail the next request.
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("Accept", "application/sparql-results+json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> query(FusekiServer s, String q) throws Exception {
        return post(sparql(s), "application/sparql-query", q);
    }

    @Test
    void aTimeoutIsA503WithNoPartialBody() throws Exception {
        // Millions of rows: Fuseki would have streamed a 200 and cut the body when the time ran out.
        HttpResponse<String> r = query(unlimitedRows, "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
        assertEquals(503, r.statusCode(), () -> r.body().substring(0, Math.min(300, r.body().length())));
        assertFalse(r.body().contains("\"bindings\""), "no result document begun");
        HttpResponse<String> count = query(unlimitedRows, "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }");
        assertEquals(503, count.statusCode());
    }

    @Test
    void answersOverTheRowLimitAreRefusedUpFront() throws Exception {
        HttpResponse<String> r = query(limited, "SELECT * { ?s ?p ?o }");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("limit of " + MAX_ROWS) && r.body().contains("LIMIT"), r.body());
        HttpResponse<String> c = post(sparql(limited), "application/sparql-query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }");
        assertEquals(422, c.statusCode(), c.body());
        HttpResponse<String> paged = query(limited, "SELECT * { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT " + MAX_ROWS + " OFFSET 10");
        assertEquals(200, paged.statusCode());
        assertEquals(MAX_ROWS, paged.body().split("\"s\"\\s*:").length - 1, "a page of exactly the limit is answered in full");
    }

    @Test
    void aBodyOverTheSizeLimitIsA413() throws Exception {
        String big = "SELECT * { ?s ?p ?o } # " + "x".repeat((int) MAX_BYTES);
        HttpResponse<String> r = query(limited, big);
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains(Long.toString(MAX_BYTES)), r.body());
        assertEquals(200, query(limited, "ASK { ?s ?p ?o }").statusCode(), "a small request still works");
    }

    @Test
    void serviceWithAVariableCallsAllowedEndpointsAndRefusesOthers() throws Exception {
        String country = "<" + DKG.NS + "Country>";
        HttpResponse<String> ok = query(limited, "SELECT ?c { VALUES ?svc { <" + sparql(limited) + "> } SERVICE ?svc { ?c a " + country + " } } LIMIT 3");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("/resource/country/"), ok.body());
        HttpResponse<String> refused = query(limited, "SELECT ?c { VALUES ?svc { <http://10.0.0.1/sparql> } SERVICE ?svc { ?c a " + country + " } }");
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("http://10.0.0.1/sparql") && refused.body().contains("allowlist"), refused.body());
    }

    @Test
    void invalidUtf8InTheQueryStringIsA400() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sparql(limited) + "?query=SELECT%20%2A%20%7B%3Fs%20%3Fp%20%22%FF%FE%22%7D")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("UTF-8"), r.body());
    }

    @Test
    void clearAndDropOnTheReadOnlyUnionAre4xxWithAMessage() throws Exception {
        String base = "http://127.0.0.1:" + limited.getHttpPort();
        for (String update : List.of("CLEAR ALL", "DROP ALL", "CLEAR DEFAULT", "DROP GRAPH <" + DKG.GRAPH_REFERENCE + ">"))
            for (String target : List.of(base + "/kg", base + "/kg/sparql", base + "/kg/update")) {
                HttpResponse<String> r = post(target, "application/sparql-update", update);
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, update + " at " + target + ": " + r.statusCode());
                assertFalse(r.body().isBlank(), update + " at " + target + ": no message");
            }
        assertEquals(200, query(limited, "ASK { GRAPH <" + DKG.GRAPH_REFERENCE + "> { ?s ?p ?o } }").statusCode());
        assertTrue(query(limited, "ASK { GRAPH <" + DKG.GRAPH_REFERENCE + "> { ?s ?p ?o } }").body().contains("true"), "nothing was dropped");
    }

    @Test
    void aPortInUseIsOneLine() {
        FusekiServer second = KgServer.build(KgDataset.queryView(TestProject.dataset()),
                KgServer.Options.defaults().withPort(limited.getHttpPort()));
        UserException e = assertThrows(UserException.class, () -> KgServer.start(second, "127.0.0.1"));
        assertTrue(e.getMessage().contains(":" + limited.getHttpPort()) && e.getMessage().contains("--port"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
