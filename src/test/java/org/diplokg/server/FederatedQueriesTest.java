package org.diplokg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.diplokg.links.FederationBench;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every query in {@code queries/federated/} with its expected answer, run by {@code kg serve --offline} (a server on
 * a free loopback port) so that SERVICE to the Wikidata Query Service is answered by the slice; and the allowlist.
 */
class FederatedQueriesTest {

    static FusekiServer server;
    static String kg;

    @BeforeAll
    static void start() {
        server = FederatedTestServer.start(true, List.of());
        kg = FederatedTestServer.base(server) + "/kg/sparql";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static List<String> rows(String file) {
        String q = FederatedTestServer.read(FederatedTestServer.federated(file));
        assertTrue(q.startsWith("# Question: "), file + " must start with its question in English");
        return FederatedTestServer.rows(kg, q);
    }

    static final String WD = "http://www.wikidata.org/entity/";

    @Test
    void everyFederatedQueryIsTested() throws Exception {
        Set<String> files;
        try (Stream<Path> s = Files.list(FederatedTestServer.federated(""))) {
            files = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".rq")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(List.of("birth-dates-and-parties.rq", "citizenship-of-linked-people.rq",
                "leaders-in-office-born-before-1950.rq", "names-in-other-languages.rq", "positions-held-by-diplomats.rq",
                "post-holdings-vs-wikidata.rq")), files);
    }

    @Test
    void birthDatesAndParties() {
        assertEquals(List.of(
                "Nancy Pelosi | 1940-03-26T00:00:00Z | " + WD + "Q29552 | Democratic Party",
                "Joe Biden | 1942-11-20T00:00:00Z | " + WD + "Q29552 | Democratic Party",
                "Donald Trump | 1946-06-14T00:00:00Z | " + WD + "Q29468 | Republican Party",
                "Hillary Clinton | 1947-10-26T00:00:00Z | " + WD + "Q29552 | Democratic Party",
                "Xi Jinping | 1953-06-15T00:00:00Z | " + WD + "Q17427 | ",
                "Barack Obama | 1961-08-04T00:00:00Z | " + WD + "Q29552 | Democratic Party"), rows("birth-dates-and-parties.rq"));
    }

    @Test
    void citizenshipJoinsBackToOurCountries() {
        assertEquals(List.of("Barack Obama | United States", "Donald Trump | United States", "Hillary Clinton | United States",
                "Joe Biden | United States", "Nancy Pelosi | United States", "Xi Jinping | China"), rows("citizenship-of-linked-people.rq"));
    }

    @Test
    void leadersInOffice2023BornBefore1950() {
        assertEquals(List.of(
                "Nancy Pelosi | Speaker of the United States House of Representatives | 1940-03-26T00:00:00Z",
                "Joe Biden | President of the United States | 1942-11-20T00:00:00Z"), rows("leaders-in-office-born-before-1950.rq"));
    }

    @Test
    void japaneseNamesAgree() {
        List<String> rows = rows("names-in-other-languages.rq");
        assertEquals(6, rows.size(), rows.toString());
        assertTrue(rows.contains("Xi Jinping | 習近平 | 習近平 | true"), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.endsWith("| true")), rows.toString());
    }

    @Test
    void positionsHeldByDiplomats() {
        assertEquals(List.of("Hillary Clinton | United States Secretary of State | 2009-01-21T00:00:00Z | 2013-02-01T00:00:00Z"),
                rows("positions-held-by-diplomats.rq"));
    }

    @Test
    void postHoldingsAgreeWithWikidata() {
        assertEquals(List.of(
                "Barack Obama | President of the United States | 2009-01-20 | 2009-01-20 | 2017-01-20 | 2017-01-20 | true",
                "Joe Biden | Vice President of the United States | 2009-01-20 | 2009-01-20 | 2017-01-20 | 2017-01-20 | true",
                "Hillary Clinton | United States Secretary of State | 2009-01-21 | 2009-01-21 | 2013-02-01 | 2013-02-01 | true",
                "Donald Trump | President of the United States | 2017-01-20 | 2017-01-20 | 2021-01-20 | 2021-01-20 | true",
                "Joe Biden | President of the United States | 2021-01-20 | 2021-01-20 | 2025-01-20 | 2025-01-20 | true",
                "Donald Trump | President of the United States | 2025-01-20 | 2025-01-20 |  |  | true"), rows("post-holdings-vs-wikidata.rq"));
    }

    @Test
    void batchedExecutionGivesTheSameAnswerInFewerRequests() {
        String q = FederatedTestServer.read(FederatedTestServer.federated("birth-dates-and-parties.rq"));
        GuardedServices guard = KgServer.serviceGuard(server);
        long before = guard.requestsSent();
        List<String> perBinding = FederatedTestServer.rows(kg, FederationBench.rewrite(q, "loop:"));
        long perBindingRequests = guard.requestsSent() - before;
        before = guard.requestsSent();
        List<String> batched = FederatedTestServer.rows(kg, FederationBench.rewrite(q, "loop:bulk+10:"));
        long batchedRequests = guard.requestsSent() - before;
        assertEquals(new TreeSet<>(perBinding), new TreeSet<>(batched));
        assertEquals(6, batched.size());
        assertTrue(batchedRequests < perBindingRequests, batchedRequests + " batched vs " + perBindingRequests + " per binding");
    }

    @Test
    void rdf4jClientGetsTheSameFederatedAnswer() {
        String q = FederatedTestServer.read(FederatedTestServer.federated("citizenship-of-linked-people.rq"));
        var repo = KgServerTest.rdf4j(kg, org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat.JSON, null);
        try (var conn = repo.getConnection()) {
            List<String> rows = conn.prepareTupleQuery(q).evaluate().stream()
                    .map(b -> b.getValue("person").stringValue() + " | " + b.getValue("country").stringValue()).toList();
            assertEquals(rows("citizenship-of-linked-people.rq"), rows);
            assertEquals(6, rows.size());
        } finally {
            repo.shutDown();
        }
    }

    @Test
    void serviceToAnAddressNotOnTheAllowlistIsRefused() throws Exception {
        for (String url : List.of("http://10.0.0.1/sparql", "http://127.0.0.1:1/sparql", "file:///etc/passwd")) {
            String q = "SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(kg + "?query="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, url + " answered " + r.statusCode());
            assertTrue(r.body().contains(url) && r.body().contains("allowlist"), r.body());
        }
        String batched = "SELECT * WHERE { VALUES ?s { <urn:a> } SERVICE <loop:bulk+5:http://10.0.0.1/sparql> { ?s ?p ?o } }";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(kg + "?query="
                + URLEncoder.encode(batched, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500 && r.body().contains("http://10.0.0.1/sparql"), r.statusCode() + " " + r.body());
    }

    @Test
    void ownDatasetsAndAddedEndpointsAreAllowed() {
        String own = FederatedTestServer.base(server) + "/wikidata/sparql";
        List<String> rows = FederatedTestServer.rows(kg, "SELECT ?l WHERE { SERVICE <" + own + "> { <" + WD + "Q76> <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(lang(?l) = 'en') } }");
        assertEquals(List.of("Barack Obama"), rows);
        FusekiServer other = FederatedTestServer.start(false, List.of(kg));
        try {
            String otherKg = FederatedTestServer.base(other) + "/kg/sparql";
            String ask = "SELECT ?n WHERE { SERVICE <" + kg + "> { SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/diplokg/ontology#Country> } } }";
            assertEquals(1, FederatedTestServer.rows(otherKg, ask).size(), "--allow-service URL reaches that endpoint");
        } finally {
            other.stop();
        }
    }
}
