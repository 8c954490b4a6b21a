package org.diplokg.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * One-to-one matching of gold items with system items: each is used at most once, and the number of matched
 * required gold items is as large as possible (a maximum bipartite matching, found by augmenting paths in the
 * items' given order, so the result is deterministic). Optional gold items are matched afterwards with what is
 * left; a system item that then matches an optional gold item is ignored (neither right nor wrong).
 */
public final class Matching {
    private Matching() {}

    /**
     * @param pairs    for each gold item, the index of its system item, or -1
     * @param fn       required gold items left unmatched
     * @param fp       system items matched to nothing and matching no optional gold item
     */
    public record Outcome(int[] pairs, List<Integer> fn, List<Integer> fp) {
        public int tp(List<Boolean> optional) {
            int n = 0;
            for (int g = 0; g < pairs.length; g++) if (pairs[g] >= 0 && !optional.get(g)) n++;
            return n;
        }
        /** The system item matched to gold item {@code g}, or -1. */
        public int systemOf(int g) { return pairs[g]; }
    }

    public static <G, S> Outcome match(List<G> gold, Predicate<G> optional, List<S> system, BiPredicate<G, S> matches) {
        boolean[][] edge = new boolean[gold.size()][system.size()];
        for (int g = 0; g < gold.size(); g++)
            for (int s = 0; s < system.size(); s++) edge[g][s] = matches.test(gold.get(g), system.get(s));
        int[] goldOf = new int[system.size()];
        Arrays.fill(goldOf, -1);
        int[] pairs = new int[gold.size()];
        Arrays.fill(pairs, -1);
        // Required items first, so that an optional item never takes a system item a required one needs.
        for (boolean phaseOptional : new boolean[] {false, true})
            for (int g = 0; g < gold.size(); g++)
                if (optional.test(gold.get(g)) == phaseOptional)
                    augment(g, edge, goldOf, pairs, new boolean[system.size()], gold, optional, phaseOptional);
        List<Integer> fn = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) if (pairs[g] < 0 && !optional.test(gold.get(g))) fn.add(g);
        List<Integer> fp = new ArrayList<>();
        for (int s = 0; s < system.size(); s++) {
            if (goldOf[s] >= 0) continue;
            boolean matchesOptional = false;
            for (int g = 0; g < gold.size(); g++) if (edge[g][s] && optional.test(gold.get(g))) matchesOptional = true;
            if (!matchesOptional) fp.add(s);
        }
        return new Outcome(pairs, fn, fp);
    }

    /** Kuhn's augmenting path; in the optional phase, system items held by required gold items are not taken away. */
    private static <G> boolean augment(int g, boolean[][] edge, int[] goldOf, int[] pairs, boolean[] visited, List<G> gold,
                                       Predicate<G> optional, boolean phaseOptional) {
        for (int s = 0; s < goldOf.length; s++) {
            if (!edge[g][s] || visited[s]) continue;
            visited[s] = true;
            int holder = goldOf[s];
            if (holder >= 0 && phaseOptional && !optional.test(gold.get(holder))) continue;
            if (holder < 0 || augment(holder, edge, goldOf, pairs, visited, gold, optional, phaseOptional)) {
                goldOf[s] = g;
                pairs[g] = s;
                return true;
            }
        }
        return false;
    }
}
