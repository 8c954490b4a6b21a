package org.diplokg.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.ArticleMetadata;
import org.diplokg.convert.stage.AnnotateStage;
import org.diplokg.store.ProjectLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;

/** Where annotations are read from and written to; no CoreNLP models needed (the annotations are made by hand). */
class AnnotationCacheTest {

    static Annotation annotation(String text) {
        Annotation a = new Annotation(text);
        a.set(CoreAnnotations.DocDateAnnotation.class, "2023-11-17");
        return a;
    }

    static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void committedEntriesComeFirstAndNewOnesGoToTheLocalCache(@TempDir Path root) throws Exception {
        ProjectLayout layout = new ProjectLayout(root);
        AnnotationCache.committing(layout).write("seed", annotation("committed text"));
        AnnotationCache cache = AnnotationCache.of(layout);
        cache.write("seed", annotation("local text"));      // same key in both places: the committed one wins
        cache.write("other", annotation("other text"));
        assertEquals("committed text", cache.read("seed", e -> {}).get(CoreAnnotations.TextAnnotation.class));
        assertEquals("other text", cache.read("other", e -> {}).get(CoreAnnotations.TextAnnotation.class));
        assertNull(cache.read("missing", e -> {}));
        assertEquals(List.of("seed.pb.gz"), names(layout.committedAnnotationsDir()), "only kg convert of data/articles writes there");
        assertEquals(List.of("other.pb", "seed.pb"), names(layout.annotationCacheDir()));
    }

    @Test
    void convertingTheProjectsArticlesKeepsDataAnnotationsExact(@TempDir Path root) throws Exception {
        ProjectLayout layout = new ProjectLayout(root);
        AnnotationCache.local(layout.annotationCacheDir()).write("warm", annotation("annotated before"));
        AnnotationCache.committing(layout).write("stale", annotation("an article since edited"));

        AnnotationCache run = AnnotationCache.committing(layout);
        assertNotNull(run.read("warm", e -> {}));            // found locally: copied into the committed folder
        run.write("new", annotation("a new article"));
        assertEquals(List.of("stale.pb.gz"), run.removeUnused());
        assertEquals(List.of("new.pb.gz", "warm.pb.gz"), names(layout.committedAnnotationsDir()));
        assertEquals("annotated before", AnnotationCache.committedOnly(layout).read("warm", e -> {}).get(CoreAnnotations.TextAnnotation.class));
    }

    @Test
    void anUnreadableEntryIsAMissAndNamed(@TempDir Path root) throws Exception {
        ProjectLayout layout = new ProjectLayout(root);
        Files.createDirectories(layout.annotationCacheDir());
        Files.writeString(layout.annotationCacheDir().resolve("broken.pb"), "not protobuf");
        List<String> unreadable = new ArrayList<>();
        assertNull(AnnotationCache.of(layout).read("broken", unreadable::add));
        assertEquals(1, unreadable.size());
        assertTrue(unreadable.get(0).endsWith("broken.pb"), unreadable::toString);
    }

    @Test
    void withoutACommittedAnnotationTheTestsCacheFailsInsteadOfRunningCoreNlp(@TempDir Path root) {
        AnnotationCache cache = AnnotationCache.committedOnly(new ProjectLayout(root));
        assertFalse(cache.annotateOnMiss());
        LocalDate d = LocalDate.of(2023, 11, 17);
        ArticleDocument doc = new ArticleDocument(new Article("x", root.resolve("x.txt"), "Leaders met.",
                new ArticleMetadata("X", "unknown", null, "en", d, d, d, null)));
        doc.cleanText = doc.article.text();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new AnnotateStage(cache).process(doc));
        assertTrue(e.getMessage().contains("run ./kg convert and commit data/annotations/"), e.getMessage());
    }
}
