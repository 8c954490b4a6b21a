package org.diplokg.convert.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.diplokg.convert.Iris;
import org.diplokg.convert.Lexicon;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.Stage;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.Mention;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;

/**
 * Finds the entities an article names and links them: names of reference entities found in the text
 * (longest match first), CoreNLP's named-entity mentions, country adjectives ("Chinese President") and
 * hyphenated country pairs ("Japan-China summit"). Within an article a surname ("Kishida") joins the full
 * name it abbreviates; a name not in the reference data gets a minted IRI derived from the name itself, so
 * the same person in two articles is one IRI.
 */
public final class MentionStage implements Stage {
    /** Longest reference name, in tokens, tried by the dictionary match. */
    private static final int MAX_NAME_TOKENS = 14;

    private final ReferenceIndex reference;
    private final Map<String, Entity> demonyms = new HashMap<>();
    private final Set<String> countryNouns = new java.util.HashSet<>();

    public MentionStage(ReferenceIndex reference) {
        this.reference = reference;
        for (String[] row : Lexicon.rows("/convert/country-nouns.tsv")) countryNouns.add(row[0]);
        for (String[] row : Lexicon.rows("/convert/demonyms.tsv"))
            reference.lookup(row[1], EntityType.COUNTRY).ifPresent(c -> demonyms.put(row[0], c));
    }

    /** The country a demonym or short form names ("Chinese" -> China), if any. */
    public Optional<Entity> country(String word) {
        Entity e = demonyms.get(word);
        if (e != null) return Optional.of(e);
        return reference.lookup(word, EntityType.COUNTRY);
    }

    @Override
    public void process(ArticleDocument doc) {
        List<Candidate> found = new ArrayList<>();
        List<CoreSentence> sentences = doc.nlp.sentences();
        for (int s = 0; s < sentences.size(); s++)
            dictionary(doc, sentences.get(s), s, found);
        for (CoreEntityMention m : doc.nlp.entityMentions())
            named(doc, m, found);
        surnames(doc, found, resolvePeople(found));
        found.sort(Comparator.comparingInt((Candidate c) -> c.begin).thenComparingInt(c -> -c.end));
        int lastEnd = -1;
        for (Candidate c : found) {
            if (c.entity == null || c.begin < lastEnd && !c.part) continue;
            doc.mentions.add(new Mention(doc.original(c.begin, c.end), doc.cleanText.substring(c.begin, c.end), c.sentence, c.entity, c.rule));
            if (!c.part) lastEnd = c.end;
        }
    }

    /** A stretch of clean text that names something. */
    private static final class Candidate {
        final int begin, end, sentence;
        final String text;
        final String nerType;
        Entity entity;
        /** Part of a hyphenated compound ("Japan" in "Japan-China"): may overlap its siblings. */
        boolean part;
        /** Id of the rule that found it. */
        String rule;

        Candidate(int begin, int end, int sentence, String text, String nerType, Entity entity) {
            this.begin = begin; this.end = end; this.sentence = sentence; this.text = text; this.nerType = nerType; this.entity = entity;
        }

        boolean covers(int b, int e) { return begin <= b && e <= end; }

        Candidate by(String rule) { this.rule = rule; return this; }

        /** A part of a hyphenated compound. */
        static Candidate part(int begin, int end, int sentence, String text, String nerType, Entity entity) {
            Candidate c = new Candidate(begin, end, sentence, text, nerType, entity);
            c.part = true;
            return c;
        }
    }

    /** Reference names in the text, longest first, not overlapping. */
    private void dictionary(ArticleDocument doc, CoreSentence sentence, int s, List<Candidate> out) {
        List<CoreLabel> tokens = sentence.tokens();
        int i = 0;
        while (i < tokens.size()) {
            int matched = -1;
            Entity entity = null;
            for (int j = Math.min(tokens.size(), i + MAX_NAME_TOKENS); j > i; j--) {
                // Name lookup ignores punctuation, so "United States." would match: a name never ends in a stop.
                if (tokens.get(j - 1).word().matches("\\p{Punct}+")) continue;
                String text = doc.cleanText.substring(tokens.get(i).beginPosition(), tokens.get(j - 1).endPosition());
                List<Entity> hits = reference.byName(text);
                if (hits.size() != 1) continue;
                Entity e = hits.get(0);
                boolean properName = Character.isUpperCase(text.charAt(0));
                if (!properName && e.type() != EntityType.DOCUMENT && e.type() != EntityType.CONCEPT) continue;
                matched = j;
                entity = e;
                break;
            }
            if (entity != null) {
                int b = tokens.get(i).beginPosition(), e = tokens.get(matched - 1).endPosition();
                out.add(new Candidate(b, e, s, doc.cleanText.substring(b, e), "DICT", entity).by("reference-name"));
                i = matched;
            } else if (i + 1 < tokens.size() && demonyms.containsKey(tokens.get(i).word())
                    && countryNouns.contains(tokens.get(i + 1).word().toLowerCase(java.util.Locale.ROOT))) {
                // "the Japanese government", "the Chinese side": the country as an actor.
                int b = tokens.get(i).beginPosition(), e = tokens.get(i + 1).endPosition();
                out.add(new Candidate(b, e, s, doc.cleanText.substring(b, e), "DICT", demonyms.get(tokens.get(i).word())).by("country-noun"));
                i += 2;
            } else {
                hyphenated(doc, tokens.get(i), s, out);
                hyphenPart(tokens, i, s, out);
                i++;
            }
        }
    }

