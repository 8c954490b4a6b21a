package org.diplokg.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplokg.TestProject;
import org.diplokg.UserException;
import org.diplokg.vocab.DKG;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The links commands against endpoints that answer like Wikidata, all on 127.0.0.1: a Fuseki over the offline
 * slice (plus, for the redirect and ambiguity cases, a few extra triples shaped like Wikidata's), and a JDK HTTP
 * server that answers as scripted for the error cases.
 */
class LinksTest {

    static final String WD = DKG.WD;
    static FusekiServer fuseki;
    static String endpoint;
    static List<Link> links;

    @BeforeAll
    static void start() {
        DatasetGraph slice = WikidataSlice.load(TestProject.LAYOUT);
        // Test-only triples: Wikidata states a merged item as "wd:Qold owl:sameAs wd:Qnew". Q4 is not used by the
        // reference data; the statement is fabricated here only to exercise the redirect report.
        Txn.executeWrite(slice, () -> slice.getDefaultGraph().add(NodeFactory.createURI(WD + "Q4"),
                NodeFactory.createURI("http://www.w3.org/2002/07/owl#sameAs"), NodeFactory.createURI(WD + "Q76")));
        fuseki = FusekiServer.create().loopback(true).port(0).add("/wd", slice).build().start();
        endpoint = "http://127.0.0.1:" + fuseki.getHttpPort() + "/wd/sparql";
        links = KgLinks.read(TestProject.dataset());
    }

    @AfterAll
    static void stop() {
        if (fuseki != null) fuseki.stop();
    }

    static PoliteSparqlClient client(String url) {
        return new PoliteSparqlClient(url, PoliteSparqlClient.Settings.polite().withMinInterval(Duration.ZERO)
                .withBackoff(Duration.ofMillis(50), 3).withTimeout(Duration.ofSeconds(2)));
    }

    static Link link(String qid) {
        return links.stream().filter(l -> (WD + qid).equals(l.item())).findFirst().orElseThrow(() -> new AssertionError("no link to " + qid));
    }

    @Test
    void readsLinksWithTheirExpectedWikidataClasses() {
        assertEquals(Set.of(WD + "Q5"), link("Q76").expectedTypes());
        assertTrue(link("Q148").expectedTypes().contains(WD + "Q6256"), link("Q148").toString());
        assertEquals("People's Republic of China", link("Q148").recordedLabel());
        assertTrue(links.stream().anyMatch(l -> l.item() == null && l.label().equals("Wang Yi")), "unlinked people are read too");
    }

    @Test
    void linkedPeopleAndCountriesInTheSliceVerifyCleanly() {
        List<Link> inSlice = List.of(link("Q76"), link("Q6279"), link("Q22686"), link("Q6294"), link("Q15031"), link("Q170581"), link("Q30"), link("Q148"));
        PoliteSparqlClient c = client(endpoint);
        assertEquals(List.of(), new LinkVerifier(c, 3).verify(inSlice));
        assertEquals(3, c.requests(), "8 items in VALUES batches of 3");
    }

    @Test
    void reportsMissingRedirectedWrongLabelAndWrongType() {
        Link japan = link("Q17");                                  // not in the slice
        Link redirected = new Link("urn:x", "Barack Obama", DKG.NS + "Person", WD + "Q4", "Barack Obama", Set.of(WD + "Q5"));
        Link wrongLabel = new Link("urn:y", "Joe Biden", DKG.NS + "Person", WD + "Q6279", "Joseph Biden", Set.of(WD + "Q5"));
        Link wrongType = new Link("urn:z", "Barack Obama", DKG.NS + "Country", WD + "Q76", "Barack Obama", Set.of(WD + "Q6256"));
        Map<String, LinkVerifier.Problem> found = new LinkVerifier(client(endpoint), 10).verify(List.of(japan, redirected, wrongLabel, wrongType))
                .stream().collect(Collectors.toMap(f -> f.link().entity(), LinkVerifier.Finding::problem));
        assertEquals(Map.of(japan.entity(), LinkVerifier.Problem.MISSING, "urn:x", LinkVerifier.Problem.REDIRECTED,
                "urn:y", LinkVerifier.Problem.LABEL, "urn:z", LinkVerifier.Problem.TYPE), found);
    }

    @Test
    void suggestLinksOnlyUniqueTypeAgreeingMatches() {
        Link biden = new Link("urn:biden", "Joe Biden", DKG.NS + "Person", null, null, Set.of(WD + "Q5"));
        Link usAsPerson = new Link("urn:us", "United States", DKG.NS + "Person", null, null, Set.of(WD + "Q5"));
        Link nobody = new Link("urn:wang", "Wang Yi", DKG.NS + "Person", null, null, Set.of(WD + "Q5"));
        var out = new LinkSuggester(client(endpoint), 10).suggest(List.of(biden, usAsPerson, nobody));
        assertEquals(List.of(LinkSuggester.Verdict.LINK, LinkSuggester.Verdict.REVIEW_TYPE, LinkSuggester.Verdict.NONE),
                out.stream().map(LinkSuggester.Suggestion::verdict).toList());
        assertEquals(WD + "Q6279", out.get(0).candidates().get(0).item());
    }

    // ---- error cases, against a scripted server

    interface Script { void answer(com.sun.net.httpserver.HttpExchange ex, int call) throws IOException; }

    static <T> T withScripted(Script script, java.util.function.Function<String, T> body) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        s.createContext("/sparql", ex -> {
            try { script.answer(ex, calls.incrementAndGet()); } finally { ex.close(); }
        });
        s.start();
        try {
            return body.apply("http://127.0.0.1:" + s.getAddress().getPort() + "/sparql");
        } finally {
            s.stop(0);
        }
    }

    static void send(com.sun.net.httpserver.HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        if (b.length > 0) ex.getResponseBody().write(b);
    }

    static final String EMPTY_RESULT = "{\"head\":{\"vars\":[\"item\"]},\"results\":{\"bindings\":[]}}";

    @Test
    void endpointDownIsOneLine() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) { port = free.getLocalPort(); }
        UserException e = assertThrows(UserException.class, () -> client("http://127.0.0.1:" + port + "/sparql").select("SELECT * {}"));
        assertTrue(e.getMessage().contains("cannot connect") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void retriesAfter429HonouringRetryAfterAndSendsTheUserAgent() throws IOException {
        List<String> agents = new ArrayList<>();
        int requests = withScripted((ex, call) -> {
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            if (call == 1) { ex.getResponseHeaders().add("Retry-After", "1"); send(ex, 429, "text/plain", "Too Many Requests"); }
            else if (call == 2) send(ex, 503, "text/plain", "busy");
            else send(ex, 200, "application/sparql-results+json", EMPTY_RESULT);
        }, url -> {
            PoliteSparqlClient c = client(url);
            long t0 = System.nanoTime();
            assertEquals(0, c.select("SELECT ?item {}").size());
            assertTrue(System.nanoTime() - t0 >= 1_000_000_000L, "waited Retry-After: 1 s");
            return c.requests();
        });
        assertEquals(3, requests);
        assertTrue(agents.stream().allMatch(PoliteSparqlClient.USER_AGENT::equals), agents.toString());
    }

    @Test
    void givesUpAfterRepeated429() throws IOException {
        UserException e = withScripted((ex, call) -> send(ex, 429, "text/plain", "slow down"),
                url -> assertThrows(UserException.class, () -> client(url).select("SELECT * {}")));
        assertTrue(e.getMessage().contains("429") && e.getMessage().contains("3 attempts"), e.getMessage());
    }

    @Test
    void timeoutIsReported() throws IOException {
        UserException e = withScripted((ex, call) -> {
            try { Thread.sleep(3000); } catch (InterruptedException ignored) { Thread.currentThread().interrupt(); }
        }, url -> assertThrows(UserException.class, () -> new PoliteSparqlClient(url, PoliteSparqlClient.Settings.polite()
                .withMinInterval(Duration.ZERO).withBackoff(Duration.ofMillis(10), 1).withTimeout(Duration.ofMillis(500))).select("SELECT * {}")));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
    }

    @Test
    void malformedResponseIsReported() throws IOException {
        UserException e = withScripted((ex, call) -> send(ex, 200, "application/sparql-results+json", "{\"head\": [oops"),
                url -> assertThrows(UserException.class, () -> client(url).select("SELECT * {}")));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
    }
}
