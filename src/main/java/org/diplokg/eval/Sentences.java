package org.diplokg.eval;

import java.util.Locale;

/** The sentence around a span of an article, to show an error in context (a plain heuristic; display only). */
final class Sentences {
    private Sentences() {}

    private static final int MAX = 400;

    /** The sentence around the code-point span {@code [begin, end)}, or null when the span is not in the text. */
    static String around(String text, int begin, int end) {
        int cps = text.codePointCount(0, text.length());
        if (begin < 0 || end > cps || begin > end) return null;
        int from = text.offsetByCodePoints(0, begin), to = text.offsetByCodePoints(0, end);
        return sentence(text, from, to);
    }

    /** The first sentence containing {@code needle} (case-insensitive), or null. */
    static String containing(String text, String needle) {
        int i = text.toLowerCase(Locale.ROOT).indexOf(needle.toLowerCase(Locale.ROOT));
        if (i < 0) {
            // Gold texts fold typographic quotes and dashes; try the normalised forms.
            String norm = Names.normalize(text);
            if (norm.length() != text.length()) return null;
            i = norm.indexOf(Names.normalize(needle));
            if (i < 0) return null;
        }
        return sentence(text, i, i + needle.length());
    }

    private static String sentence(String text, int from, int to) {
        int s = from;
        while (s > 0 && !boundaryBefore(text, s)) s--;
        int e = Math.max(to, s);
        while (e < text.length() && !boundaryAfter(text, e)) e++;
        String out = text.substring(s, Math.min(text.length(), e + 1)).replaceAll("\\s+", " ").strip();
        return out.length() <= MAX ? out : out.substring(0, MAX) + "...";
    }

    private static boolean boundaryBefore(String t, int i) {
        char p = t.charAt(i - 1);
        if (p == '\n') return true;
        return Character.isWhitespace(p) && i >= 2 && ".!?".indexOf(t.charAt(i - 2)) >= 0;
    }

    private static boolean boundaryAfter(String t, int i) {
        char c = t.charAt(i);
        if (c == '\n') return true;
        return ".!?".indexOf(c) >= 0 && (i + 1 >= t.length() || Character.isWhitespace(t.charAt(i + 1)));
    }
}
