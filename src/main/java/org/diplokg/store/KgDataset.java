package org.diplokg.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.diplokg.rdf.RdfFiles;
import org.diplokg.vocab.DKG;

/**
 * Assembles the dataset DiploKG serves: the ontology, the reference data and the generated KG, each in its own
 * named graph, plus the facts the ontology's defined classes entail (computed by the queries in
 * {@code /inference/}), and a query view whose default graph is the union of the named graphs with RDFS
 * entailment applied.
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

    /** Replaces the inferred graph with the results of the inference queries over all other graphs. */
    public static void infer(DatasetGraph dsg) {
        Node inferred = DKG.graph(DKG.GRAPH_INFERRED);
        dsg.removeGraph(inferred);
        Graph source = dsg.getUnionGraph();
        for (String resource : INFERENCE_QUERIES) {
            Query q = QueryFactory.create(resource(resource));
            try (QueryExecution qe = QueryExecution.create(q, ModelFactory.createModelForGraph(source))) {
                qe.execConstructTriples().forEachRemaining(t -> dsg.add(inferred, t.getSubject(), t.getPredicate(), t.getObject()));
            }
        }
    }

    /**
     * The view served at {@code /kg}: the default graph is the union of all named graphs, and every graph answers
     * with RDFS entailment (subclass, subproperty, domain, range) under the ontology's schema.
     */
    public static DatasetGraph queryView(DatasetGraph dsg) {
        Graph ontology = Txn.calculateRead(dsg, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.getGraph(DKG.graph(DKG.GRAPH_ONTOLOGY)).find().forEachRemaining(g::add);
            return g;
        });
        return new StandardRdfView(RDFSFactory.datasetRDFS(new UnionDefaultGraph(dsg), RDFSFactory.setupRDFS(ontology)));
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
