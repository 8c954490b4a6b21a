package org.diplokg.convert.stage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The boilerplate patterns of {@code convert/boilerplate.txt}, by kind. They live in a resource rather than in
 * code so that a new site's furniture can be added without touching the stage; the file documents the format.
 */
final class BoilerplateRules {

    static final String RESOURCE = "/convert/boilerplate.txt";

    /** Whole-line patterns: the line goes. */
    final List<Pattern> lines = new ArrayList<>();
    /** Whole-line photo-credit patterns: the line goes, and its caption when the two stand apart. */
    final List<Pattern> credits = new ArrayList<>();
    /** Whole-line patterns that start a trailing section: the line and all after it go. */
    final List<Pattern> tails = new ArrayList<>();
    /** Patterns whose matches are cut out of a line. */
    final List<Pattern> inline = new ArrayList<>();

    private static volatile BoilerplateRules standard;

    /** The rules of the bundled resource, read once. */
    static BoilerplateRules standard() {
        BoilerplateRules r = standard;
        if (r == null) {
            try (InputStream in = BoilerplateRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("resource " + RESOURCE + " missing from the build");
                r = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = r;
        }
        return r;
    }

    /** A malformed rule is a bug in the bundled file, so it fails loudly with its line number. */
    static BoilerplateRules parse(InputStream in) throws IOException {
        BoilerplateRules rules = new BoilerplateRules();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon < 0) throw new IllegalStateException(RESOURCE + " line " + n + ": expected KIND: REGEX");
            String kind = line.substring(0, colon).strip();
            String regex = line.substring(colon + 1).strip();
            Pattern p;
            try {
                p = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(RESOURCE + " line " + n + ": bad regex: " + e.getDescription(), e);
            }
            switch (kind) {
                case "line" -> rules.lines.add(p);
                case "credit" -> rules.credits.add(p);
                case "tail" -> rules.tails.add(p);
                case "inline" -> rules.inline.add(p);
                default -> throw new IllegalStateException(RESOURCE + " line " + n + ": unknown kind \"" + kind
                        + "\" (line, credit, tail, inline)");
            }
        }
        return rules;
    }

    static boolean anyMatches(List<Pattern> patterns, String trimmedLine) {
        for (Pattern p : patterns) if (p.matcher(trimmedLine).matches()) return true;
        return false;
    }
}
