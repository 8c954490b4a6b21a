package org.diplokg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.diplokg.QueryRows;
import org.diplokg.TestProject;
import org.diplokg.server.KgServer;
import org.diplokg.vocab.DKG;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPARQL's default graph is a set. DiploKG's answers (the query view, in process and over HTTP) are compared with a
 * plain in-memory dataset whose default graph holds the same triples once each; and the materialised triples are
 * compared with what Jena's own (backward-chaining) RDFS reasoner entails from the stated data.
 */
class ExactAnswersTest {

    static DatasetGraph raw;
    /** What kg serve answers from: the in-memory dataset's union view. */
    static DatasetGraph view;
    /** What kg serve --data answers from: a TDB2 database with unionDefaultGraph. */
    static DatasetGraph tdbView;
    static DatasetGraph plain;
    static FusekiServer server;

    @BeforeAll
    static void setUp() {
        raw = TestProject.dataset();
        view = KgDataset.queryView(raw);
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        Txn.executeRead(raw, () -> Txn.executeWrite(tdb, () -> raw.find().forEachRemaining(tdb::add)));
        tdbView = KgDataset.queryView(tdb);
        plain = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(raw, () -> Txn.executeWrite(plain, () -> raw.find().forEachRemaining(q -> {
            plain.add(q);
            plain.getDefaultGraph().add(q.asTriple());
        })));
        server = KgServer.build(view, KgServer.Options.defaults().withPort(0)).start();
    }

    @AfterAll
    static void tearDown() {
        if (server != null) server.stop();
    }

    static final String DKG_PREFIX = "PREFIX dkg: <" + DKG.NS + "> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
    static final String XI = "<https://w3id.org/diplokg/resource/person/xi-jinping>";

    static Stream<Arguments> queriesOnBothStores() {
        return queries().stream().flatMap(q -> Stream.of(Arguments.of("in memory", q), Arguments.of("TDB2", q)));
    }

    static List<String> queries() {
        return List.of(
                "SELECT ?x ?type { ?x a ?type }",
                "SELECT * { " + XI + " ?p ?o }",
                "SELECT * { ?s ?p ?o }",
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                "SELECT (COUNT(*) AS ?n) { ?x a ?type }",
                "SELECT ?type (COUNT(?x) AS ?n) { ?x a ?type } GROUP BY ?type",
                "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p",
                DKG_PREFIX + "SELECT * { ?x a dkg:Agent }",
                DKG_PREFIX + "SELECT ?x ?name { ?x a dkg:Person ; rdfs:label ?name }",
                DKG_PREFIX + "SELECT ?x { ?x a/rdfs:subClassOf* dkg:Agent }",
                "SELECT * { GRAPH ?g { ?s a ?t } }",
                "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                "SELECT * { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 50 OFFSET 500");
    }

    @ParameterizedTest
    @MethodSource("queriesOnBothStores")
    void sameAnswersAsAPlainDatasetWithTheSameTriples(String store, String query) {
        List<String> expected = rows(plain, query);
        List<String> actual = rows(store.equals("TDB2") ? tdbView : view, query);
        boolean ordered = QueryFactory.create(query).hasOrderBy();
        if (!ordered) {
            expected = sorted(expected);
            actual = sorted(actual);
        }
        assertFalse(expected.isEmpty(), "the query should find something: " + query);
        assertEquals(expected, actual, store + ": " + query);
        if (store.equals("TDB2")) return;
        List<String> overHttp = new ArrayList<>();
        try (QueryExecution qe = QueryExecutionHTTP.service("http://127.0.0.1:" + server.getHttpPort() + "/kg/sparql").query(query).build()) {
            overHttp.addAll(text(qe.execSelect()));
        }
        assertEquals(expected, ordered ? overHttp : sorted(overHttp), "over HTTP: " + query);
    }

    /** The two counts the issue quoted (22,418 rows for 5,505 triples; 224 for 74): each solution once. */
    @ParameterizedTest
    @ValueSource(strings = {"in memory", "TDB2"})
    void noDuplicateSolutions(String store) {
        DatasetGraph view = store.equals("TDB2") ? tdbView : ExactAnswersTest.view;
        for (String q : List.of("SELECT ?x ?type { ?x a ?type }", "SELECT * { " + XI + " ?p ?o }", "SELECT * { ?s ?p ?o }")) {
            List<String> rows = Txn.calculateRead(view, () -> {
                try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(view)).query(q).build()) {
                    ResultSet rs = qe.execSelect();   // each term in full (blank nodes by label, literals with tag or type)
                    List<String> out = new ArrayList<>();
                    rs.forEachRemaining(b -> out.add(rs.getResultVars().stream().map(v -> b.get(v).asNode().toString())
                            .collect(Collectors.joining(" "))));
                    return out;
                }
            });
            assertTrue(rows.size() > 10, q);
            assertEquals(new HashSet<>(rows).size(), rows.size(), "duplicate solutions for " + q);
        }
        long triples = Txn.calculateRead(plain, () -> (long) plain.getDefaultGraph().size());
        long counted = Txn.calculateRead(view, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(view)).query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
        assertEquals(triples, counted, "COUNT(*) is the number of distinct triples");
    }

