package org.diplokg.convert.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

import org.diplokg.convert.Stage;
import org.diplokg.convert.StageTimes;
import org.diplokg.convert.model.ArticleDocument;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.ProtobufAnnotationSerializer;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * Runs Stanford CoreNLP over the clean text, with the article's reference date so SUTime resolves relative
 * dates. Results are cached per content hash (text, date and pipeline settings) with CoreNLP's protobuf
 * serializer, so re-running after a rule change skips the NLP.
 */
public final class AnnotateStage implements Stage {
    private static final String PROPERTIES = "/convert/corenlp.properties";
    private static volatile StanfordCoreNLP shared;

    private final Path cacheDir;
    private final String settings;
    private final StageTimes times;

    /** @param cacheDir where annotations are cached, or null for no cache */
    public AnnotateStage(Path cacheDir) {
        this(cacheDir, null);
    }

    /** @param times where to add CoreNLP and cache time separately (for {@code kg bench --stages}), or null */
    public AnnotateStage(Path cacheDir, StageTimes times) {
        this.cacheDir = cacheDir;
        this.settings = readSettings();
        this.times = times;
    }

    /** The pipeline, built once per JVM (loading the models takes tens of seconds) and shared by all threads. */
    public static StanfordCoreNLP pipeline() {
        StanfordCoreNLP p = shared;
        if (p == null) {
            synchronized (AnnotateStage.class) {
                if (shared == null) {
                    Properties props = new Properties();
                    try (InputStream in = AnnotateStage.class.getResourceAsStream(PROPERTIES)) {
                        props.load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shared = new StanfordCoreNLP(props);
                }
                p = shared;
            }
        }
        return p;
    }

    @Override
    public void process(ArticleDocument doc) {
        String date = doc.article.metadata().referenceDate().toString();
        long t = System.nanoTime();
        Path cached = cacheDir == null ? null : cacheDir.resolve(key(doc.cleanText, date) + ".pb");
        if (cached != null && Files.isRegularFile(cached)) {
            try (InputStream in = Files.newInputStream(cached)) {
                doc.nlp = new CoreDocument(new ProtobufAnnotationSerializer().read(in).first);
                t = lap("annotate: cache read", t);
                return;
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                doc.warnings.add("annotation cache entry unreadable, re-annotating: " + cached.getFileName());
            }
        }
        t = lap("annotate: cache lookup", t);
        Annotation annotation = new Annotation(doc.cleanText);
        annotation.set(CoreAnnotations.DocDateAnnotation.class, date);
        pipeline().annotate(annotation);
        doc.nlp = new CoreDocument(annotation);
        t = lap("annotate: CoreNLP", t);
        if (cached != null) {
            write(annotation, cached);
            lap("annotate: cache write", t);
        }
    }

    /** Where this stage caches (or would cache) the document's annotation, or null without a cache. */
    public Path cacheFile(ArticleDocument doc) {
        return cacheDir == null ? null : cacheDir.resolve(key(doc.cleanText, doc.article.metadata().referenceDate().toString()) + ".pb");
    }

    private long lap(String what, long since) {
        long now = System.nanoTime();
        if (times != null) times.add(what, now - since);
        return now;
    }

    private static void write(Annotation annotation, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".annotation-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                new ProtobufAnnotationSerializer().write(annotation, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write annotation cache " + target, e);
        }
    }

    private String key(String text, String date) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(settings.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(date.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readSettings() {
        try (InputStream in = AnnotateStage.class.getResourceAsStream(PROPERTIES)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\ncorenlp=4.5.10";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
