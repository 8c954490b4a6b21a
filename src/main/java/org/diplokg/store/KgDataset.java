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
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
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

    /**
     * Heap an in-memory dataset needs per byte of its RDF files, with the entailment: 13 measured on the project's
     * own data (444 bytes per quad), and the synthetic benchmark KGs entail about one quad per stated quad, so more.
     */
    static final int HEAP_PER_FILE_BYTE = 20;

    /**
     * {@link #loadInMemory} for {@code kg serve}: data that cannot fit this JVM's heap is refused up front, and running
     * out of memory while loading is reported, both saying to serve from disk, instead of the JVM grinding to a halt.
     */
    public static DatasetGraph loadInMemoryToServe(ProjectLayout layout) {
        long bytes = 0;
        List<Path> files = new ArrayList<>(List.of(layout.ontology()));
        files.addAll(layout.referenceFiles());
        files.addAll(layout.kgFiles());
        for (Path f : files)
            try { bytes += java.nio.file.Files.size(f); } catch (IOException e) { throw new UncheckedIOException(e); }
        long heap = Runtime.getRuntime().maxMemory();
        checkFitsInMemory(bytes, heap);
        try {
            return loadInMemory(layout);
        } catch (OutOfMemoryError e) {
            throw new org.diplokg.UserException(String.format("out of memory loading %,d MB of RDF into a %.1f GB heap: %s",
                    bytes >> 20, heap / 1e9, TOO_BIG_ADVICE));
        }
    }

    static final String TOO_BIG_ADVICE = "serve it from disk with --data DIR (a TDB2 database, filled on first use), "
            + "or give the JVM more heap (KG_JAVA_OPTS=-Xmx...)";

    /** Throws a one-line {@link org.diplokg.UserException} when {@code bytes} of RDF files will not fit {@code heap} in memory. */
    static void checkFitsInMemory(long bytes, long heap) {
        if (bytes * HEAP_PER_FILE_BYTE > heap * 0.9)
            throw new org.diplokg.UserException(String.format("the data (%,d MB of RDF) needs about %.1f GB of heap in memory, more than this JVM's %.1f GB: %s",
                    bytes >> 20, bytes * HEAP_PER_FILE_BYTE / 1e9, heap / 1e9, TOO_BIG_ADVICE));
    }

    /** A new in-memory dataset holding everything under {@code layout}. */
    public static DatasetGraph loadInMemory(ProjectLayout layout) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> load(dsg, layout));
        return dsg;
    }

    /**
     * The TDB2 database in {@code dir}; when it holds no graphs yet it is filled from {@code layout} with TDB2's bulk
     * loader and the entailment is materialised.
     */
    public static DatasetGraph openTdb2(Path dir, ProjectLayout layout) {
        DatasetGraph dsg = TDB2Factory.connectDataset(dir.toString()).asDatasetGraph();
        boolean empty = Txn.calculateRead(dsg, () -> !dsg.listGraphNodes().hasNext());
        if (empty)
            bulkLoad(dsg, out -> {
                StreamRDF ontology = StreamRDFLib.extendTriplesToQuads(DKG.graph(DKG.GRAPH_ONTOLOGY), out);
                StreamRDF reference = StreamRDFLib.extendTriplesToQuads(DKG.graph(DKG.GRAPH_REFERENCE), out);
                RdfFiles.parse(layout.ontology(), ontology);
                for (Path f : layout.referenceFiles()) RdfFiles.parse(f, reference);
                for (Path f : layout.kgFiles()) RdfFiles.parse(f, out);
            });
        return dsg;
    }

    /**
     * Fills an empty TDB2 database with what {@code source} sends, using TDB2's phased bulk loader (the default of
     * {@code tdb2.tdbloader}), then materialises the entailment (loaded by the same loader).
     */
    public static void bulkLoad(DatasetGraph tdb, java.util.function.Consumer<StreamRDF> source) {
        load(tdb, source);
        // Computed in a read transaction, then loaded by the bulk loader too: adding millions of quads one by one
        // in a write transaction is several times slower.
        List<Triple> inferred = Txn.calculateRead(tdb, () -> inferred(tdb));
        Node graph = DKG.graph(DKG.GRAPH_INFERRED);
        load(tdb, out -> inferred.forEach(t -> out.quad(Quad.create(graph, t))));
    }

    /** One run of TDB2's phased bulk loader (the default of {@code tdb2.tdbloader}). */
    private static void load(DatasetGraph tdb, java.util.function.Consumer<StreamRDF> source) {
        DataLoader loader = LoaderFactory.phasedLoader(tdb, (fmt, args) -> {});
        loader.startBulk();
        try {
            // Each parsed file starts and finishes its stream; the loader's must start and finish once (its
            // finish hands the last batch to the index builders, which finishBulk waits for).
            StreamRDF stream = loader.stream();
            stream.start();
            source.accept(new StreamRDFWrapper(stream) {
                @Override public void start() {}
                @Override public void finish() {}
            });
            stream.finish();
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
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
        for (Triple t : inferred(dsg))
            dsg.add(inferred, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /**
     * What the inferred graph should hold, computed from all the other graphs of {@code dsg} (which must have no
     * inferred graph): the defined-class members, then the RDFS consequences of everything. Reads only.
     */
    static List<Triple> inferred(DatasetGraph dsg) {
        List<Triple> out = definedClassMembers(dsg);
        out.addAll(RdfsClosure.entailed(dsg, ontology(dsg), out));
        return out;
    }

    /** Adds the results of the inference queries (defined classes, inverse properties) over all graphs to {@code target}. */
    public static void inferDefinedClasses(DatasetGraph dsg, Node target) {
        for (Triple t : definedClassMembers(dsg))
            dsg.add(target, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /** The results of the inference queries over all graphs, except those some graph already states. */
    private static List<Triple> definedClassMembers(DatasetGraph dsg) {
        Graph source = dsg.getUnionGraph();
        List<Triple> out = new ArrayList<>();
        for (String resource : INFERENCE_QUERIES) {
            Query q = QueryFactory.create(resource(resource));
            try (QueryExecution qe = QueryExecution.create(q, ModelFactory.createModelForGraph(source))) {
                qe.execConstructTriples().forEachRemaining(t -> {
                    if (!dsg.contains(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()) && !out.contains(t))
                        out.add(t);
                });
            }
        }
        return out;
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
