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
 */
public record EvalResult(Map<String, Map<Category, Score>> articles, Map<Category, Score> total,
                         Map<Category, Diagnostic> diagnostics, List<Finding> findings) {}
