package org.diplokg.convert.model;

/**
 * A position an actor takes on an issue.
 *
 * @param holder    the actor
 * @param issueIri  the issue concept (from the reference scheme, or minted), never null
 * @param issueLabel the issue's label, for minted issues
 * @param type      support, oppose, urge, reaffirm or concern
 * @param evidence  the sentence (or clause) stating it
 * @param statement the quotation it comes from, or null for a reported position
 * @param rule      id of the cue (stance-cues.tsv) that produced it
 */
public record StanceClaim(Entity holder, String issueIri, String issueLabel, StanceType type, Span evidence,
                          QuoteClaim statement, String rule) {}
