package org.diplokg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;
import org.diplokg.TestProject;
import org.diplokg.store.KgDataset;
import org.diplokg.vocab.DKG;
import org.eclipse.rdf4j.http.client.SPARQLProtocolSession;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The read-only server over HTTP, seen by two independent clients (Jena and RDF4J) and by raw HTTP. */
class KgServerTest {

    static FusekiServer server;
    static String base;
    static String endpoint;
    static final HttpClient http = HttpClient.newHttpClient();

    static final String GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
    static final String ONTOLOGY_CLASSES = "PREFIX owl: <http://www.w3.org/2002/07/owl#> "
            + "CONSTRUCT { ?c a owl:Class } WHERE { GRAPH <" + DKG.GRAPH_ONTOLOGY + "> { ?c a owl:Class FILTER isIRI(?c) } }";

    static long graphCount;
    static long ontologyClassCount;

    @BeforeAll
    static void start() {
        DatasetGraph raw = TestProject.dataset();
        graphCount = KgDataset.graphCount(raw);
        ontologyClassCount = Txn.calculateRead(raw, () -> QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(raw))
                .query(ONTOLOGY_CLASSES).build().execConstruct().size());
        assertTrue(graphCount >= 3 && ontologyClassCount > 10, "fixture: the dataset should hold the ontology and reference graphs");
        server = KgServer.build(KgDataset.queryView(raw), KgServer.Options.defaults().withPort(0)).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
        endpoint = base + "/kg/sparql";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static Stream<Arguments> selectFormats() {
        return Stream.of(
                Arguments.of("application/sparql-results+json", TupleQueryResultFormat.JSON),
                Arguments.of("application/sparql-results+xml", TupleQueryResultFormat.SPARQL),
                Arguments.of("text/csv", TupleQueryResultFormat.CSV),
                Arguments.of("text/tab-separated-values", TupleQueryResultFormat.TSV));
    }

