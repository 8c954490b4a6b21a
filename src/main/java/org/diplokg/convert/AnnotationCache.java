package org.diplokg.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.diplokg.store.ProjectLayout;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.ProtobufAnnotationSerializer;

/**
 * Where CoreNLP annotations are kept between runs, one file per cache key (a hash of the clean text, the article
 * date, {@code corenlp.properties} and the CoreNLP version; see {@code AnnotateStage}), in CoreNLP's protobuf
 * serialization. Two places, read in this order:
 * <ol>
 * <li>{@code data/annotations/} (committed, gzipped): the annotations of the project's own articles
 *     ({@code data/articles/}), so that the tests and a fresh clone convert the seeds without loading CoreNLP's models.
 *     Only {@code kg convert} of {@code data/articles/} writes here, and it removes the entries no article uses;</li>
 * <li>{@code .cache/corenlp/} (local, never committed): everything else, e.g. articles under {@code ../shared}.</li>
 * </ol>
 */
public final class AnnotationCache {

    /** One folder of entries. */
    private record Store(Path dir, boolean gzip) {
        Path file(String key) { return dir.resolve(key + (gzip ? ".pb.gz" : ".pb")); }
    }

    /** No cache: every article is annotated, nothing is written. */
    public static final AnnotationCache NONE = new AnnotationCache(List.of(), null, true);

    private final List<Store> reads;
    private final Store writes;
    private final boolean annotateOnMiss;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private AnnotationCache(List<Store> reads, Store writes, boolean annotateOnMiss) {
        this.reads = reads;
        this.writes = writes;
        this.annotateOnMiss = annotateOnMiss;
    }

    /** The committed annotations first, then the local cache, which receives what is annotated anew. */
    public static AnnotationCache of(ProjectLayout layout) {
        Store local = new Store(layout.annotationCacheDir(), false);
        return new AnnotationCache(List.of(committed(layout), local), local, true);
    }

    /**
     * For {@code kg convert} of the project's own articles: read as {@link #of}, but what is annotated anew (or found
     * only in the local cache) goes into the committed folder; {@link #removeUnused} then drops stale entries.
     */
    public static AnnotationCache committing(ProjectLayout layout) {
        Store committed = committed(layout);
        return new AnnotationCache(List.of(committed, new Store(layout.annotationCacheDir(), false)), committed, true);
    }

    /** The committed annotations only; an article without one fails instead of being annotated (tests). */
    public static AnnotationCache committedOnly(ProjectLayout layout) {
        return new AnnotationCache(List.of(committed(layout)), null, false);
    }

    /** One folder of gzipped entries, read and written (the stage tests' committed annotations of their example texts). */
    public static AnnotationCache compressed(Path dir) {
        Store s = new Store(dir, true);
        return new AnnotationCache(List.of(s), s, true);
    }

    /** One folder of plain entries, read and written (kg bench's scratch caches). */
    public static AnnotationCache local(Path dir) {
        Store s = new Store(dir, false);
        return new AnnotationCache(List.of(s), s, true);
    }

    private static Store committed(ProjectLayout layout) {
        return new Store(layout.committedAnnotationsDir(), true);
    }

    /** False when a miss must fail rather than run CoreNLP. */
    public boolean annotateOnMiss() {
        return annotateOnMiss;
    }

    /** Where a miss would be written, for messages ({@code null} when nothing is written). */
    public Path writeDir() {
        return writes == null ? null : writes.dir();
    }

    /**
     * The cached annotation, or null. An entry that cannot be read counts as a miss (it is rewritten after
     * annotating); {@code unreadable} is told its name.
     */
    public Annotation read(String key, java.util.function.Consumer<String> unreadable) {
        for (Store s : reads) {
            Path f = s.file(key);
            if (!Files.isRegularFile(f)) continue;
            try (InputStream in = open(f, s.gzip())) {
                Annotation a = new ProtobufAnnotationSerializer().read(in).first;
                used.add(key);
                if (writes != null && s != writes && !Files.isRegularFile(writes.file(key))) write(key, a);
                return a;
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                unreadable.accept(f.toString());
            }
        }
        return null;
    }

    /** Stores a fresh annotation (written to a temporary file, then moved into place); no-op without a write folder. */
    public void write(String key, Annotation annotation) {
        used.add(key);
        if (writes == null) return;
        Path target = writes.file(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".annotation-", ".tmp");
            try (OutputStream out = writes.gzip() ? new GZIPOutputStream(Files.newOutputStream(tmp)) : Files.newOutputStream(tmp)) {
                new ProtobufAnnotationSerializer().write(annotation, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write annotation cache " + target, e);
        }
    }

    /** Deletes the entries of the write folder that this run neither read nor wrote; returns their names. */
    public List<String> removeUnused() {
        List<String> removed = new ArrayList<>();
        if (writes == null || !Files.isDirectory(writes.dir())) return removed;
        String suffix = writes.gzip() ? ".pb.gz" : ".pb";
        try (Stream<Path> files = Files.list(writes.dir())) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(suffix) && !used.contains(name.substring(0, name.length() - suffix.length()))) {
                    Files.delete(f);
                    removed.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune annotation cache " + writes.dir(), e);
        }
        return removed;
    }

    private static InputStream open(Path f, boolean gzip) throws IOException {
        InputStream in = Files.newInputStream(f);
        return gzip ? new GZIPInputStream(in) : in;
    }
}
