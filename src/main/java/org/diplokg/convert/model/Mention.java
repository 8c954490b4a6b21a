package org.diplokg.convert.model;

/**
 * One place an article names an entity: the span in the original text, its words, what it denotes, and the
 * id of the rule that found it ("mention/reference-name", "mention/surname", ...; see MentionStage).
 */
public record Mention(Span span, String text, int sentence, Entity entity, String rule) {}
