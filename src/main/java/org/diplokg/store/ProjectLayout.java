package org.diplokg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where a DiploKG checkout keeps its files. The root is the repository directory. */
public record ProjectLayout(Path root) {

    /** The root named by the {@code diplokg.root} system property (set by the {@code kg} launcher), else the working directory. */
    public static ProjectLayout fromEnvironment() {
        String prop = System.getProperty("diplokg.root");
        return new ProjectLayout(Path.of(prop != null ? prop : "").toAbsolutePath().normalize());
    }

    public Path ontology() { return root.resolve("ontology/diplokg.ttl"); }
    public Path shapes() { return root.resolve("ontology/shapes.ttl"); }
    public Path referenceDir() { return root.resolve("data/reference"); }
    public Path kgDir() { return root.resolve("data/kg"); }
    public Path articlesDir() { return root.resolve("data/articles"); }
    public Path queriesDir() { return root.resolve("queries"); }
    /** CoreNLP annotations cached per article content (local, not committed). */
    public Path annotationCacheDir() { return root.resolve(".cache/corenlp"); }
    /** CoreNLP annotations of the articles in {@link #articlesDir()} (committed; see {@code AnnotationCache}). */
    public Path committedAnnotationsDir() { return root.resolve("data/annotations"); }

    /** Curated reference files, sorted so that loading order (and so blank node labels) is stable. */
    public List<Path> referenceFiles() { return list(referenceDir(), ".ttl"); }

    /** Generated knowledge-graph files (TriG, one per article plus the merged graph). */
    public List<Path> kgFiles() { return list(kgDir(), ".trig"); }

    static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
