package org.diplokg.convert.model;

/**
 * An article's statement that one place lies in another ("Vientiane, Laos", "the Kazakh capital Astana",
 * "Guiyang in southwest China's Guizhou Province").
 *
 * @param place    the place named
 * @param within   the place or country it lies in
 * @param evidence the span stating it
 * @param rule     the id of the rule that read it
 */
public record PlaceClaim(Entity place, Entity within, Span evidence, String rule) {}
