package org.diplokg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The W3C SPARQL 1.1 test suites from {@code ../shared/w3c-sparql11/} run against DiploKG's server over HTTP:
 * query evaluation (each test's data loaded into the served dataset, its query sent to {@code /kg/sparql}, the answer
 * parsed from the wire and compared with the expected result by term, blank nodes up to isomorphism), query syntax,
 * the protocol tests (each request replayed, {@code /sparql/} mapped to {@code /kg/sparql} or {@code /kg/update}) and
 * the service-description tests. Tests that fail for a known reason are listed in {@code w3c-known-failures.tsv}
 * with that reason; they are reported as skipped while they fail, and fail the build once they pass (so the list
 * cannot go stale). Skipped as a whole, with a message, where {@code ../shared} is absent.
 */
class W3cSuiteTest {

    static final Path SUITE = Path.of("../shared/w3c-sparql11/sparql/sparql11").toAbsolutePath().normalize();
    static final List<String> EVALUATION = List.of("aggregates", "bind", "bindings", "cast", "construct", "csv-tsv-res",
            "exists", "functions", "grouping", "json-res", "negation", "project-expression", "property-path", "subquery");

    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
    static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    static final String HT = "http://www.w3.org/2011/http#";
    static final String CNT = "http://www.w3.org/2011/content#";
    static final String DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";

