package org.diplokg.convert.model;

import java.time.LocalDate;

/**
 * What the {@code <stem>.json} sidecar says about an article.
 *
 * @param title             headline
 * @param publisher         publisher or source name
 * @param url               where it was published, or null
 * @param language          BCP 47 language tag ("en")
 * @param published         exact publication date, or null when only a range is known
 * @param publishedEarliest first possible publication date (equals {@code published} when exact)
 * @param publishedLatest   last possible publication date (equals {@code published} when exact)
 * @param dateNote          the evidence for the date, in words
 */
public record ArticleMetadata(String title, String publisher, String url, String language, LocalDate published,
                              LocalDate publishedEarliest, LocalDate publishedLatest, String dateNote) {

    /**
     * The date relative expressions ("on Wednesday", "last week") are resolved against: the publication date,
     * or the earliest possible one when only a range is known.
     */
    public LocalDate referenceDate() {
        return published != null ? published : publishedEarliest;
    }
}
