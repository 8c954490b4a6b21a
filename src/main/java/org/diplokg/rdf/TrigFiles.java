package org.diplokg.rdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;

/**
 * Writes one named graph as TriG with a byte-stable layout: triples sorted by their N-Triples form, prefixes
 * in a fixed order, no blank nodes expected. The same triples always give the same bytes, so a diff of
 * data/kg/ shows exactly what changed.
 */
public final class TrigFiles {
    private TrigFiles() {}

    /** A triple with its sort key, the N-Triples form of each node, formatted once rather than per comparison. */
    private record Keyed(Triple triple, String s, String p, String o) {
        Keyed(Triple t) {
            this(t, NodeFmtLib.strNT(t.getSubject()), NodeFmtLib.strNT(t.getPredicate()), NodeFmtLib.strNT(t.getObject()));
        }
    }

    private static final Comparator<Keyed> ORDER = Comparator.comparing(Keyed::s).thenComparing(Keyed::p).thenComparing(Keyed::o);

    public static void write(Path file, Node graph, List<Triple> triples, Map<String, String> prefixes) throws IOException {
        List<Triple> sorted = triples.stream().distinct().map(Keyed::new).sorted(ORDER).map(Keyed::triple).toList();
        try (OutputStream out = Files.newOutputStream(file)) {
            RDFWriter w = Rio.createWriter(RDFFormat.TRIG, out);
            w.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, true);
            w.getWriterConfig().set(BasicWriterSettings.INLINE_BLANK_NODES, false);
            w.startRDF();
            prefixes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> w.handleNamespace(e.getKey(), e.getValue()));
            for (Triple t : sorted)
                w.handleStatement(RioBridge.statement(Quad.create(graph, t)));
            w.endRDF();
        }
    }
}
