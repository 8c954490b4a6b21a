package org.diplokg.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.diplokg.UserException;

/**
 * Renders {@link EvalResult}s: fixed-width tables, the diagnostics, the line-per-set totals, the JSON file, and
 * the explanation of every error.
 */
public final class Report {
    private Report() {}

    /** What "found" means for each diagnosed category, as the text report words it (see {@link Scorer}). */
    private static final Map<Category, String> FOUND = new EnumMap<>(Map.of(Category.EVENTS, "detected",
            Category.QUOTES, "text found", Category.POSTS, "holder found", Category.STANCES, "holder found"));

    /** One table: a row per category with tp, fp, fn, precision, recall and F1. */
    public static String table(String title, Map<Category, Score> scores) {
        StringBuilder b = new StringBuilder(title).append('\n');
        b.append(String.format(Locale.ROOT, "%-10s %5s %5s %5s %9s %7s %6s%n", "category", "tp", "fp", "fn", "precision", "recall", "F1"));
        for (Category c : Category.values()) {
            Score s = scores.get(c);
            b.append(String.format(Locale.ROOT, "%-10s %5d %5d %5d %9.3f %7.3f %6.3f%n", c.key(), s.tp(), s.fp(), s.fn(),
                    s.precision(), s.recall(), s.f1()));
        }
        return b.toString();
    }

    /** The total table and the diagnostics of one gold set, after every article's table when {@code byArticle}. */
    public static String tables(EvalResult r, boolean byArticle) {
        StringBuilder b = new StringBuilder();
        if (byArticle) r.articles().forEach((stem, scores) -> b.append(table("Article " + stem, scores)).append('\n'));
        b.append(table("Total (micro-averaged over " + r.articles().size() + " articles)", r.total()));
        b.append('\n').append(diagnostics(r));
        return b.toString();
    }

    /**
     * A line per diagnosed category: the required gold items, how many were found, and of those how many have
     * each attribute right ({@link Diagnostic}).
     */
    public static String diagnostics(EvalResult r) {
        StringBuilder b = new StringBuilder("Diagnostics (required gold items; of those found, how many have each attribute right)\n");
        r.diagnostics().forEach((c, d) -> {
            b.append(String.format(Locale.ROOT, "%-10s %5d gold %5d %-14s", c.key(), d.gold(), d.found(), FOUND.get(c)));
            d.right().forEach((attribute, n) -> b.append(String.format(Locale.ROOT, "  %s %d", attribute, n)));
            b.append('\n');
        });
        return b.toString();
    }

    /**
     * Each extraction rule's true and false positives per category ({@link Scorer}, "By rule"), so a developer sees
     * which rule misfires: a line per rule, sorted by id, with the precision of its items.
     */
    public static String byRule(EvalResult r) {
        int width = Math.max(4, r.byRule().values().stream().flatMap(m -> m.keySet().stream()).mapToInt(String::length).max().orElse(4));
        StringBuilder b = new StringBuilder("By rule (each system item counts for every rule of its evidence; false negatives have no rule)\n");
        b.append(String.format(Locale.ROOT, "%-10s %-" + width + "s %5s %5s %9s%n", "category", "rule", "tp", "fp", "precision"));
        r.byRule().forEach((c, rules) -> rules.forEach((rule, s) -> b.append(String.format(Locale.ROOT,
                "%-10s %-" + width + "s %5d %5d %9.3f%n", c.key(), rule, s.tp(), s.fp(), s.precision()))));
        return b.toString();
    }

    /** One line per gold set: its article count and each category's total F1 (the counts are in the set tables). */
    public static String totals(Map<String, EvalResult> sets) {
        int nameWidth = Math.max(3, sets.keySet().stream().mapToInt(String::length).max().orElse(3));
        StringBuilder b = new StringBuilder("Totals: F1 per category, one line per gold set\n");
        b.append(String.format(Locale.ROOT, "%-" + nameWidth + "s %8s", "set", "articles"));
        for (Category c : Category.values()) b.append(String.format(Locale.ROOT, " %" + Math.max(6, c.key().length()) + "s", c.key()));
        b.append('\n');
        sets.forEach((name, r) -> {
            b.append(String.format(Locale.ROOT, "%-" + nameWidth + "s %8d", name, r.articles().size()));
            for (Category c : Category.values())
                b.append(String.format(Locale.ROOT, " %" + Math.max(6, c.key().length()) + ".3f", r.total().get(c).f1()));
            b.append('\n');
        });
        return b.toString();
    }

    /**
     * One gold set: {@code {"total": {CATEGORY: {"tp", "fp", "fn", "precision", "recall", "f1"}}, "articles": {STEM:
     * {CATEGORY: {...}}}, "diagnostics": {CATEGORY: {"gold", "found", ATTRIBUTE...}}}}, keys in a fixed order.
     */
    public static String json(EvalResult r) { return json(r, false); }

    /** As {@link #json(EvalResult)}, with {@code "byRule": {CATEGORY: {RULE: {"tp", "fp", "precision"}}}} when {@code byRule}. */
    public static String json(EvalResult r, boolean byRule) {
        StringBuilder b = new StringBuilder("{\n");
        set(b, r, "", byRule);
        return b.append("\n}\n").toString();
    }