    @TempDir
    static Path dir;
    static DatasetGraph data;
    static FusekiServer server;
    static String base;
    static Map<String, String> knownFailures;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("w3c:test".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SUITE), "W3C SPARQL 1.1 suites not found at " + SUITE + " (../shared is absent): skipped");
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "w3c: test\n");
        // One server for every test, in write mode (the protocol tests update); each test replaces the data.
        data = DatasetGraphFactory.createTxnMem();
        server = KgServer.build(data, KgServer.Options.defaults().withPort(0).withUpdate("w3c", passwords)).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
        knownFailures = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/w3c-known-failures.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", 2);
            knownFailures.put(f[0], f.length > 1 ? f[1] : "");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @TestFactory
    Stream<DynamicNode> suites() {
        if (!Files.isDirectory(SUITE)) return Stream.empty();
        List<DynamicNode> out = new ArrayList<>();
        for (String name : EVALUATION)
            out.add(container(name, this::evaluationTest));
        out.add(container("syntax-query", this::syntaxTest));
        out.add(container("protocol", this::protocolTest));
        out.add(container("service-description", this::serviceDescriptionTest));
        return out.stream();
    }

    interface Runner { void run(Resource entry) throws Exception; }

    DynamicContainer container(String name, Runner runner) {
        Path manifest = SUITE.resolve(name).resolve("manifest.ttl");
        Model m = RDFDataMgr.loadModel(manifest.toUri().toString());
        Resource root = m.listSubjectsWithProperty(RDF.type, m.createResource(MF + "Manifest")).next();
        List<DynamicTest> tests = new ArrayList<>();
        for (RDFNode n : root.getPropertyResourceValue(m.createProperty(MF + "entries")).as(RDFList.class).asJavaList()) {
            Resource entry = n.asResource();
            if (entry.hasProperty(m.createProperty(DAWGT + "approval"), m.createResource(DAWGT + "Withdrawn"))) continue;
            String id = name + "/" + entry.getLocalName();
            String label = id + " " + str(entry, MF + "name");
            tests.add(DynamicTest.dynamicTest(label, () -> known(id, () -> runner.run(entry))));
        }
        return DynamicContainer.dynamicContainer(name, tests);
    }

    /** Runs a test; a listed failure is reported as skipped with its reason, and fails the build when it passes. */
    static void known(String id, org.junit.jupiter.api.function.Executable test) throws Throwable {
        String reason = knownFailures.get(id);
        if (reason == null) {
            try {
                test.execute();
            } catch (Throwable t) {
                throw new AssertionError(id + ": " + t.getMessage(), t);
            }
            return;
        }
        try {
            test.execute();
        } catch (Throwable t) {
            Assumptions.abort("known failure (" + reason + "): " + t.getMessage());
        }
        fail(id + " passes now: remove it from w3c-known-failures.tsv");
    }

    // Query evaluation.

    void evaluationTest(Resource entry) throws Exception {
        Model m = entry.getModel();
        if (entry.hasProperty(RDF.type, m.createResource(MF + "PositiveSyntaxTest11"))
                || entry.hasProperty(RDF.type, m.createResource(MF + "NegativeSyntaxTest11"))) {
            syntaxTest(entry);
            return;
        }
        Resource action = entry.getPropertyResourceValue(m.createProperty(MF + "action"));
        String queryFile = action.getPropertyResourceValue(m.createProperty(QT + "query")).getURI();
        load(action.listProperties(m.createProperty(QT + "data")).toList(), action.listProperties(m.createProperty(QT + "graphData")).toList());
        String queryText = "BASE <" + queryFile + ">\n" + Files.readString(Path.of(URI.create(queryFile)));
        Query query = QueryFactory.create(queryText, Syntax.syntaxSPARQL_11);
        String resultFile = entry.getPropertyResourceValue(m.createProperty(MF + "result")).getURI();
        if (query.isConstructType() || query.isDescribeType()) {
            HttpResponse<byte[]> r = send(queryText, "application/n-triples");
            assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
            Graph actual = RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.NTRIPLES).toGraph();
            Graph expected = RDFDataMgr.loadGraph(resultFile);
            assertTrue(expected.isIsomorphicWith(actual), () -> "expected\n" + expected + "\nactual\n" + actual);
            return;
        }
        Lang lang = resultFile.endsWith(".srj") ? ResultSetLang.RS_JSON : resultFile.endsWith(".csv") ? ResultSetLang.RS_CSV
                : resultFile.endsWith(".tsv") ? ResultSetLang.RS_TSV : ResultSetLang.RS_XML;
        HttpResponse<byte[]> r = send(queryText, lang.getContentType().getContentTypeStr());
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        if (lang.equals(ResultSetLang.RS_CSV)) {
            // CSV loses types, so it is compared as text: the header, then the rows in any order, blank nodes as "_:".
            List<String> exp = csvRows(Files.readString(Path.of(URI.create(resultFile)))), act = csvRows(new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(exp.get(0), act.get(0), "header");
            assertEquals(exp.stream().skip(1).sorted().toList(), act.stream().skip(1).sorted().toList());
            return;
        }
        SPARQLResult actual = readAny(new ByteArrayInputStream(r.body()), lang);
        SPARQLResult expected = expected(resultFile);
        if (expected.isBoolean()) {
            assertTrue(actual.isBoolean(), "a boolean answer");
            assertEquals(expected.getBooleanResult(), actual.getBooleanResult());
            return;
        }
        ResultSetRewindable exp = expected.getResultSet().rewindable(), act = actual.getResultSet().rewindable();
        // By term (blank nodes up to isomorphism), or else by value: 3.21E4 and 32100.0e0 are the same double.
        boolean same = query.isOrdered()
                ? compare(exp, act, ResultSetCompare::equalsByTermAndOrder) || compare(exp, act, ResultSetCompare::equalsByValueAndOrder)
                : compare(exp, act, ResultSetCompare::equalsByTerm) || compare(exp, act, ResultSetCompare::equalsByValue);
        if (!same) {
            exp.reset();
            act.reset();
            fail("expected\n" + text(exp) + "actual\n" + text(act));
        }
    }

    static List<String> csvRows(String csv) {
        return csv.lines().filter(l -> !l.isEmpty()).map(l -> l.replaceAll("(^|,)_:[^,]*", "$1_:")).toList();
    }

    static boolean compare(ResultSetRewindable a, ResultSetRewindable b, java.util.function.BiPredicate<ResultSet, ResultSet> test) {
        a.reset();
        b.reset();
        return test.test(a, b);
    }

    /** An expected result: SPARQL XML, JSON, CSV or TSV, or a result set in RDF (Turtle). Read whole, then closed. */
    static SPARQLResult expected(String file) throws IOException {
        if (file.endsWith(".ttl") || file.endsWith(".rdf"))
            return new SPARQLResult(ResultSetFactory.makeRewindable(RDFDataMgr.loadModel(file)));
        Lang lang = file.endsWith(".srj") ? ResultSetLang.RS_JSON : file.endsWith(".csv") ? ResultSetLang.RS_CSV
                : file.endsWith(".tsv") ? ResultSetLang.RS_TSV : ResultSetLang.RS_XML;
        try (var in = Files.newInputStream(Path.of(URI.create(file)))) {
            SPARQLResult r = readAny(in, lang);
            return r.isBoolean() ? r : new SPARQLResult(r.getResultSet().rewindable());
        }
    }

    /** Replaces the served data: default graph from qt:data, a named graph per qt:graphData (named by its file). */
    static void load(List<Statement> defaults, List<Statement> named) {
        Txn.executeWrite(data, () -> {
            data.clear();
            for (Statement s : defaults)
                RDFDataMgr.read(data.getDefaultGraph(), s.getResource().getURI());
            for (Statement s : named) {
                Graph g = GraphFactory.createDefaultGraph();
                RDFDataMgr.read(g, s.getResource().getURI());
                data.addGraph(NodeFactory.createURI(s.getResource().getURI()), g);
            }
        });
    }

    static HttpResponse<byte[]> send(String query, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql")).header("Content-Type", "application/sparql-query")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(ResultSet rs) {
        StringBuilder sb = new StringBuilder();
        while (rs.hasNext()) sb.append(rs.next()).append('\n');
        return sb.toString();
    }

    // Syntax.

    void syntaxTest(Resource entry) throws Exception {
        Model m = entry.getModel();
        String file = entry.getPropertyResourceValue(m.createProperty(MF + "action")).getURI();
        boolean positive = entry.hasProperty(RDF.type, m.createResource(MF + "PositiveSyntaxTest11"));
        load(List.of(), List.of());
        HttpResponse<byte[]> r = send("BASE <" + file + ">\n" + Files.readString(Path.of(URI.create(file))), "application/sparql-results+xml, application/n-triples");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (positive) assertEquals(200, r.statusCode(), body);
        else assertEquals(400, r.statusCode(), body);
    }

    // Protocol.

    void protocolTest(Resource entry) throws Exception {
        Model m = entry.getModel();
        Resource action = entry.getPropertyResourceValue(m.createProperty(MF + "action"));
        List<Statement> graphs = entry.listProperties(m.createProperty(UT + "graphData")).toList();
        Txn.executeWrite(data, () -> {
            data.clear();
            for (Statement s : graphs) {
                Resource gd = s.getResource();
                Graph g = GraphFactory.createDefaultGraph();
                RDFDataMgr.read(g, gd.getPropertyResourceValue(m.createProperty(UT + "graph")).getURI());
                data.addGraph(NodeFactory.createURI(gd.getProperty(RDFS.label).getString()), g);
            }
        });
        for (RDFNode rn : action.getPropertyResourceValue(m.createProperty(HT + "requests")).as(RDFList.class).asJavaList())
            replay(rn.asResource());
    }

    void replay(Resource req) throws Exception {
        Model m = req.getModel();
        String path = str(req, HT + "absolutePath");
        String method = str(req, HT + "methodName");
        Resource bodyRes = req.getPropertyResourceValue(m.createProperty(HT + "body"));
        String body = bodyRes == null ? null : str(bodyRes, CNT + "chars");
        Map<String, String> headers = new LinkedHashMap<>();
        Resource hs = req.getPropertyResourceValue(m.createProperty(HT + "headers"));
        if (hs != null)
            for (RDFNode h : hs.as(RDFList.class).asJavaList())
                headers.put(str(h.asResource(), HT + "fieldName"), str(h.asResource(), HT + "fieldValue"));
        String contentType = headers.getOrDefault("content-type", "");
        boolean update = contentType.startsWith("application/sparql-update") || (body != null && body.startsWith("update="))
                || path.contains("update=") || path.contains("using-graph-uri") || path.contains("using-named-graph-uri");
        String target = base + path.replaceFirst("^/sparql/", update ? "/kg/update" : "/kg/sparql");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).header("Authorization", AUTH);
        headers.forEach((k, v) -> b.header(k, v));
        if (!headers.containsKey("accept"))
            b.header("Accept", "application/sparql-results+xml, application/rdf+xml;q=0.9, text/turtle;q=0.8");
        HttpRequest.BodyPublisher pub = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(contentType.contains("UTF-16") ? body.getBytes(StandardCharsets.UTF_16) : body.getBytes(StandardCharsets.UTF_8));
        // A client of its own: Fuseki closes the connection after refusing a request whose body it did not read,
        // and a pooled connection would then fail the next request.
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.method(method, pub).build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        Resource resp = req.getPropertyResourceValue(m.createProperty(HT + "resp"));
        List<String> statuses = resp.listProperties(m.createProperty(MF + "expectedStatus")).toList().stream()
                .map(s -> s.getResource().getLocalName()).toList();
        String klass = "StatusCode" + (r.statusCode() / 100) + "xx";
        assertTrue(statuses.contains(klass) || statuses.contains("StatusCode" + r.statusCode()),
                () -> method + " " + target + ": expected " + statuses + ", got " + r.statusCode() + " " + text);
        Statement format = resp.getProperty(m.createProperty(MF + "expectedFormat"));
        String mediaType = r.headers().firstValue("Content-Type").orElse("");
        if (format != null) {
            switch (format.getString()) {
                case "boolean", "tabular" -> assertTrue(mediaType.contains("sparql-results") || mediaType.contains("csv")
                        || mediaType.contains("tab-separated"), mediaType);
                case "RDF" -> assertTrue(RDFParser.source(new ByteArrayInputStream(r.body()))
                        .lang(org.apache.jena.riot.RDFLanguages.contentTypeToLang(mediaType.split(";")[0])).toGraph() != null, mediaType);
                default -> fail("unknown format " + format.getString());
            }
        }
        Statement bool = resp.getProperty(m.createProperty(MF + "expectedBoolean"));
        if (bool != null) {
            SPARQLResult res = readAny(new ByteArrayInputStream(r.body()),
                    org.apache.jena.riot.RDFLanguages.contentTypeToLang(mediaType.split(";")[0]));
            assertEquals(bool.getBoolean(), res.getBooleanResult(), text);
        }
    }

    // Service description (GET on the endpoint without a query).

    void serviceDescriptionTest(Resource entry) throws Exception {
        String endpoint = base + "/kg/sparql";
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Accept", "text/turtle, application/rdf+xml;q=0.9")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "GET " + endpoint);
        String mediaType = r.headers().firstValue("Content-Type").orElse("").split(";")[0];
        Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(mediaType);
        assertTrue(lang != null, "an RDF media type: " + mediaType);
        Model sd = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).base(endpoint).parse(sd);
        String SD = "http://www.w3.org/ns/sparql-service-description#";
        Property ep = sd.createProperty(SD + "endpoint");
        switch (entry.getLocalName()) {
            case "returns-rdf" -> assertTrue(sd.size() > 0);
            case "has-endpoint-triple" -> assertTrue(sd.contains(null, ep, sd.createResource(endpoint)), "sd:endpoint <" + endpoint + ">");
            case "conforms-to-schema" -> {
                Resource service = sd.listSubjectsWithProperty(ep).nextOptional().orElse(null);
                assertTrue(service != null && service.hasProperty(RDF.type, sd.createResource(SD + "Service")), "an sd:Service with an sd:endpoint");
                assertTrue(service.hasProperty(sd.createProperty(SD + "supportedLanguage")), "sd:supportedLanguage");
            }
            default -> fail("unknown service-description test " + entry);
        }
    }

    static SPARQLResult readAny(java.io.InputStream in, Lang lang) {
        return ResultsReader.create().forceLang(lang).build().readAny(in);
    }

    static String str(Resource r, String property) {
        Statement s = r.getProperty(r.getModel().createProperty(property));
        return s == null ? null : s.getObject().isLiteral() ? s.getString() : s.getResource().getURI();
    }

    static String read(Path p) {
        try { return Files.readString(p); } catch (IOException e) { throw new UncheckedIOException(e); }
    }
}