    @ParameterizedTest
    @MethodSource("selectFormats")
    void selectInEveryResultFormat(String mediaType, TupleQueryResultFormat rdf4jFormat) throws Exception {
        HttpResponse<String> raw = get(endpoint + "?query=" + enc(GRAPH_COUNTS), mediaType);
        assertEquals(200, raw.statusCode());
        assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith(mediaType), raw.headers().toString());

        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(GRAPH_COUNTS).acceptHeader(mediaType).build()) {
            ResultSet rs = qe.execSelect();
            int rows = 0;
            while (rs.hasNext()) { rs.next(); rows++; }
            assertEquals(graphCount, rows, "Jena client, " + mediaType);
        }

        SPARQLRepository repo = rdf4j(endpoint, rdf4jFormat, null);
        try (RepositoryConnection conn = repo.getConnection()) {
            List<BindingSet> rows = conn.prepareTupleQuery(GRAPH_COUNTS).evaluate().stream().toList();
            assertEquals(graphCount, rows.size(), "RDF4J client, " + mediaType);
            assertTrue(rows.stream().anyMatch(b -> b.getValue("g").stringValue().equals(DKG.GRAPH_REFERENCE)));
        } finally {
            repo.shutDown();
        }
    }

    static Stream<Arguments> graphFormats() {
        return Stream.of(
                Arguments.of("text/turtle", RDFFormat.TURTLE),
                Arguments.of("application/n-triples", RDFFormat.NTRIPLES),
                Arguments.of("application/ld+json", RDFFormat.JSONLD),
                Arguments.of("application/rdf+xml", RDFFormat.RDFXML));
    }

    @ParameterizedTest
    @MethodSource("graphFormats")
    void constructInEveryGraphFormat(String mediaType, RDFFormat rdf4jFormat) throws Exception {
        HttpResponse<String> raw = get(endpoint + "?query=" + enc(ONTOLOGY_CLASSES), mediaType);
        assertEquals(200, raw.statusCode());
        assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith(mediaType), raw.headers().toString());

        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(ONTOLOGY_CLASSES).acceptHeader(mediaType).build()) {
            assertEquals(ontologyClassCount, qe.execConstruct().size(), "Jena client, " + mediaType);
        }

        SPARQLRepository repo = rdf4j(endpoint, null, rdf4jFormat);
        try (RepositoryConnection conn = repo.getConnection()) {
            long n = conn.prepareGraphQuery(ONTOLOGY_CLASSES).evaluate().stream().count();
            assertEquals(ontologyClassCount, n, "RDF4J client, " + mediaType);
        } finally {
            repo.shutDown();
        }
    }

    @Test
    void postedQueriesAndAskWork() throws Exception {
        String ask = "PREFIX dkg: <" + DKG.NS + "> ASK { ?c a dkg:Country }";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(ask)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("true"), r.body());
        try (RDFConnection conn = RDFConnectionRemote.service(base + "/kg").queryEndpoint("sparql").build()) {
            assertTrue(conn.queryAsk(ask));
        }
    }

    @Test
    void defaultGraphIsTheUnionWithRdfsEntailment() {
        // dkg:Agent is never stated: people and countries are typed with subclasses, so only entailment finds it.
        String stated = "PREFIX dkg: <" + DKG.NS + "> ASK { GRAPH ?g { ?x a dkg:Agent } FILTER (?g != <" + DKG.GRAPH_INFERRED + ">) }";
        assertFalse(Txn.calculateRead(TestProject.dataset(), () -> QueryExecution
                .dataset(org.apache.jena.query.DatasetFactory.wrap(TestProject.dataset())).query(stated).build().execAsk()),
                "fixture: dkg:Agent must not be stated for this test to mean anything");
        try (RDFConnection conn = RDFConnectionRemote.service(base + "/kg").queryEndpoint("sparql").build()) {
            assertTrue(conn.queryAsk("PREFIX dkg: <" + DKG.NS + "> ASK { ?x a dkg:Agent }"), "union default graph + RDFS");
            assertTrue(conn.queryAsk("PREFIX dkg: <" + DKG.NS + "> ASK { GRAPH <" + DKG.GRAPH_INFERRED + "> { ?x a dkg:Agent } }"),
                    "entailed triples live in the inferred graph");
            assertFalse(conn.queryAsk(stated), "a named graph holds what it states");
            assertTrue(conn.queryAsk("PREFIX dkg: <" + DKG.NS + "> ASK { ?x a dkg:Diplomat }"), "defined class materialised");
            assertFalse(conn.queryAsk("ASK { ?s ?p ?o FILTER isLiteral(?s) }"), "RDFS range rules must not leak literal subjects");
        }
    }

    @Test
    void graphStoreProtocolReads() throws Exception {
        HttpResponse<String> r = get(base + "/kg?graph=" + enc(DKG.GRAPH_ONTOLOGY), "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Diplomat"));
        Graph g = org.apache.jena.riot.RDFParser.fromString(r.body(), org.apache.jena.riot.Lang.TURTLE).toGraph();
        assertTrue(g.size() > 100);
    }

    @Test
    void updateIsRefusedByDefault() throws Exception {
        String update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }";
        for (String target : List.of(base + "/kg/update", base + "/kg", base + "/kg/sparql")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, target + " answered " + r.statusCode());
        }
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/kg?default"))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() >= 400 && put.statusCode() < 500, "GSP PUT answered " + put.statusCode());
        try (RDFConnection conn = RDFConnectionRemote.service(base + "/kg").queryEndpoint("sparql").build()) {
            assertFalse(conn.queryAsk("ASK { <urn:a> ?p ?o }"), "nothing was written");
        }
    }

    @Test
    void adminOperationsAreNotMounted() throws Exception {
        List<HttpRequest> attempts = List.of(
                HttpRequest.newBuilder(URI.create(base + "/$/datasets?dbName=x&dbType=mem")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpRequest.newBuilder(URI.create(base + "/$/datasets/kg")).DELETE().build(),
                HttpRequest.newBuilder(URI.create(base + "/$/backup/kg")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpRequest.newBuilder(URI.create(base + "/$/compact/kg")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpRequest.newBuilder(URI.create(base + "/kg/upload")).POST(HttpRequest.BodyPublishers.ofString("x")).build());
        for (HttpRequest req : attempts) {
            int code = http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
            assertTrue(code >= 400 && code < 500, req.method() + " " + req.uri() + " answered " + code);
        }
        String status = get(base + "/$/server", "application/json").body();
        assertTrue(status.contains("\"/kg\"") && !status.contains("\"/x\""), status);
    }

    @Test
    void malformedQueryIsA400WithAMessage() throws Exception {
        HttpResponse<String> r = get(endpoint + "?query=" + enc("SELECT ?x WHERE { ?x ?y }"), "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Parse error") || r.body().contains("Encountered"), r.body());
    }

    @Test
    void uiAndItsReadEndpointsAreServed() throws Exception {
        HttpResponse<String> ui = get(base + "/", "text/html");
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("<div id=\"app\""), "Fuseki UI index page");
        HttpResponse<String> status = get(base + "/$/server", "application/json");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"/kg\""), status.body());
        assertEquals(200, get(base + "/$/ping", "text/plain").statusCode());
        assertEquals(200, get(base + "/$/stats/kg", "application/json").statusCode());
    }

    @Test
    void corsPreflightIsAnswered() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://example.org").header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent(), r.headers().toString());
    }

    @Test
    void updateNeedsTheCredentialWhenEnabled(@TempDir Path dir) throws Exception {
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "editor: s3cret\n");
        DatasetGraph scratch = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        FusekiServer rw = KgServer.build(scratch, KgServer.Options.defaults().withPort(0).withUpdate("editor", passwords)).start();
        try {
            String url = "http://127.0.0.1:" + rw.getHttpPort() + "/kg/update";
            String update = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }";
            List<Integer> codes = new ArrayList<>();
            for (String auth : new String[] {null, "editor:wrong", "editor:s3cret"}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(update));
                if (auth != null)
                    b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
                codes.add(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            assertEquals(List.of(401, 401), codes.subList(0, 2), "no or wrong credential");
            assertTrue(codes.get(2) / 100 == 2, "with the credential: " + codes.get(2));
            assertEquals(1, Txn.calculateRead(scratch, () -> scratch.getGraph(org.apache.jena.graph.NodeFactory.createURI("urn:g")).size()));
        } finally {
            rw.stop();
        }
    }

    /** RDF4J's SPARQL client, asking for the given result formats (RDF4J 5.2 sets them on the protocol session). */
    static SPARQLRepository rdf4j(String url, TupleQueryResultFormat tuples, RDFFormat graphs) {
        return new SPARQLRepository(url) {
            @Override
            protected SPARQLProtocolSession createSPARQLProtocolSession() {
                SPARQLProtocolSession session = super.createSPARQLProtocolSession();
                if (tuples != null) session.setPreferredTupleQueryResultFormat(tuples);
                if (graphs != null) session.setPreferredRDFFormat(graphs);
                return session;
            }
        };
    }

    static HttpResponse<String> get(String url, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
