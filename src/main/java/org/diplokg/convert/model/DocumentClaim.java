package org.diplokg.convert.model;

/**
 * A reference to a treaty or political document, and what the article lets us infer about it.
 *
 * @param document       the document entity
 * @param evidence       the span naming it
 * @param impliedSigning a signing year implied by the text ("the 45th anniversary of the signing" in 2023), or null
 */
public record DocumentClaim(Entity document, Span evidence, String impliedSigning) {}