    /** "Japan-China", "U.S.-China", "Sino-Japanese": one country mention per part, when every part names one. */
    private void hyphenated(ArticleDocument doc, CoreLabel token, int s, List<Candidate> out) {
        String word = token.word();
        if (!word.contains("-") || word.startsWith("-")) return;
        String[] parts = word.split("-");
        List<Candidate> found = new ArrayList<>();
        int offset = token.beginPosition();
        for (String part : parts) {
            Optional<Entity> c = country(part);
            if (c.isEmpty()) return;
            found.add(Candidate.part(offset, offset + part.length(), s, part, "COUNTRY", c.get()).by("hyphen-pair"));
            offset += part.length() + 1;
        }
        if (found.size() >= 2) out.addAll(found);
    }

    /** "U.S." in "U.S.-China" when the tokenizer split the compound: a short form next to a hyphen. */
    private void hyphenPart(List<CoreLabel> tokens, int i, int s, List<Candidate> out) {
        boolean hyphenNext = i + 1 < tokens.size() && tokens.get(i + 1).word().equals("-");
        boolean hyphenBefore = i > 0 && tokens.get(i - 1).word().equals("-");
        if (!hyphenNext && !hyphenBefore) return;
        CoreLabel t = tokens.get(i);
        country(t.word()).ifPresent(c -> out.add(Candidate.part(t.beginPosition(), t.endPosition(), s, t.word(), "COUNTRY", c).by("hyphen-part")));
    }

    /** A CoreNLP mention not already covered by a dictionary match. */
    private void named(ArticleDocument doc, CoreEntityMention m, List<Candidate> out) {
        int b = m.charOffsets().first(), e = m.charOffsets().second();
        if (out.stream().anyMatch(c -> !c.part && c.begin <= b && e <= c.end)) return;
        if (out.stream().anyMatch(c -> !c.part && c.begin < e && b < c.end)) return;  // overlaps a reference name
        String text = doc.cleanText.substring(b, e);
        int s = m.sentence().tokens().get(0).sentIndex();
        String type = m.entityType();
        if (isNamePair(text) && (type.equals("PERSON") || type.equals("ORGANIZATION")) && reference.lookup(text, EntityType.ORGANIZATION).isEmpty()) {
            namePair(b, text, s, out);
            return;
        }
        Entity entity = switch (type) {
            case "PERSON" -> null;  // resolved in resolvePeople, once every full name is known
            case "COUNTRY" -> country(text).orElse(null);
            case "NATIONALITY" -> country(text).orElse(null);
            case "CITY", "STATE_OR_PROVINCE", "LOCATION" -> place(text);
            case "ORGANIZATION" -> organization(text);
            default -> null;
        };
        if (type.equals("PERSON") && isPronoun(m)) return;
        if (type.equals("PERSON") || entity != null)
            out.add(new Candidate(b, e, s, text, type, entity).by("ner:" + type.toLowerCase(java.util.Locale.ROOT)));
    }

    private static boolean isPronoun(CoreEntityMention m) {
        return m.tokens().stream().allMatch(t -> t.tag() != null && t.tag().startsWith("PRP"))
                || Character.isLowerCase(m.text().charAt(0));
    }

    private Entity place(String text) {
        Optional<Entity> known = reference.byName(text).stream()
                .filter(e -> e.type() == EntityType.PLACE || e.type() == EntityType.COUNTRY).findFirst();
        return known.orElseGet(() -> minted(EntityType.PLACE, text));
    }

