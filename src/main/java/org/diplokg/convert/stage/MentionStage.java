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
import org.diplokg.convert.model.PlaceClaim;
import org.diplokg.convert.model.Span;

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
    /** Role phrases (roles.tsv): "State" in "State Councilor" is part of a title, not an organisation. */
    private final Set<String> roles = new java.util.HashSet<>();

    public MentionStage(ReferenceIndex reference) {
        this.reference = reference;
        for (String[] row : Lexicon.rows("/convert/country-nouns.tsv")) countryNouns.add(row[0]);
        for (String[] row : Lexicon.rows("/convert/roles.tsv")) roles.add(row[0]);
        // A country the reference data lacks ("Swiss" -> Switzerland) is minted under its English label.
        for (String[] row : Lexicon.rows("/convert/demonyms.tsv"))
            demonyms.put(row[0], reference.lookup(row[1], EntityType.COUNTRY).orElseGet(() -> minted(EntityType.COUNTRY, row[1])));
        for (String[] row : Lexicon.rows("/convert/demonyms.tsv")) countryLabels.add(row[1]);
    }

    /** English labels of the countries demonyms.tsv names: a name CoreNLP tags COUNTRY is minted only if listed here. */
    private final Set<String> countryLabels = new java.util.HashSet<>();

    /** The country a demonym or short form names ("Chinese" -> China), if any. */
    public Optional<Entity> country(String word) {
        Entity e = demonyms.get(word);
        if (e != null) return Optional.of(e);
        Optional<Entity> known = reference.lookup(word, EntityType.COUNTRY);
        if (known.isPresent() || !countryLabels.contains(word)) return known;
        return Optional.of(minted(EntityType.COUNTRY, word));
    }

    @Override
    public void process(ArticleDocument doc) {
        List<Candidate> found = new ArrayList<>();
        List<CoreSentence> sentences = doc.nlp.sentences();
        for (int s = 0; s < sentences.size(); s++)
            dictionary(doc, sentences.get(s), s, found);
        for (int s = 0; s < sentences.size(); s++)
            nicknamed(doc, sentences.get(s), s, found);
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
        for (int s = 0; s < sentences.size(); s++) placesWithin(doc, sentences.get(s), s);
    }

    /** Words that, after a country adjective, introduce a place of that country: "the Kazakh capital Astana". */
    private static final Set<String> PLACE_NOUNS = Lexicon.wordClass("place-noun");

    /**
     * Rules mention/place-comma ("Vientiane, Laos"), mention/place-of-country ("the Russian port city of
     * Sochi", "the Kazakh capital Astana") and mention/place-in ("Guiyang in southwest China's Guizhou
     * Province"): where the text says a place lies.
     */
    private void placesWithin(ArticleDocument doc, CoreSentence sentence, int s) {
        List<CoreLabel> t = sentence.tokens();
        List<Mention> ms = doc.mentions.stream().filter(m -> m.sentence() == s).toList();
        for (int k = 0; k < ms.size(); k++) {
            Mention m = ms.get(k);
            if (m.entity().type() != EntityType.PLACE) continue;
            int first = tokenAt(doc, t, m.span().begin()), last = tokenAt(doc, t, m.span().end() - 1);
            if (first < 0 || last < 0) continue;
            // "Vientiane, Laos" / "Guiyang in ... Guizhou Province"
            if (k + 1 < ms.size() && last + 2 < t.size()) {
                Mention next = ms.get(k + 1);
                int nf = tokenAt(doc, t, next.span().begin());
                boolean place = next.entity().type() == EntityType.PLACE || next.entity().type() == EntityType.COUNTRY;
                if (place && t.get(last + 1).word().equals(",") && nf == last + 2 && !next.entity().equals(m.entity()))
                    within(doc, m, next, "mention/place-comma");
                else if (place && t.get(last + 1).word().equalsIgnoreCase("in") && nf > last + 1 && nf - last <= 5) {
                    // the last place of the phrase after "in": "in southwest China's Guizhou Province"
                    Mention target = next;
                    for (int j = k + 2; j < ms.size(); j++) {
                        Mention x = ms.get(j);
                        int xf = tokenAt(doc, t, x.span().begin());
                        boolean between = xf > 0 && t.subList(last + 1, xf).stream().allMatch(w -> !w.tag().startsWith("VB") && !w.word().equals(","));
                        if (between && xf - last <= 6 && (x.entity().type() == EntityType.PLACE || x.entity().type() == EntityType.COUNTRY)) target = x;
                        else break;
                    }
                    if (!target.entity().equals(m.entity())) within(doc, m, target, "mention/place-in");
                }
            }
            // "the Kazakh capital Astana", "the Russian port city of Sochi"
            int j = first - 1;
            if (j >= 0 && t.get(j).word().equalsIgnoreCase("of")) j--;
            int nouns = 0;
            while (j >= 0 && PLACE_NOUNS.contains(t.get(j).word().toLowerCase(java.util.Locale.ROOT)) && nouns < 3) { j--; nouns++; }
            if (nouns > 0 && j >= 0) {
                Span adj = doc.original(t.get(j).beginPosition(), t.get(j).endPosition());
                ms.stream().filter(x -> x.entity().type() == EntityType.COUNTRY && x.span().overlaps(adj)).findFirst()
                        .ifPresent(c -> within(doc, m, c, "mention/place-of-country"));
            }
        }
    }

    private static void within(ArticleDocument doc, Mention place, Mention container, String rule) {
        Span span = new Span(Math.min(place.span().begin(), container.span().begin()), Math.max(place.span().end(), container.span().end()));
        if (doc.placesWithin.stream().noneMatch(p -> p.place().equals(place.entity()) && p.within().equals(container.entity())))
            doc.placesWithin.add(new PlaceClaim(place.entity(), container.entity(), span, rule));
    }

    private static int tokenAt(ArticleDocument doc, List<CoreLabel> t, int originalOffset) {
        for (int i = 0; i < t.size(); i++) {
            Span x = doc.original(t.get(i).beginPosition(), t.get(i).endPosition());
            if (x.begin() <= originalOffset && originalOffset < x.end()) return i;
        }
        return -1;
    }

    /** A stretch of clean text that names something. */
    private static final class Candidate {
        final int begin, end, sentence;
        final String text;
        final String nerType;
        Entity entity;
        /** Part of a hyphenated compound ("Japan" in "Japan-China"): may overlap its siblings. */
        boolean part;
        /** Further names of the person ("Clarinha", "Clarinha Souza" for 'Maria Clara "Clarinha" Souza'). */
        final List<String> aliases = new ArrayList<>();
        /** The rule that found it. */
        String rule = "mention/ner";

        Candidate(int begin, int end, int sentence, String text, String nerType, Entity entity) {
            this.begin = begin; this.end = end; this.sentence = sentence; this.text = text; this.nerType = nerType; this.entity = entity;
        }

        boolean covers(int b, int e) { return begin <= b && e <= end; }

        Candidate by(String ruleId) { rule = ruleId; return this; }

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
                Candidate c = new Candidate(b, e, s, doc.cleanText.substring(b, e), "DICT", entity);
                c.rule = "mention/reference-name";
                out.add(c);
                i = matched;
            } else if (i + 1 < tokens.size() && demonyms.containsKey(tokens.get(i).word())
                    && countryNouns.contains(tokens.get(i + 1).word().toLowerCase(java.util.Locale.ROOT))) {
                // "the Japanese government", "the Chinese side": the country as an actor.
                int b = tokens.get(i).beginPosition(), e = tokens.get(i + 1).endPosition();
                Candidate c = new Candidate(b, e, s, doc.cleanText.substring(b, e), "DICT", demonyms.get(tokens.get(i).word()));
                c.rule = "mention/country-noun";
                out.add(c);
                i += 2;
            } else if (i + 3 < tokens.size() && demonyms.containsKey(tokens.get(i).word()) && tokens.get(i + 1).word().equals("and")
                    && demonyms.containsKey(tokens.get(i + 2).word()) && isCountryNoun(tokens.get(i + 3).word())) {
                // Rule mention/country-noun-pair: "the Japanese and Chinese governments": each adjective is its country.
                for (int k : new int[] {i, i + 2}) {
                    int b = tokens.get(k).beginPosition(), e = tokens.get(k).endPosition();
                    out.add(new Candidate(b, e, s, tokens.get(k).word(), "DICT", demonyms.get(tokens.get(k).word())).by("mention/country-noun-pair"));
                }
                i += 4;
            } else {
                hyphenated(doc, tokens.get(i), s, out);
                hyphenPart(tokens, i, s, out);
                i++;
            }
        }
    }

    private static final Set<String> QUOTES = Set.of("\"", "``", "''", "\u201C", "\u201D");

    /**
     * Rule mention/nickname: 'Maria Clara "Clarinha" Souza' is one person whose nickname, in quotes between
     * the given and family names, is one of the words the name is later referred to by ("Clarinha met ...").
     */
    private static void nicknamed(ArticleDocument doc, CoreSentence sentence, int s, List<Candidate> out) {
        List<CoreLabel> t = sentence.tokens();
        for (int i = 1; i + 3 < t.size(); i++) {
            if (!QUOTES.contains(t.get(i).word()) || !QUOTES.contains(t.get(i + 2).word())) continue;
            if (!isName(t.get(i - 1)) || !isName(t.get(i + 1)) || !isName(t.get(i + 3))) continue;
            int a = i - 1, b = i + 3;
            while (a > 0 && isName(t.get(a - 1))) a--;
            while (b + 1 < t.size() && isName(t.get(b + 1))) b++;
            int begin = t.get(a).beginPosition(), end = t.get(b).endPosition();
            if (out.stream().anyMatch(c -> !c.part && c.begin < end && begin < c.end)) continue;
            StringBuilder name = new StringBuilder();
            for (int k = a; k <= b; k++)
                if (!QUOTES.contains(t.get(k).word())) name.append(name.length() > 0 ? " " : "").append(t.get(k).word());
            Candidate c = new Candidate(begin, end, s, name.toString(), "PERSON", null);
            c.rule = "mention/nickname";
            c.aliases.add(t.get(i + 1).word());
            StringBuilder family = new StringBuilder(t.get(i + 1).word());
            for (int k = i + 3; k <= b; k++) family.append(' ').append(t.get(k).word());
            c.aliases.add(family.toString());
            out.add(c);
            i = b;
        }
    }

    private static boolean isName(CoreLabel t) {
        return "PERSON".equals(t.ner()) && t.tag().startsWith("NNP");
    }

    /** "government", "governments", "sides": a noun that makes a country adjective before it the state itself. */
    private boolean isCountryNoun(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return countryNouns.contains(w) || w.endsWith("s") && countryNouns.contains(w.substring(0, w.length() - 1));
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
            found.add(Candidate.part(offset, offset + part.length(), s, part, "COUNTRY", c.get()).by("mention/hyphen-countries"));
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
        country(t.word()).ifPresent(c -> out.add(Candidate.part(t.beginPosition(), t.endPosition(), s, t.word(), "COUNTRY", c).by("mention/hyphen-part")));
    }

    /** A CoreNLP mention not already covered by a dictionary match. */
    private void named(ArticleDocument doc, CoreEntityMention m, List<Candidate> out) {
        int b0 = m.charOffsets().first(), e = m.charOffsets().second();
        // Rule mention/country-before-name: "Foreign Minister of Ruritania Ahmad Karimi" tagged as one
        // person: a leading country name is the country, the rest the person.
        if (m.entityType().equals("PERSON") && m.tokens().size() > 2 && country(m.tokens().get(0).word()).isPresent()
                && m.tokens().get(0).tag().startsWith("NNP")) {
            CoreLabel c = m.tokens().get(0);
            int s0 = c.sentIndex();
            if (out.stream().noneMatch(x -> !x.part && x.begin < c.endPosition() && c.beginPosition() < x.end))
                out.add(new Candidate(c.beginPosition(), c.endPosition(), s0, c.word(), "COUNTRY", country(c.word()).get()).by("mention/country-before-name"));
            b0 = m.tokens().get(1).beginPosition();
        }
        final int b = b0;
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
            case "COUNTRY" -> country(text).orElseGet(() -> minted(EntityType.COUNTRY, text));  // CoreNLP's country list
            case "NATIONALITY" -> country(text).orElse(null);
            case "CITY", "STATE_OR_PROVINCE", "LOCATION" -> place(text);
            case "ORGANIZATION" -> organization(text);
            default -> null;
        };
        if (type.equals("PERSON") && isPronoun(m)) return;
        if (type.equals("ORGANIZATION") && partOfRole(m)) return;
        if (type.equals("PERSON") || entity != null)
            out.add(new Candidate(b, e, s, text, type, entity));
    }

    /** Rule mention/not-a-title: an "organisation" whose words run on into a role phrase ("State Councilor"). */
    private boolean partOfRole(CoreEntityMention m) {
        List<CoreLabel> t = m.sentence().tokens();
        int last = m.tokens().get(m.tokens().size() - 1).index();  // 1-based: t.get(last) is the next token
        if (last >= t.size()) return false;
        String phrase = (m.text() + " " + t.get(last).word()).toLowerCase(java.util.Locale.ROOT);
        return roles.stream().anyMatch(r -> r.equals(phrase) || r.startsWith(phrase + " "));
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
            out.add(Candidate.part(offset, offset + part.length(), s, part, "PERSON", null).by("mention/name-pair"));
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
            if (!c.entity.reference()) c.entity.aliases().addAll(c.aliases);
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
            if (best != null) c.entity = best.entity;
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
                Candidate c = new Candidate(b, end, s, t.word(), "PERSON", e).by("mention/surname");
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
