package org.diplokg.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

import org.diplokg.UserException;

/** Renders an {@link EvalResult}: fixed-width tables, the JSON file of issue 4, and the explanation of every error. */
public final class Report {
    private Report() {}

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

    /** Every article's table, then the total. */
    public static String tables(EvalResult r) {
        StringBuilder b = new StringBuilder();
        r.articles().forEach((stem, scores) -> b.append(table("Article " + stem, scores)).append('\n'));
        b.append(table("Total (micro-averaged over " + r.articles().size() + " articles)", r.total()));
        return b.toString();
    }

    /** {@code {"total": {CATEGORY: {...}}, "articles": {STEM: {CATEGORY: {...}}}}}, keys in a fixed order. */
    public static String json(EvalResult r) {
        StringBuilder b = new StringBuilder("{\n  \"total\": ");
        categories(b, r.total(), "  ");
        b.append(",\n  \"articles\": {");
        int i = 0;
        for (var e : r.articles().entrySet()) {
            b.append(i++ == 0 ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": ");
            categories(b, e.getValue(), "    ");
        }
        b.append(r.articles().isEmpty() ? "}" : "\n  }").append("\n}\n");
        return b.toString();
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

    /** Writes the JSON beside the target and moves it into place, so a reader never sees half a file. */
    public static void writeJson(EvalResult r, Path file) {
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            Files.writeString(tmp, json(r), StandardCharsets.UTF_8);
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
