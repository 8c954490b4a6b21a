package org.diplokg.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;

/**
 * A rule file of Semgrex patterns (src/main/resources/convert/**&#47;*.semgrex): each rule is a "# comment" line
 * saying what it reads, then "id TAB pattern" (optionally "TAB value", e.g. an event type). Ids are unique in
 * a file; a rule without its comment, or a pattern that does not compile, fails loading with the file and line.
 * {NAME} in a pattern is replaced by the macro of that name.
 */
public final class SemgrexRules {
    /** One rule: its id (prefixed with the file's folder, e.g. "events/setting-with"), comment, pattern and value. */
    public record Rule(String id, String comment, SemgrexPattern pattern, String value) {}

    private SemgrexRules() {}

    public static List<Rule> load(String resource, Map<String, String> macros) {
        String prefix = resource.replaceFirst("^/convert/", "").replaceFirst("/[^/]*$", "");
        List<Rule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (InputStream in = SemgrexRules.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing rule file " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String comment = null;
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank()) { comment = null; continue; }
                if (line.startsWith("#")) { comment = line.substring(1).trim(); continue; }
                String[] parts = line.split("\t");
                if (parts.length < 2) throw new IllegalStateException(resource + ":" + n + ": expected id TAB pattern");
                if (comment == null) throw new IllegalStateException(resource + ":" + n + ": rule " + parts[0] + " has no comment line above it");
                if (!ids.add(parts[0])) throw new IllegalStateException(resource + ":" + n + ": duplicate rule id " + parts[0]);
                String pattern = parts[1];
                for (Map.Entry<String, String> m : macros.entrySet()) pattern = pattern.replace("{" + m.getKey() + "}", m.getValue());
                try {
                    out.add(new Rule(prefix + "/" + parts[0], comment, SemgrexPattern.compile(pattern), parts.length > 2 ? parts[2] : null));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(resource + ":" + n + ": rule " + parts[0] + ": " + e.getMessage(), e);
                }
                comment = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
