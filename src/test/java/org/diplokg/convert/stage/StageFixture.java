package org.diplokg.convert.stage;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.diplokg.convert.AnnotationCache;
import org.diplokg.convert.Iris;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.Stage;
import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.ArticleMetadata;
import org.diplokg.convert.model.EventClaim;
import org.diplokg.store.ProjectLayout;

/**
 * Documents for the statement, stance and document stage tests: the stages before them, run on hand-written text.
 * The CoreNLP annotations of these texts are committed in src/test/annotations/, so the tests run
 * without loading CoreNLP's models; a new or changed text is annotated once (loading the models) and its entry
 * written there: commit it with the test.
 */
final class StageFixture {
    private StageFixture() {}

    static final AnnotationCache ANNOTATIONS = AnnotationCache.compressed(Path.of("src/test/annotations").toAbsolutePath());

    private static ReferenceIndex reference;

    static synchronized ReferenceIndex reference() {
        if (reference == null) reference = ReferenceIndex.load(new ProjectLayout(Path.of("").toAbsolutePath()));
        return reference;
    }

    static ArticleDocument annotate(String text, LocalDate date) {
        return annotate(new Article("test", Path.of("test.txt"), text,
                new ArticleMetadata("Test", "Test", null, "en", date, date, date, null)));
    }

    static ArticleDocument annotate(Article article) {
        ReferenceIndex ref = reference();
        ArticleDocument doc = new ArticleDocument(article);
        try {
            new CleanStage().process(doc);
        } catch (UnsupportedOperationException e) {
            doc.cleanText = article.text();
            doc.cleanToOriginal = new int[article.text().length()];
            for (int i = 0; i < doc.cleanToOriginal.length; i++) doc.cleanToOriginal[i] = i;
        }
        for (Stage s : List.<Stage>of(new AnnotateStage(ANNOTATIONS), new MentionStage(ref), new PostStage(ref))) s.process(doc);
        try {
            new EventStage(ref).process(doc);
        } catch (UnsupportedOperationException e) {
            // the event stage is not written yet
        }
        for (EventClaim e : doc.events)   // what the merge stage would do
            if (e.iri == null) e.iri = Iris.resource("event", "test", Integer.toString(e.trigger.begin()));
        return doc;
    }
}
