package org.diplokg.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which mechanism of one category fails, attribute by attribute (issue 9): of the required gold items, how many the
 * system found at all, and of those how many have each attribute right. F1 alone cannot say whether events are
 * missed or found with the wrong date. What "found" and each attribute mean per category is in {@link Scorer}.
 *
 * @param gold  required gold items
 * @param found of those, the ones with a counterpart: the system item matched to it, or else a system item that
 *              passes the category's "found" test
 * @param right per attribute, in report order, how many of the found items have it right on their counterpart
 */
public record Diagnostic(int gold, int found, Map<String, Integer> right) {

    public Diagnostic {
        right = Collections.unmodifiableMap(new LinkedHashMap<>(right));
    }

    /** The counts of two articles together (the attributes must be the same). */
    public Diagnostic plus(Diagnostic o) {
        Map<String, Integer> sum = new LinkedHashMap<>(right);
        o.right.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return new Diagnostic(gold + o.gold, found + o.found, sum);
    }
}