    private Entity organization(String text) {
        Optional<Entity> known = reference.lookup(text, EntityType.ORGANIZATION);
        if (known.isPresent()) return known.get();
        if (text.length() < 2) return null;
        return minted(EntityType.ORGANIZATION, text);
    }

    /** "Xi-Kishida" (as in "the Xi-Kishida summit"): capitalised single words joined by hyphens. */
    private static boolean isNamePair(String text) {
        return text.matches("\\p{Lu}\\p{Ll}+(-\\p{Lu}\\p{Ll}+)+");
    }

    /**
     * CoreNLP tags "Xi-Kishida" as one organisation or person; each part is a surname that joins a full
     * name of this article (in resolvePeople) or, if none, is dropped.
     */
    private static void namePair(int begin, String text, int s, List<Candidate> out) {
        int offset = begin;
        for (String part : text.split("-")) {
            out.add(Candidate.part(offset, offset + part.length(), s, part, "PERSON", null).by("name-pair"));
            offset += part.length() + 1;
        }
    }

    /**
     * People: a full name links to the reference person it names, else is minted; a single-word name joins
     * the full name in this article that it is part of (the nearest one before it, else the first after).
     */
    private List<Candidate> resolvePeople(List<Candidate> found) {
        List<Candidate> people = found.stream().filter(c -> c.nerType.equals("PERSON") && c.entity == null)
                .sorted(Comparator.comparingInt(c -> c.begin)).toList();
        List<Candidate> full = new ArrayList<>();
        for (Candidate c : people) {
            if (!c.text.contains(" ")) continue;
            c.entity = reference.lookup(c.text, EntityType.PERSON).orElseGet(() -> person(c.text));
            full.add(c);
        }
        // Reference people named in full by a dictionary match count as full names too.
        found.stream().filter(c -> c.entity != null && c.entity.type() == EntityType.PERSON && !c.nerType.equals("PERSON")).forEach(full::add);
        full.sort(Comparator.comparingInt(c -> c.begin));
        for (Candidate c : people) {
            if (c.entity != null) continue;
            Candidate best = null;
            for (Candidate f : full) {
                if (!List.of(f.text.split("\\s+")).contains(c.text)) continue;
                if (f.begin < c.begin || best == null) best = f;
                if (f.begin > c.begin) break;
            }
            if (best != null) { c.entity = best.entity; if (!c.part) c.by("surname"); }
        }
        return full;
    }

    /**
     * A surname CoreNLP did not tag ("the meeting between Xi and Kishida", "Biden and Xi"): a capitalised
     * word that is one of the words of a full name this article gives is that person.
     */
    private static void surnames(ArticleDocument doc, List<Candidate> found, List<Candidate> full) {
        Map<String, Entity> byWord = new HashMap<>();
        Set<String> ambiguous = new java.util.HashSet<>();
        for (Candidate f : full)
            for (String w : f.text.split("\\s+")) {
                Entity prev = byWord.putIfAbsent(w, f.entity);
                if (prev != null && !prev.iri().equals(f.entity.iri())) ambiguous.add(w);
            }
        List<CoreSentence> sentences = doc.nlp.sentences();
        List<Candidate> added = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++)
            for (CoreLabel t : sentences.get(s).tokens()) {
                Entity e = byWord.get(t.word());
                if (e == null || ambiguous.contains(t.word()) || !t.tag().startsWith("NNP")) continue;
                int b = t.beginPosition(), end = t.endPosition();
                if (found.stream().anyMatch(c -> c.begin < end && b < c.end)) continue;
                Candidate c = new Candidate(b, end, s, t.word(), "PERSON", e).by("untagged-surname");
                added.add(c);
            }
        found.addAll(added);
    }

    /** A person not in the reference data. The IRI ignores name order, so "Kamo Tomoki" and "Tomoki Kamo" meet. */
    private static Entity person(String name) {
        Set<String> tokens = new TreeSet<>(List.of(Iris.slug(name).split("-")));
        return new Entity(Iris.resource(EntityType.PERSON.iriSegment, String.join("-", tokens)), EntityType.PERSON,
                name, new LinkedHashSet<>(List.of(name)), false);
    }

    /** A new entity named {@code name}, unless the reference data already has one under the IRI the name gives. */
    private Entity minted(EntityType type, String name) {
        String iri = Iris.resource(type.iriSegment, Iris.slug(name));
        return reference.byIri(iri).orElseGet(() -> new Entity(iri, type, name, new LinkedHashSet<>(List.of(name)), false));
    }
}
