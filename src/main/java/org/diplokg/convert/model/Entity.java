package org.diplokg.convert.model;

import java.util.Set;

/**
 * A real-world entity the articles mention: either one of the curated reference entities (its IRI and
 * labels come from data/reference/) or one the converter minted, with a stable IRI derived from its name.
 *
 * @param iri       the entity's IRI
 * @param type      its kind
 * @param label     preferred English label
 * @param aliases   other names it goes by (for linking; minted entities record them as skos:altLabel)
 * @param reference true when it comes from the reference data
 */
public record Entity(String iri, EntityType type, String label, Set<String> aliases, boolean reference) {}
