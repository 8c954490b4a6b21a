package org.diplokg.convert.model;

/**
 * A reference to a treaty or political document, and what the article lets us infer about it.
 *
 * @param document       the document entity
 * @param evidence       the span naming it
 * @param impliedSigning a signing date (year, month or day) the text states or implies ("the 45th anniversary of the signing" in 2023), or null
 * @param rule           id of the rule that found it (document-patterns.tsv, document-nouns.tsv, or "name" for a name the mention stage linked)
 */
public record DocumentClaim(Entity document, Span evidence, String impliedSigning, String rule) {}
