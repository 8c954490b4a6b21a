package org.diplokg.convert.model;

import java.nio.file.Path;

/**
 * One input article: {@code <stem>.txt} with its metadata sidecar.
 *
 * @param stem     file name without extension; names the article's graph and IRI
 * @param file     the text file
 * @param text     the file's full text, as read (offsets in the KG refer to it)
 * @param metadata the sidecar's content
 */
public record Article(String stem, Path file, String text, ArticleMetadata metadata) {}
