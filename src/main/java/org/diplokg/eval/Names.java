package org.diplokg.eval;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the scorer compares names and texts (FORMAT.md): Unicode NFKC, case-insensitive, typographic quotes and
 * dashes folded to their ASCII forms, runs of white space as one space.
 */
public final class Names {
    private Names() {}

    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\u2018\u2019\u201A\u201B\u2032\u00B4`]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]");
    private static final Pattern DASHES = Pattern.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** "Tokyo (as government)": the qualifier says which entity the bare name denotes, which the type check decides. */
    private static final Pattern QUALIFIER = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+");

    /** The comparable form of a name or text. */
    public static String normalize(String s) {
        if (s == null) return "";
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC);
        t = SINGLE_QUOTES.matcher(t).replaceAll("'");
        t = DOUBLE_QUOTES.matcher(t).replaceAll("\"");
        t = DASHES.matcher(t).replaceAll("-");
        t = SPACE.matcher(t).replaceAll(" ");
        return t.strip().toLowerCase(Locale.ROOT);
    }

    /** A gold name without a trailing parenthetical qualifier, normalised. */
    public static String goldName(String name) {
        return normalize(QUALIFIER.matcher(name).replaceAll(""));
    }

    /** The words of a text, normalised (for "all role words occur in the post label"). */
    public static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : NON_WORD.split(normalize(s))) if (!w.isEmpty()) out.add(w);
        return out;
    }

    /** Whether {@code text} starts with {@code prefix} after normalisation, ignoring opening quote marks and ellipses. */
    public static boolean startsWith(String text, String prefix) {
        String t = LEADING_PUNCTUATION.matcher(normalize(text)).replaceAll("");
        String p = LEADING_PUNCTUATION.matcher(normalize(prefix)).replaceAll("");
        return !p.isEmpty() && t.startsWith(p);
    }

    /** Whether {@code keyword} occurs in {@code text} after normalisation. */
    public static boolean contains(String text, String keyword) {
        String k = normalize(keyword);
        return !k.isEmpty() && normalize(text).contains(k);
    }
}