    /** Several gold sets: {@code {"sets": {NAME: SET}}}, each SET shaped as {@link #json(EvalResult)}'s object, in the given order. */
    public static String json(Map<String, EvalResult> sets) { return json(sets, false); }

    /** As {@link #json(Map)}, each set with its {@code "byRule"} object when {@code byRule}. */
    public static String json(Map<String, EvalResult> sets, boolean byRule) {
        StringBuilder b = new StringBuilder("{\n  \"sets\": {");
        int i = 0;
        for (var e : sets.entrySet()) {
            b.append(i++ == 0 ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": {\n");
            set(b, e.getValue(), "    ", byRule);
            b.append("\n    }");
        }
        return b.append(sets.isEmpty() ? "}" : "\n  }").append("\n}\n").toString();
    }

    /** The members of one set's object ("total", "articles", "diagnostics"), each line prefixed by {@code indent}. */
    private static void set(StringBuilder b, EvalResult r, String indent, boolean byRule) {
        String in = indent + "  ";
        b.append(in).append("\"total\": ");
        categories(b, r.total(), in);
        b.append(",\n").append(in).append("\"articles\": {");
        int i = 0;
        for (var e : r.articles().entrySet()) {
            b.append(i++ == 0 ? "\n" : ",\n").append(in).append("  ").append(quote(e.getKey())).append(": ");
            categories(b, e.getValue(), in + "  ");
        }
        b.append(r.articles().isEmpty() ? "}" : "\n" + in + "}");
        b.append(",\n").append(in).append("\"diagnostics\": {");
        i = 0;
        for (var e : r.diagnostics().entrySet()) {
            Diagnostic d = e.getValue();
            b.append(i++ == 0 ? "\n" : ",\n").append(in).append("  ").append(quote(e.getKey().key()))
                    .append(String.format(Locale.ROOT, ": {\"gold\": %d, \"found\": %d", d.gold(), d.found()));
            d.right().forEach((attribute, n) -> b.append(", ").append(quote(attribute)).append(": ").append(n));
            b.append('}');
        }
        b.append(r.diagnostics().isEmpty() ? "}" : "\n" + in + "}");
        if (!byRule) return;
        b.append(",\n").append(in).append("\"byRule\": {");
        i = 0;
        for (var e : r.byRule().entrySet()) {
            b.append(i++ == 0 ? "\n" : ",\n").append(in).append("  ").append(quote(e.getKey().key())).append(": {");
            int j = 0;
            for (var rule : e.getValue().entrySet()) {
                Score s = rule.getValue();
                b.append(j++ == 0 ? "\n" : ",\n").append(in).append("    ").append(quote(rule.getKey()))
                        .append(String.format(Locale.ROOT, ": {\"tp\": %d, \"fp\": %d, \"precision\": %.4f}", s.tp(), s.fp(), s.precision()));
            }
            b.append(e.getValue().isEmpty() ? "}" : "\n" + in + "  }");
        }
        b.append(r.byRule().isEmpty() ? "}" : "\n" + in + "}");
    }

    private static void categories(StringBuilder b, Map<Category, Score> scores, String indent) {
        b.append('{');
        int i = 0;
        for (Category c : Category.values()) {
            Score s = scores.get(c);
            b.append(i++ == 0 ? "\n" : ",\n").append(indent).append("  ").append(quote(c.key()))
                    .append(String.format(Locale.ROOT, ": {\"tp\": %d, \"fp\": %d, \"fn\": %d, \"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f}",
                            s.tp(), s.fp(), s.fn(), s.precision(), s.recall(), s.f1()));
        }
        b.append('\n').append(indent).append('}');
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Writes {@code json} beside the target and moves it into place, so a reader never sees half a file. */
    public static void writeJson(String json, Path file) {
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserException(file + ": cannot write (" + UserException.oneLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * Every false positive and false negative, grouped by article and category: the item, the closest item on
     * the other side with the checks it fails, and the sentence of the evidence when the article text is known.
     *
     * @param texts article texts by stem (may lack some)
     */
    public static String explain(EvalResult r, Map<String, String> texts) {
        StringBuilder b = new StringBuilder();
        String group = null;
        for (Finding f : r.findings()) {
            String g = f.stem() + " " + f.category().key();
            if (!g.equals(group)) {
                b.append("\n== ").append(f.stem()).append(" / ").append(f.category().key()).append('\n');
                group = g;
            }
            b.append(f.falsePositive() ? "FP  " : "FN  ").append(f.item()).append('\n');
            String text = texts.get(f.stem());
            if (f.evidence() != null && f.evidence().text() != null) {
                b.append("    evidence: \"").append(oneLine(f.evidence().text())).append('"');
                String sentence = text == null ? null : Sentences.around(text, f.evidence().begin(), f.evidence().end());
                if (sentence != null && !sentence.equals(f.evidence().text())) b.append("\n    in: ").append(sentence);
                b.append('\n');
            } else if (f.locate() != null && text != null) {
                for (String alternative : f.locate().split("\\|")) {
                    String sentence = Sentences.containing(text, alternative);
                    if (sentence != null) { b.append("    in: ").append(sentence).append('\n'); break; }
                }
            }
            if (f.nearest() != null) b.append("    nearest: ").append(f.nearest()).append('\n');
        }
        return b.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
