package org.diplokg.eval;

import java.util.List;
import java.util.Map;

/**
 * The scores of one run.
 *
 * @param articles per article stem (sorted), the score of each category
 * @param total    per category, micro-averaged: the counts summed over the articles, except {@code merges},
 *                 where each gold cross-article event and each wrong merge counts once (per article it is
 *                 counted in every article it involves)
 * @param diagnostics per diagnosed category (events, quotes, posts, stances, in {@link Category} order), the
 *                 attribute counts summed over the articles ({@link Diagnostic}, defined in {@link Scorer})
 * @param findings every false positive and false negative, by article, category and order of the items
 * @param byRule   per category with rules (entities, posts, events, quotes, stances, documents, concepts), each
 *                 rule's true and false positives summed over the articles ({@link Scorer#NO_RULE} for items whose
 *                 evidence names none; fn is always 0), rules sorted by id
 */
public record EvalResult(Map<String, Map<Category, Score>> articles, Map<Category, Score> total,
                         Map<Category, Diagnostic> diagnostics, List<Finding> findings,
                         Map<Category, Map<String, Score>> byRule) {}
