package org.diplokg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplokg.UserException;
import org.diplokg.rdf.RioBridge;
import org.diplokg.store.KgDataset;
import org.diplokg.store.ProjectLayout;
import org.diplokg.vocab.DKG;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the dataset (or one graph) in an RDF format, using RDF4J Rio.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = {"-f", "--format"}, defaultValue = "trig",
            description = "trig, nquads, turtle, ntriples, jsonld, rdfxml (default: ${DEFAULT-VALUE}). "
                    + "Triple formats write the union of the graphs unless --graph names one.")
    String format;

    @Option(names = {"-g", "--graph"}, paramLabel = "IRI", description = "Export only this named graph.")
    String graph;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        RDFFormat rdfFormat = formatOf(format);
        DatasetGraph dsg = KgDataset.loadInMemory(ProjectLayout.fromEnvironment());
        Node g = graph == null ? null : NodeFactory.createURI(graph);
        if (g != null && !Txn.calculateRead(dsg, () -> dsg.containsGraph(g)))
            throw new UserException("--graph " + graph + ": no such graph");
        if (output == null) {
            write(dsg, g, rdfFormat, System.out);
            System.out.flush();
            return 0;
        }
        // Write beside the target, then move into place: a failed export never leaves a half-written file.
        Path dir = Optional.ofNullable(output.toAbsolutePath().getParent()).orElse(Path.of("."));
        Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(dsg, g, rdfFormat, out);
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return 0;
    }

    static RDFFormat formatOf(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "trig" -> RDFFormat.TRIG;
            case "nquads", "nq" -> RDFFormat.NQUADS;
            case "turtle", "ttl" -> RDFFormat.TURTLE;
            case "ntriples", "nt" -> RDFFormat.NTRIPLES;
            case "jsonld", "json-ld" -> RDFFormat.JSONLD;
            case "rdfxml", "rdf/xml", "xml" -> RDFFormat.RDFXML;
            default -> throw new UserException("--format " + name + ": unknown (trig, nquads, turtle, ntriples, jsonld, rdfxml)");
        };
    }

    private static void write(DatasetGraph dsg, Node graph, RDFFormat format, OutputStream out) {
        RDFWriter writer = Rio.createWriter(format, out);
        boolean quads = format.supportsContexts();
        writer.startRDF();
        DKG.PREFIXES.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> writer.handleNamespace(e.getKey(), e.getValue()));
        Txn.executeRead(dsg, () -> {
            Node g = graph != null ? graph : Node.ANY;
            var seen = new java.util.HashSet<org.apache.jena.graph.Triple>();
            dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (quads) writer.handleStatement(RioBridge.statement(q));
                else if (seen.add(q.asTriple())) // a triple in two graphs is written once
                    writer.handleStatement(RioBridge.statement(Quad.create(Quad.defaultGraphIRI, q.asTriple())));
            });
        });
        writer.endRDF();
    }
}
