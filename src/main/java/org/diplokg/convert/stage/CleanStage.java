package org.diplokg.convert.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diplokg.UserException;
import org.diplokg.convert.Stage;
import org.diplokg.convert.model.ArticleDocument;

/**
 * Removes web-page boilerplate (photo credits and captions, comment forms, sharing and tag lines, page labels,
 * datelines that repeat the metadata, repeated headlines) so that NLP sees only the article. The patterns are
 * in {@code convert/boilerplate.txt}.
 *
 * <p>The clean text is a subsequence of the original: characters are only ever deleted, never inserted or
 * changed, so {@link ArticleDocument#cleanToOriginal} maps every clean index back to the exact original
 * character and every extracted span points at the article's real text. A removed line goes with its line
 * break; runs of blank lines left behind shrink to one, so paragraph breaks between kept paragraphs remain.
 */
public final class CleanStage implements Stage {

    /** A credit's block (lines between blank lines) this small, with lines this short, is credit plus caption. */
    private static final int CAPTION_BLOCK_LINES = 3;
    private static final int CAPTION_MAX_CHARS = 150;

    private final BoilerplateRules rules;

    public CleanStage() {
        this.rules = BoilerplateRules.standard();
    }

    @Override
    public void process(ArticleDocument doc) {
        String text = doc.article.text();
        boolean[] keep = clean(text, doc.article.metadata() != null ? doc.article.metadata().title() : null);
        StringBuilder clean = new StringBuilder(text.length());
        int[] map = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            if (!keep[i]) continue;
            map[clean.length()] = i;
            clean.append(text.charAt(i));
        }
        if (clean.isEmpty()) throw new UserException("no article text left after removing boilerplate");
        doc.cleanText = clean.toString();
        doc.cleanToOriginal = java.util.Arrays.copyOf(map, clean.length());
    }

    /** One line of the original: content [start, end) without the line break, which runs to {@code next}. */
    private record Line(int start, int end, int next) {}

    /** Which characters of {@code text} survive. */
    boolean[] clean(String text, String title) {
        List<Line> lines = split(text);
        int n = lines.size();
        boolean[] removed = new boolean[n];
        List<Integer> credits = new ArrayList<>();

        // Pass 1: rules that look at one line at a time.
        for (int i = 0; i < n; i++) {
            String t = trimmed(text, lines.get(i));
            if (t.isEmpty()) continue;
            if (BoilerplateRules.anyMatches(rules.tails, t)) {
                for (int j = i; j < n; j++) removed[j] = true;
                break;
            }
            if (BoilerplateRules.anyMatches(rules.lines, t)) removed[i] = true;
            else if (BoilerplateRules.anyMatches(rules.credits, t)) {
                removed[i] = true;
                credits.add(i);
            }
        }

        // Pass 2: the headline is the first line left; exact repeats of it (or of the metadata title) go,
        // since pages often print the title twice and the entities in it would be counted twice.
        int headline = -1;
        String headlineText = null;
        for (int i = 0; i < n; i++) {
            String t = trimmed(text, lines.get(i));
            if (removed[i] || t.isEmpty()) continue;
            if (headline < 0) {
                headline = i;
                headlineText = t;
            } else if (t.equals(headlineText) || t.equals(title == null ? null : title.strip())) {
                removed[i] = true;
            }
        }

        // Pass 3: a caption stands with its credit in a short block of its own.
        for (int c : credits) {
            int from = c, to = c;
            while (from > 0 && !trimmed(text, lines.get(from - 1)).isEmpty()) from--;
            while (to < n - 1 && !trimmed(text, lines.get(to + 1)).isEmpty()) to++;
            if (to - from + 1 > CAPTION_BLOCK_LINES) continue;
            boolean shortLines = true;
            for (int i = from; i <= to; i++) shortLines &= trimmed(text, lines.get(i)).length() <= CAPTION_MAX_CHARS;
            if (!shortLines) continue;
            for (int i = from; i <= to; i++) if (i != headline) removed[i] = true;
        }

        boolean[] keep = new boolean[text.length()];
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            if (removed[i]) continue;
            for (int k = l.start; k < l.next; k++) keep[k] = true;
            for (Pattern p : rules.inline) {
                Matcher m = p.matcher(text).region(l.start, l.end);
                m.useAnchoringBounds(true).useTransparentBounds(false);
                while (m.find()) for (int k = m.start(); k < m.end(); k++) keep[k] = false;
            }
        }

        // Pass 4: blank lines. None before the first paragraph, none after the last, at most one in a row.
        boolean seenContent = false, previousBlank = false;
        for (int i = 0; i < n; i++) {
            if (removed[i]) continue;
            Line l = lines.get(i);
            boolean blank = keptIsBlank(text, keep, l.start, l.end);
            if (blank && (!seenContent || previousBlank)) {
                for (int k = l.start; k < l.next; k++) keep[k] = false;
                continue;
            }
            if (!blank) seenContent = true;
            previousBlank = blank;
        }
        // Whatever white space ends the text (trailing blank lines, the last line break).
        for (int k = text.length() - 1; k >= 0; k--) {
            if (!keep[k]) continue;
            if (!isSpace(text.charAt(k))) break;
            keep[k] = false;
        }
        // Whitespace an inline rule left at the very start.
        for (int k = 0; k < text.length(); k++) {
            if (!keep[k]) continue;
            if (!isSpace(text.charAt(k))) break;
            keep[k] = false;
        }
        return keep;
    }

    private static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int next = nl < 0 ? text.length() : nl + 1;
            int end = nl < 0 ? text.length() : nl;
            if (end > start && text.charAt(end - 1) == '\r') end--;
            lines.add(new Line(start, end, next));
            start = next;
        }
        return lines;
    }

    /** The line without surrounding white space, no-break spaces included (pages pad labels with them). */
    private static String trimmed(String text, Line l) {
        int b = l.start, e = l.end;
        while (b < e && isSpace(text.charAt(b))) b++;
        while (e > b && isSpace(text.charAt(e - 1))) e--;
        return text.substring(b, e);
    }

    private static boolean keptIsBlank(String text, boolean[] keep, int from, int to) {
        for (int k = from; k < to; k++) if (keep[k] && !isSpace(text.charAt(k))) return false;
        return true;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