    /**
     * The union of the served graphs is exactly the stated data (files plus defined-class members) closed under Jena's
     * RDFS reasoner, without generalized triples: nothing missing, nothing extra.
     */
    @Test
    void materialisedTriplesAreWhatJenasRdfsReasonerEntails() {
        // The stated data: every graph but the inferred one (copied, so blank nodes keep their labels), plus the
        // members of the defined classes, which RDFS cannot find.
        Node inferred = DKG.graph(DKG.GRAPH_INFERRED);
        DatasetGraph stated = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(raw, () -> Txn.executeWrite(stated, () -> {
            raw.find().forEachRemaining(q -> { if (!q.getGraph().equals(inferred)) stated.add(q); });
            KgDataset.inferDefinedClasses(stated, inferred);
        }));
        Set<Triple> entailed = Txn.calculateRead(stated, () -> {
            Graph rdfs = RDFSFactory.graphRDFS(stated.getUnionGraph(), RDFSFactory.setupRDFS(KgDataset.ontology(stated)));
            return rdfs.find().filterDrop(t -> t.getSubject().isLiteral()).toSet();
        });
        Set<Triple> served = Txn.calculateRead(tdbView, () -> tdbView.getUnionGraph().find().toSet());
        assertEquals(served, Txn.calculateRead(view, () -> view.getDefaultGraph().find().toSet()), "both stores serve the same triples");
        Set<Triple> missing = new HashSet<>(entailed);
        missing.removeAll(served);
        Set<Triple> extra = new HashSet<>(served);
        extra.removeAll(entailed);
        assertTrue(missing.isEmpty(), () -> missing.size() + " entailed triples not served, e.g. " + missing.stream().limit(5).toList());
        assertTrue(extra.isEmpty(), () -> extra.size() + " served triples not entailed, e.g. " + extra.stream().limit(5).toList());
        long stored = Txn.calculateRead(stated, () -> (long) stated.getUnionGraph().size());
        assertTrue(served.size() > stored, "RDFS adds something (" + served.size() + " served, " + stored + " stated)");
    }

    @Test
    void theInferredGraphRepeatsNoStatedTriple() {
        Node inferred = DKG.graph(DKG.GRAPH_INFERRED);
        long repeated = Txn.calculateRead(raw, () -> raw.getGraph(inferred).find().filterKeep(t -> {
            for (var it = raw.listGraphNodes(); it.hasNext(); ) {
                Node g = it.next();
                if (!g.equals(inferred) && raw.contains(g, t.getSubject(), t.getPredicate(), t.getObject())) return true;
            }
            return false;
        }).toList().size());
        assertEquals(0, repeated);
    }

    static List<String> rows(DatasetGraph dsg, String query) {
        Query q = QueryFactory.create(query);
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                return text(qe.execSelect());
            }
        });
    }

    /** Rows as text, blank nodes as "_:" (their labels differ between a server and its clients). */
    static List<String> text(ResultSet rs) {
        List<String> out = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.add(rs.getResultVars().stream().map(v -> s.get(v) == null ? "" : s.get(v).isAnon() ? "_:" : s.get(v).asNode().toString())
                    .collect(Collectors.joining(" | ")));
        }
        return out;
    }

    static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }
}
