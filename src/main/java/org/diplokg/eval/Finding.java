package org.diplokg.eval;

/**
 * One false positive or false negative, for {@code --explain}.
 *
 * @param item     the gold item (false negative) or the system item (false positive), described in words
 * @param evidence where the system found it (false positives), or null
 * @param locate   texts to look for in the article ("|"-separated alternatives) to quote the sentence of a false negative, or null
 * @param nearest  the closest item on the other side and the checks it fails, or null when nothing is close
 */
public record Finding(String stem, Category category, boolean falsePositive, String item, SystemItems.Evidence evidence,
                      String locate, String nearest) {}
