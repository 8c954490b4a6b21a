package org.diplokg.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplokg.UserException;
import org.diplokg.convert.AnnotationCache;
import org.diplokg.convert.Converter;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.model.Article;
import org.diplokg.rdf.RdfFiles;
import org.diplokg.store.KgDataset;
import org.diplokg.store.ProjectLayout;

/** The KG under evaluation, as the SPARQL query view: TriG files already written, or a fresh conversion. */
public final class EvalKg {
    private EvalKg() {}

    /** The ontology and reference data of {@code layout} with the TriG files of {@code kgDir}, as a query view. */
    public static DatasetGraph fromTrig(ProjectLayout layout, Path kgDir) {
        if (!Files.isDirectory(kgDir)) throw new UserException(kgDir + ": no such KG directory");
        DatasetGraph dsg = KgDataset.loadReference(layout);
        Txn.executeWrite(dsg, () -> {
            for (Path f : trigFiles(kgDir)) RdfFiles.readInto(dsg, f, null);
            KgDataset.infer(dsg);
        });
        return KgDataset.queryView(dsg);
    }

    /**
     * Converts {@code articles} with the project's converter into a temporary directory (never data/kg), loads the
     * result and deletes the directory. The annotation cache makes a re-run cheap.
     *
     * @param cacheDir null to use no annotation cache; otherwise the project's committed and local caches are read
     *                 ({@link AnnotationCache#of}) and new annotations go to the local one
     *
     * @param failures receives one line per article that failed to convert (it is then scored as extracting nothing)
     */
    public static DatasetGraph convert(ProjectLayout layout, List<Article> articles, Path cacheDir, int threads, List<String> failures) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("diplokg-eval-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path out = tmp.resolve("kg");
            AnnotationCache cache = cacheDir == null ? AnnotationCache.NONE : AnnotationCache.of(layout);
            Converter.Result result = new Converter(ReferenceIndex.load(layout), cache, out, threads).run(articles, null);
            result.failures().forEach(f -> failures.add(UserException.oneLine(f)));
            return fromTrig(layout, out);
        } finally {
            deleteTree(tmp);
        }
    }

    /** The per-article TriG files of a KG directory, and merged.trig. */
    public static List<Path> trigFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".trig")).sorted().toList();
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list (" + UserException.oneLine(e.getMessage()) + ")", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover temporary directory is harmless; the scores are what matter.
        }
    }
}
