package org.diplokg.convert;

import org.diplokg.convert.model.ArticleDocument;

/** One step of the converter: reads what earlier stages added to the document and adds one kind of annotation. */
public interface Stage {
    void process(ArticleDocument doc);

    /** Short name for progress and error messages. */
    default String name() {
        return getClass().getSimpleName().replace("Stage", "").toLowerCase(java.util.Locale.ROOT);
    }
}
