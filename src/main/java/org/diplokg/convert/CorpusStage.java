package org.diplokg.convert;

import java.util.List;

import org.diplokg.convert.model.ArticleDocument;

/** A step that needs every article at once (cross-article merging, writing the KG). */
public interface CorpusStage {
    void process(List<ArticleDocument> docs);

    default String name() {
        return getClass().getSimpleName().replace("Stage", "").toLowerCase(java.util.Locale.ROOT);
    }
}
