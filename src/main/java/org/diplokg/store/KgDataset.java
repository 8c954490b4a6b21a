package org.diplokg.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.diplokg.rdf.RdfFiles;
import org.diplokg.vocab.DKG;

/**
 * Assembles the dataset DiploKG serves: the ontology, the reference data and the generated KG, each in its own
 * named graph, plus an inferred graph holding what the ontology entails and no graph states: the members of its
 * defined classes (computed by the queries in {@code /inference/}) and the RDFS consequences of everything
 * ({@link RdfsClosure}). The query view's default graph is the union of the named graphs, a set: each triple once.
 * <p>
 * Entailment is materialised when the dataset is built, not derived at query time, so that queries run on the
 * store's own engine over a union that yields each triple once (TDB2's {@code unionDefaultGraph}, or the
 * in-memory store's union graph), not on a stack of wrapping graphs that yields a triple once per derivation and
 * hides TDB2's joins.
 */
public final class KgDataset {
    private KgDataset() {}

    /** Inference queries, each a CONSTRUCT whose results go into the inferred graph. */
    private static final List<String> INFERENCE_QUERIES = List.of("/inference/holds.rq", "/inference/diplomat.rq");

    /** A new in-memory dataset holding everything under {@code layout}. */
    public static DatasetGraph loadInMemory(ProjectLayout layout) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> load(dsg, layout));
        return dsg;
    }

    /**
     * The TDB2 database in {@code dir}; when it holds no graphs yet it is filled from {@code layout}
     * in one transaction, so a failed load leaves it empty rather than half-written.
     */
    public static DatasetGraph openTdb2(Path dir, ProjectLayout layout) {
        DatasetGraph dsg = TDB2Factory.connectDataset(dir.toString()).asDatasetGraph();
        boolean empty = Txn.calculateRead(dsg, () -> !dsg.listGraphNodes().hasNext());
        if (empty)
            Txn.executeWrite(dsg, () -> load(dsg, layout));
        return dsg;
    }

    /** The ontology and reference graphs only (what the converter links to), in memory. */
    public static DatasetGraph loadReference(ProjectLayout layout) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            RdfFiles.readInto(dsg, layout.ontology(), DKG.graph(DKG.GRAPH_ONTOLOGY));
            for (Path f : layout.referenceFiles())
                RdfFiles.readInto(dsg, f, DKG.graph(DKG.GRAPH_REFERENCE));
        });
        return dsg;
    }

    /** Loads every source file into its graph and recomputes the inferred graph. Call inside a write transaction. */
    public static void load(DatasetGraph dsg, ProjectLayout layout) {
        RdfFiles.readInto(dsg, layout.ontology(), DKG.graph(DKG.GRAPH_ONTOLOGY));
        for (Path f : layout.referenceFiles())
            RdfFiles.readInto(dsg, f, DKG.graph(DKG.GRAPH_REFERENCE));
        for (Path f : layout.kgFiles())
            RdfFiles.readInto(dsg, f, null);
        infer(dsg);
    }

    /**
     * Replaces the inferred graph with the results of the inference queries over all other graphs, then adds the
     * RDFS consequences of all graphs under the ontology's schema that no graph states. Call inside a write transaction.
     */
    public static void infer(DatasetGraph dsg) {
        Node inferred = DKG.graph(DKG.GRAPH_INFERRED);
        dsg.removeGraph(inferred);
        inferDefinedClasses(dsg, inferred);
        RdfsClosure.addTo(dsg, ontology(dsg), inferred);
    }

    /**
     * Adds the results of the inference queries (defined classes, inverse properties) over all graphs to
     * {@code target}, except those some graph already states.
     */
    public static void inferDefinedClasses(DatasetGraph dsg, Node target) {
        Graph source = dsg.getUnionGraph();
        for (String resource : INFERENCE_QUERIES) {
            Query q = QueryFactory.create(resource(resource));
            List<Triple> found = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.create(q, ModelFactory.createModelForGraph(source))) {
                qe.execConstructTriples().forEachRemaining(found::add);
            }
            for (Triple t : found)
                if (!dsg.contains(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()))
                    dsg.add(target, t.getSubject(), t.getPredicate(), t.getObject());
        }
    }

    /** A copy of the ontology graph: the schema RDFS entailment works under. */
    public static Graph ontology(DatasetGraph dsg) {
        Graph ontology = GraphFactory.createDefaultGraph();
        dsg.getGraph(DKG.graph(DKG.GRAPH_ONTOLOGY)).find().forEachRemaining(ontology::add);
        return ontology;
    }

    /**
     * The view served at {@code /kg}: the dataset with a default graph that is the union of its named graphs, as a set.
     * A TDB2 database (the {@code --data} store, and the benchmark's) answers with TDB2's own engine and
     * {@code unionDefaultGraph}; it must be served unwrapped for that engine to take the query. An in-memory
     * dataset gets a union view ({@link UnionDefaultGraph}): ARQ's general engine, which is the one an in-memory
     * dataset always uses, and copying it into an in-memory TDB2 database would cost seconds at each start.
     */
    public static DatasetGraph queryView(DatasetGraph dsg) {
        if (!TDBInternal.isBackedByTDB(dsg))
            return new UnionDefaultGraph(dsg);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }

    /** Number of triples over all named graphs (the default graph is a view of them, so not counted again). */
    public static long size(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            for (var it = dsg.listGraphNodes(); it.hasNext(); )
                n += dsg.getGraph(it.next()).size();
            return n;
        });
    }

    public static int graphCount(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            int n = 0;
            for (var it = dsg.listGraphNodes(); it.hasNext(); it.next())
                n++;
            return n;
        });
    }

    /** A classpath resource as text (queries shipped with the code). */
    public static String resource(String name) {
        try (InputStream in = KgDataset.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
