package org.diplokg.convert.model;

/**
 * One place an article names an entity: the span in the original text, its words, and what it denotes.
 *
 * @param rule id of the rule that found it (a lexicon or a named mechanism of MentionStage)
 */
public record Mention(Span span, String text, int sentence, Entity entity, String rule) {}
