package org.diplokg.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is known about each extraction rule, for the provenance the KG gives every fact: its one-line comment,
 * where it lives and how it is written. Read from {@code convert/rules.tsv}, which names the rule files (every
 * entry of such a file is a rule; a file whose every rule follows a comment line gives each rule that comment)
 * and lists the rules written in Java with their comments.
 *
 * <p>A claim carries a rule id local to its kind ("subject", "trigger:meet"); the qualified id is
 * {@code <kind>.<id>} ("quote.subject", "event.trigger:meet"), kind being the claim it produced (mention, post,
 * event, quote, stance, document, concept). Ids joined by "+" ("subject+pronoun") name rules applied one after
 * the other; such a combination is described from its parts.
 */
public final class RuleCatalog {
    public static final String RESOURCE = "/convert/rules.tsv";
    private static final String RESOURCES_DIR = "src/main/resources/";

    /**
     * @param id         qualified id ("event.trigger:meet")
     * @param comment    what it reads, in one line, or null when not known
     * @param sources    repository paths of the files it lives in (empty when not known)
     * @param definition the rule as written in its file (a Semgrex pattern, a lexicon line), or null for Java rules
     */
    public record Rule(String id, String comment, List<String> sources, String definition) {}

    private final Map<String, Rule> rules = new LinkedHashMap<>();

    private RuleCatalog() {}

    /** The catalog of {@code convert/rules.tsv} and the rule files it names. */
    public static RuleCatalog load() {
        RuleCatalog c = new RuleCatalog();
        for (String[] row : Lexicon.rows(RESOURCE)) {
            if (row.length < 2) throw new IllegalStateException(RESOURCE + ": a rule needs an id and a source: " + String.join("\t", row));
            String id = row[0].trim(), source = row[1].trim();
            if (id.endsWith("*")) c.readFile(id.substring(0, id.length() - 1), source);
            else c.add(new Rule(id, row.length > 2 ? row[2].trim() : null, List.of(source.split("\\s+")), null));
        }
        return c;
    }

    /** The id a claim of {@code kind} with local rule {@code id} publishes; a claim without a rule names its stage. */
    public static String qualify(String kind, String id, String stage) {
        String local = id == null || id.isBlank() ? stage : id.strip().replaceAll("\\s+", "-");
        // The event, mention and post stages name their rules by folder or word list ("events/pronoun-subject",
        // "event-trigger/meet", "mention/surname"): published as "event.pronoun-subject", "event.trigger:meet", ...
        List<String> parts = new ArrayList<>();
        for (String part : local.split("\\+"))
            parts.add(part.replaceFirst("^event-(trigger|status)/", "$1:").replaceFirst("^(" + kind + "s?)/", ""));
        local = String.join("+", parts);
        return local.startsWith(kind + ".") ? local : kind + "." + local;
    }

    /** The rule with qualified id {@code id}: as catalogued, composed from its parts, or with nothing known. */
    public Rule describe(String id) {
        Rule known = rules.get(id);
        if (known != null) return known;
        int dot = id.indexOf('.');
        String kind = id.substring(0, dot + 1);
        String[] parts = id.substring(dot + 1).split("\\+");
        if (parts.length < 2) return new Rule(id, null, List.of(), null);
        List<String> said = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (String p : parts) {
            Rule r = rules.get(kind + p);
            said.add(r != null && r.comment() != null ? p + " (" + r.comment() + ")" : p);
            if (r != null) sources.addAll(r.sources());
        }
        return new Rule(id, "The rules " + String.join(", then ", said) + ".", List.copyOf(sources), null);
    }

    /** Every catalogued rule, in the order of rules.tsv and its files. */
    public List<Rule> all() { return List.copyOf(rules.values()); }

    private void add(Rule r) {
        if (rules.putIfAbsent(r.id(), r) != null) throw new IllegalStateException(RESOURCE + ": rule " + r.id() + " is listed twice");
    }

    /**
     * Every entry of a rule file is a rule, its id the first column with spaces as hyphens. When every entry
     * follows a comment line (the file's convention: "a comment line saying what it reads, then the rule"),
     * that line is its comment; otherwise (a word list with a header) no entry has one.
     */
    private void readFile(String prefix, String source) {
        if (!source.startsWith(RESOURCES_DIR)) throw new IllegalStateException(RESOURCE + ": a rule file must be a resource: " + source);
        List<String> lines = resourceLines("/" + source.substring(RESOURCES_DIR.length()));
        List<String[]> entries = new ArrayList<>();   // line, comment before it (or null)
        boolean everyCommented = true;
        String previous = null;
        for (String line : lines) {
            if (line.isBlank()) { previous = null; continue; }
            if (!line.startsWith("#")) {
                String comment = previous != null && previous.startsWith("#") ? previous.substring(1).strip() : null;
                everyCommented &= comment != null;
                entries.add(new String[] {line, comment});
            }
            previous = line;
        }
        for (String[] e : entries) {
            String first = e[0].split("\t", 2)[0].strip();
            String comment = everyCommented ? withoutName(e[1], first) : null;
            rules.putIfAbsent(qualifyPrefix(prefix, first), new Rule(qualifyPrefix(prefix, first), comment, List.of(source), e[0]));  // a repeated entry is one rule
        }
    }

    private static String qualifyPrefix(String prefix, String first) {
        return prefix + first.replaceAll("\\s+", "-");
    }

    /** "dated: "the 2008 Joint Statement"" -> ""the 2008 Joint Statement"": the rule's name need not be repeated. */
    private static String withoutName(String comment, String name) {
        if (comment == null) return null;
        String c = comment.startsWith(name + ":") ? comment.substring(name.length() + 1).strip() : comment;
        return c.isEmpty() ? null : c;
    }

    private static List<String> resourceLines(String resource) {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(RESOURCE + ": no rule file " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
