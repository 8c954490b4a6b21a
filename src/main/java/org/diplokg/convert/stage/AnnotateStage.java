package org.diplokg.convert.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

import org.diplokg.convert.AnnotationCache;
import org.diplokg.convert.Stage;
import org.diplokg.convert.StageTimes;
import org.diplokg.convert.model.ArticleDocument;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * Runs Stanford CoreNLP over the clean text, with the article's reference date so SUTime resolves relative
 * dates. Results are cached per content hash (text, date, pipeline settings and CoreNLP version) with CoreNLP's
 * protobuf serializer ({@link AnnotationCache}), so re-running after a rule change skips the NLP.
 */
public final class AnnotateStage implements Stage {
    private static final String PROPERTIES = "/convert/corenlp.properties";
    private static volatile StanfordCoreNLP shared;

    private final AnnotationCache cache;
    private final String settings;
    private final StageTimes times;

    /** @param cache where annotations are looked up and kept ({@link AnnotationCache#NONE} for none) */
    public AnnotateStage(AnnotationCache cache) {
        this(cache, null);
    }

    /** @param times where to add CoreNLP and cache time separately (for {@code kg bench --stages}), or null */
    public AnnotateStage(AnnotationCache cache, StageTimes times) {
        this.cache = cache;
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
        String key = key(doc.cleanText, date);
        Annotation cached = cache.read(key, name -> doc.warnings.add("annotation cache entry unreadable, re-annotating: " + name));
        if (cached != null) {
            doc.nlp = new CoreDocument(cached);
            lap("annotate: cache read", t);
            return;
        }
        if (!cache.annotateOnMiss())
            throw new IllegalStateException("no cached CoreNLP annotation " + key + " for this text and date"
                    + " (the committed cache data/annotations/ is out of date: run ./kg convert and commit data/annotations/)");
        t = lap("annotate: cache lookup", t);
        Annotation annotation = annotate(doc.cleanText, date);
        doc.nlp = new CoreDocument(annotation);
        t = lap("annotate: CoreNLP", t);
        cache.write(key, annotation);
        lap("annotate: cache write", t);
    }

    /** A fresh annotation by the shared pipeline, with {@code date} as the document date for SUTime. */
    public static Annotation annotate(String text, String date) {
        Annotation annotation = new Annotation(text);
        annotation.set(CoreAnnotations.DocDateAnnotation.class, date);
        pipeline().annotate(annotation);
        return annotation;
    }

    private long lap(String what, long since) {
        long now = System.nanoTime();
        if (times != null) times.add(what, now - since);
        return now;
    }

    /** The cache key of a clean text and its reference date under this pipeline's settings and CoreNLP version. */
    public String key(String text, String date) {
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
