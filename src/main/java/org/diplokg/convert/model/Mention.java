package org.diplokg.convert.model;

/** One place an article names an entity: the span in the original text, its words, and what it denotes. */
public record Mention(Span span, String text, int sentence, Entity entity) {}
