package org.diplokg.convert.model;

/**
 * A quotation and who said it.
 *
 * @param span           the quoted words (without the quotation marks) in the original text
 * @param text           the quoted words
 * @param speaker        the named speaker, or null
 * @param unnamedSpeaker when the article does not name the speaker, its description ("a Japanese Foreign Ministry source"), else null
 * @param addressee      whom it was said to ("Xi told Kishida"), or null
 * @param event          the event it was said at, or null
 * @param sentence       index of the sentence holding the attribution
 * @param rule           id of the rule that attributed it (a pattern of speaker-patterns.semgrex, or a named mechanism of StatementStage)
 */
public record QuoteClaim(Span span, String text, Entity speaker, String unnamedSpeaker, Entity addressee,
                         EventClaim event, int sentence, String rule) {}
