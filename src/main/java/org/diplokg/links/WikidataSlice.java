package org.diplokg.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.diplokg.UserException;
import org.diplokg.rdf.RdfFiles;
import org.diplokg.store.ProjectLayout;

/**
 * The offline Wikidata slice in {@code data/wikidata/}: Turtle shaped like Wikidata's RDF dump, loaded into the
 * default graph as Wikidata's own endpoint has it (no named graphs, no inference), so that a query written for
 * the Wikidata Query Service runs unchanged against it.
 */
public final class WikidataSlice {
    private WikidataSlice() {}

    public static Path dir(ProjectLayout layout) {
        return layout.root().resolve("data/wikidata");
    }

    public static DatasetGraph load(ProjectLayout layout) {
        return load(dir(layout));
    }

    public static DatasetGraph load(Path dir) {
        List<Path> files = turtleFiles(dir);
        if (files.isEmpty())
            throw new UserException(dir + ": no Wikidata slice (*.ttl) found");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> files.forEach(f -> RdfFiles.readInto(dsg, f, null)));
        return dsg;
    }

    private static List<Path> turtleFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ttl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
