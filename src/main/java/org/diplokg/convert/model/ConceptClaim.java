package org.diplokg.convert.model;

/**
 * One relation in a policy concept's history, as an article states it.
 *
 * @param concept  the policy concept
 * @param relation local name of the dkg: property: introducedBy, agreedIn, codifiedIn or reaffirmedIn
 * @param agent    the target when it is an agent or document (introducedBy, codifiedIn), else null
 * @param event    the target when it is an event (agreedIn, reaffirmedIn), else null
 * @param evidence the span stating it
 * @param rule     id of the rule that found it (concept-relations.tsv)
 */
public record ConceptClaim(Entity concept, String relation, Entity agent, EventClaim event, Span evidence, String rule) {}
