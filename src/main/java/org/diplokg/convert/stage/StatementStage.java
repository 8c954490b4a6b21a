package org.diplokg.convert.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.diplokg.convert.Lexicon;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.Stage;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.EventClaim;
import org.diplokg.convert.model.Mention;
import org.diplokg.convert.model.PostClaim;
import org.diplokg.convert.model.QuoteClaim;
import org.diplokg.convert.model.Span;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;

/**
 * Quotations and who said them. CoreNLP's quote annotator finds the quotes; the speaker comes from the
 * dependency parse of the attributing sentence, with the patterns of {@code speaker-patterns.semgrex}: the
 * subject of a reporting verb ({@code reporting-verbs.tsv}) outside the quote ("X said", "said X"), the
 * object of "tell" as the addressee, the object of "according to". A subject that is a pronoun is the most
 * recent person named before it; a definite description ("the expert") is the most recent named person the
 * article describes with a word of that kind ({@code descriptions.tsv}); an indefinite or plural one ("a
 * ministry source", "one", "experts") stays an unnamed source and is never given to a nearby name.
 * A quote with no attribution in its sentence takes the speaker of the quote just before it only when it
 * continues it (the next paragraph, no other person named in between).
 */
public final class StatementStage implements Stage {
    private static final Set<String> PERSONAL = Set.of("he", "she", "him", "her", "his");
    private static final Set<String> INDEFINITE = Set.of("a", "an", "one", "some", "another", "several", "many",
            "other", "few", "two", "three", "most", "certain", "any");
    /** Quotes shorter than this (in words) are scare quotes around a term, not statements. */
    private static final int MIN_WORDS = 3;
    private static final String QUOTE_CHARS = "\"“”„‟«»'‘’‚‛`";

    private final Map<String, String> verbs = new HashMap<>();          // lemma -> kind
    private final List<SemgrexPattern> patterns = new ArrayList<>();
    private final Map<String, Set<String>> descriptions = new HashMap<>();
    private final Set<String> sourceNouns = new HashSet<>();
    private final Set<String> unnamedSources = new HashSet<>();
    private final Set<String> institutions = new HashSet<>();
    private final Map<String, Entity> demonyms = new HashMap<>();
    private final List<String> patternNames = new ArrayList<>();
    private final Map<String, Entity> capitals = new HashMap<>();   // city IRI -> its country

    public StatementStage(ReferenceIndex reference) {
        for (String[] row : Lexicon.rows("/convert/reporting-verbs.tsv"))
            verbs.put(row[0].trim(), row.length > 1 ? row[1].trim() : "say");
        String all = String.join("|", verbs.keySet().stream().sorted().toList());
        String tell = String.join("|", verbs.entrySet().stream().filter(e -> e.getValue().equals("tell")).map(Map.Entry::getKey).sorted().toList());
        for (String line : resourceLines("/convert/speaker-patterns.semgrex")) {
            String[] parts = line.split("\t", 2);
            patternNames.add(parts[0].trim());
            patterns.add(SemgrexPattern.compile(parts[1].replace("{VERBS}", "^(" + all + ")$").replace("{TELL}", "^(" + tell + ")$")));
        }
        for (String[] row : Lexicon.rows("/convert/institution-nouns.tsv"))
            institutions.add(row[0].trim().toLowerCase(Locale.ROOT));
        String q = "PREFIX dkg: <" + org.diplokg.vocab.DKG.NS + ">\n"
                + "SELECT ?city ?country WHERE { GRAPH <https://w3id.org/diplokg/graph/reference> { ?city dkg:capitalOf ?country } }";
        var dsg = reference.dataset();
        org.apache.jena.system.Txn.executeRead(dsg, () -> {
            try (var qe = org.apache.jena.query.QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(r -> reference.byIri(r.getResource("country").getURI())
                        .ifPresent(c -> capitals.put(r.getResource("city").getURI(), c)));
            }
        });
        for (String[] row : Lexicon.rows("/convert/demonyms.tsv"))
            reference.lookup(row[1].trim(), EntityType.COUNTRY).ifPresent(c -> demonyms.put(row[0].trim(), c));
        for (String[] row : Lexicon.rows("/convert/descriptions.tsv"))
            descriptions.put(row[0].trim(), Set.of(row[1].trim().split("\\s+")));
        for (String[] row : Lexicon.rows("/convert/source-nouns.tsv"))
            sourceNouns.add(row[0].trim().toLowerCase(Locale.ROOT));
        for (String[] row : Lexicon.rows("/convert/unnamed-sources.tsv"))
            unnamedSources.add(row[0].trim().toLowerCase(Locale.ROOT));
    }

    static List<String> resourceLines(String resource) {
        try (InputStream in = StatementStage.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who a quote (or a stance) is attributed to. */
    record Attribution(Entity speaker, String unnamed, Entity addressee, int sentence, int verbToken, String rule) {
        boolean any() { return speaker != null || unnamed != null; }
        Attribution by(String r) { return new Attribution(speaker, unnamed, addressee, sentence, verbToken, r); }
    }

    @Override
    public void process(ArticleDocument doc) {
        List<int[]> quotes = quoteSpans(doc.cleanText);
        List<CoreSentence> sentences = doc.nlp.sentences();
        QuoteClaim previous = null;
        int previousEnd = -1;
        for (int[] q : quotes) {
            int qb = q[0], qe = q[1];
            int ib = qb, ie = qe;
            while (ib < ie && (QUOTE_CHARS.indexOf(doc.cleanText.charAt(ib)) >= 0 || Character.isWhitespace(doc.cleanText.charAt(ib)))) ib++;
            while (ie > ib && (QUOTE_CHARS.indexOf(doc.cleanText.charAt(ie - 1)) >= 0 || Character.isWhitespace(doc.cleanText.charAt(ie - 1)))) ie--;
            if (ie <= ib) continue;
            if (doc.cleanText.substring(ib, ie).trim().split("\\s+").length < MIN_WORDS) continue;  // a scare-quoted term, not a statement
            Attribution a = attribute(doc, qb, qe);
            if (a == null && previous != null && previous.speaker() != null && continues(doc, previous, previousEnd, qb))
                a = new Attribution(previous.speaker(), null, null, sentenceAt(sentences, qb), -1, "continuation");
            if (a == null) a = reportedBefore(doc, qb);
            if (a == null || !a.any()) continue;
            EventClaim event = eventIn(doc, a.sentence());
            Span span = doc.original(ib, ie);
            QuoteClaim claim = new QuoteClaim(span, doc.text(span), a.speaker(), a.speaker() == null ? a.unnamed() : null,
                    a.addressee(), event, a.sentence(), a.rule());
            doc.quotes.add(claim);
            previous = claim;
            previousEnd = qe;
        }
    }

    /**
     * The quotes, as clean-text ranges including their marks. Double marks are paired within a paragraph
     * whatever their shape, because news copy mixes them (an opening curly mark closed by a straight one, a
     * closing-shaped mark used to open after a space). A quote running over paragraphs reopens each one and
     * goes on to its closing mark; an opening curly mark inside a quote nests ("a prolonged “cooling off”
     * period") unless it starts a new sentence, where the quote before was left open. A quote never closed
     * is dropped: where it ends cannot be told. Single marks are apostrophes or nested quotes, never quotes
     * of their own.
     */
    static List<int[]> quoteSpans(String t) {
        List<int[]> out = new ArrayList<>();
        int open = -1, nested = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                if (open < 0) continue;
                int next = i;
                while (next < t.length() && Character.isWhitespace(t.charAt(next))) next++;
                if (next < t.length() && (t.charAt(next) == '\u201C' || t.charAt(next) == '"')) { i = next; nested = 0; continue; }
                open = -1;   // never closed
                continue;
            }
            if (DOUBLE_MARKS.indexOf(c) < 0) continue;
            char before = i == 0 ? '\n' : t.charAt(i - 1);
            char after = i + 1 < t.length() ? t.charAt(i + 1) : '\n';
            if (open < 0) {
                if (c == '\u00BB') continue;
                // a closing shape, or a straight mark glued to the word before it, opens only where a quote can start
                boolean startable = Character.isWhitespace(before) || "([\u2014\u2013-:".indexOf(before) >= 0;
                if ((c == '\u201D' || c == '"') && !startable) continue;
                if (Character.isWhitespace(after)) continue;
                open = i;
                nested = 0;
            } else if (c == '\u201C' || c == '\u00AB') {
                int k = i - 1;
                while (k > open && Character.isWhitespace(t.charAt(k))) k--;
                if (k > open && ".!?".indexOf(t.charAt(k)) >= 0 && k < i - 1) open = i;   // the quote before was left open
                else nested++;
            } else if (nested > 0) {
                nested--;
            } else {
                out.add(new int[] {open, i + 1});
                open = -1;
            }
        }
        return out;
    }

    private static final String DOUBLE_MARKS = "\"\u201C\u201D\u201E\u201F\u00AB\u00BB";

    /**
     * A quote with no attribution of its own continues the previous one: next paragraph or sentence, nobody else
     * named between (but for the people named in the previous quote's own attribution: "..., X said at a
     * ceremony for Y.").
     */
    private static boolean continues(ArticleDocument doc, QuoteClaim previous, int previousEnd, int begin) {
        if (previousEnd < 0 || begin < previousEnd) return false;
        String between = doc.cleanText.substring(previousEnd, begin);
        if (between.length() > 400 || between.split("\n\\s*\n", -1).length > 2) return false;
        if (!opensSentence(doc, begin)) return false;
        Span gap = doc.original(previousEnd, begin);
        for (Mention m : doc.mentions)
            if (gap.contains(m.span()) && m.entity().type() == EntityType.PERSON && !m.entity().equals(previous.speaker())
                    && !m.entity().equals(previous.addressee()) && m.sentence() != previous.sentence()) return false;
        return true;
    }

    /** Whether the quote at clean offset begin opens its sentence or paragraph. */
    private static boolean opensSentence(ArticleDocument doc, int begin) {
        int k = begin - 1;
        while (k >= 0 && doc.cleanText.charAt(k) == ' ') k--;
        return k < 0 || ".\n!?\u201D\"".indexOf(doc.cleanText.charAt(k)) >= 0;
    }

    /**
     * "X also said that ... .\n\n"Quote."": a quote that opens its paragraph with no attribution of its own goes
     * on with the reported speech of the sentence right before it, when a named person says that.
     */
    private Attribution reportedBefore(ArticleDocument doc, int qb) {
        int k = qb - 1;
        while (k >= 0 && Character.isWhitespace(doc.cleanText.charAt(k)) && doc.cleanText.charAt(k) != '\n') k--;
        if (k >= 0 && doc.cleanText.charAt(k) != '\n') return null;
        List<CoreSentence> sentences = doc.nlp.sentences();
        int s = sentenceAt(sentences, qb) - 1;
        if (s < 0 || sentences.get(s).charOffsets().second > qb) return null;
        if (!doc.cleanText.substring(sentences.get(s).charOffsets().second, qb).isBlank()) return null;
        String prior = doc.cleanText.substring(sentences.get(s).charOffsets().first, sentences.get(s).charOffsets().second);
        for (char c : DOUBLE_MARKS.toCharArray()) if (prior.indexOf(c) >= 0) return null;   // a quote of its own: continuation decides
        Attribution best = null;
        for (Attribution a : attributions(doc, s, -1, -1))
            if (a.speaker() != null && a.speaker().type() == EntityType.PERSON && (best == null || a.verbToken() > best.verbToken())) best = a;
        return best == null ? null : new Attribution(best.speaker(), null, null, sentenceAt(sentences, qb), -1, "reported-before");
    }

    static int sentenceAt(List<CoreSentence> sentences, int charOffset) {
        for (int i = 0; i < sentences.size(); i++) {
            var off = sentences.get(i).charOffsets();
            if (off.first <= charOffset && charOffset < off.second) return i;
        }
        for (int i = 0; i < sentences.size(); i++)
            if (sentences.get(i).charOffsets().first >= charOffset) return i;
        return sentences.size() - 1;
    }

    /**
     * The attribution of the quote at clean offsets [qb, qe): the reporting words outside it in the sentences
     * it touches (the nearest wins), else in the sentence right after it when that one starts inside it.
     */
    Attribution attribute(ArticleDocument doc, int qb, int qe) {
        List<CoreSentence> sentences = doc.nlp.sentences();
        int first = sentenceAt(sentences, qb), last = sentenceAt(sentences, Math.max(qb, qe - 1));
        // A quote that ends its sentence is often attributed in the next one ("... ." he said.) only when
        // the mark closes inside that sentence; otherwise look at the sentences the quote touches.
        Attribution best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int s = first; s <= last; s++) {
            for (Attribution a : attributions(doc, s, qb, qe)) {
                CoreLabel v = sentences.get(s).tokens().get(a.verbToken());
                int d = v.endPosition() <= qb ? qb - v.endPosition() : v.beginPosition() - qe;
                if (d < 0) continue;   // inside the quote
                if (d < bestDistance) { best = a; bestDistance = d; }
            }
        }
        return best;
    }

    /** A reporting word, its speaker's word (0 when none) and the rule that paired them. */
    private record Found(int verb, int speaker, String rule) {}

    /** Every attribution the patterns find in sentence s whose reporting word lies outside [qb, qe). */
    List<Attribution> attributions(ArticleDocument doc, int s, int qb, int qe) {
        CoreSentence sentence = doc.nlp.sentences().get(s);
        SemanticGraph g = sentence.dependencyParse();
        List<Attribution> out = new ArrayList<>();
        if (g == null) return out;
        Map<Integer, Entity> addressees = new HashMap<>();
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            SemgrexMatcher m = patterns.get(i).matcher(g);
            while (m.find()) {
                IndexedWord verb = m.getNode("verb");
                if (verb == null) verb = m.getNode("speaker");
                IndexedWord speaker = m.getNode("speaker");
                IndexedWord addressee = m.getNode("addressee");
                int vb = verb.beginPosition();
                if (vb >= qb && vb < qe) continue;
                if (addressee != null) {
                    Entity e = entityAt(doc, addressee, g);
                    if (e != null && e.type() != EntityType.PLACE) addressees.put(verb.index(), e);
                }
                if (speaker != null) found.add(new Found(verb.index(), speaker.index(), patternNames.get(i)));
                else if (m.getNode("verb") != null) found.add(new Found(verb.index(), -1, patternNames.get(i)));
            }
        }
        // A reporting verb without a subject ("..., while calling for"; "..., saying") takes its head's subject.
        for (IndexedWord w : g.vertexSet()) {
            if (w.lemma() == null || !verbs.containsKey(w.lemma().toLowerCase(Locale.ROOT))) continue;
            if (!w.tag().startsWith("VB")) continue;
            if (found.stream().anyMatch(f -> f.verb() == w.index() && f.speaker() > 0)) continue;
            int vb = w.beginPosition();
            if (vb >= qb && vb < qe) continue;
            IndexedWord head = w;
            IndexedWord subj = null;
            String rule = "head-subject";
            for (int hops = 0; hops < 3 && subj == null; hops++) {
                SemanticGraphEdge in = g.incomingEdgeIterable(head).iterator().hasNext() ? g.incomingEdgeIterable(head).iterator().next() : null;
                if (in == null) break;
                String rel = in.getRelation().toString();
                if (rel.startsWith("acl")) { subj = in.getGovernor(); rule = "described-source"; break; }   // "one saying", "a source saying"
                if (!(rel.startsWith("advcl") || rel.startsWith("conj") || rel.startsWith("xcomp") || rel.startsWith("acl") || rel.equals("parataxis"))) break;
                head = in.getGovernor();
                subj = subject(g, head);
            }
            if (subj != null) found.add(new Found(w.index(), subj.index(), rule));
            else {
                IndexedWord apposed = apposedSubject(doc, g, w, s);
                if (apposed != null) found.add(new Found(w.index(), apposed.index(), "apposed-subject"));
            }
        }
        Span quote = qb < 0 ? null : doc.original(qb, qe);
        for (Found f : found) {
            if (f.speaker() < 0) continue;
            IndexedWord speakerWord = g.getNodeByIndexSafe(f.speaker());
            if (speakerWord == null) continue;
            int sb = speakerWord.beginPosition();
            if (sb >= qb && sb < qe) continue;   // a subject inside the quote is not the speaker
            Attribution a = speaker(doc, g, speakerWord, s, quote);
            if (a == null) continue;
            out.add(new Attribution(a.speaker(), a.unnamed(), addressees.get(f.verb()), s, f.verb() - 1,
                    a.rule() == null ? f.rule() : f.rule() + "+" + a.rule()));
        }
        return out;
    }

    /**
     * When the parse gives a reporting verb no subject: a name right before it, or separated from it only by
     * an apposition ("X, minister of ..., said").
     */
    static IndexedWord apposedSubject(ArticleDocument doc, SemanticGraph g, IndexedWord verb, int s) {
        Span v = doc.original(verb.beginPosition(), verb.endPosition());
        List<Mention> before = doc.mentions.stream().filter(m -> m.sentence() == s && m.span().end() <= v.begin()).toList();
        for (int i = before.size() - 1; i >= 0; i--) {
            Mention m = before.get(i);
            EntityType t = m.entity().type();
            if (t != EntityType.PERSON && t != EntityType.ORGANIZATION && t != EntityType.COUNTRY) continue;
            String between = doc.article.text().substring(m.span().end(), v.begin()).trim();
            if (!between.isEmpty() && !(between.startsWith(",") && between.endsWith(",") && between.length() > 2)) continue;
            if (between.contains("\u201C") || between.contains("\"")) continue;
            // not across another clause's reporting verb ("Japan, Xi said, urging")
            boolean clause = false;
            for (CoreLabel tok : doc.nlp.sentences().get(s).tokens()) {
                Span ts = doc.original(tok.beginPosition(), tok.endPosition());
                if (ts.begin() >= m.span().end() && ts.end() <= v.begin() && tok.tag() != null && tok.tag().startsWith("VB")) clause = true;
            }
            if (clause) continue;
            for (IndexedWord w : g.vertexSet()) {
                Span ws = doc.original(w.beginPosition(), w.endPosition());
                if (m.span().contains(ws)) return w;
            }
        }
        return null;
    }

    /** Whether the word is a reporting verb ("said", "stressed", "told"). */
    boolean isReporting(IndexedWord w) {
        return w.lemma() != null && w.tag() != null && w.tag().startsWith("VB") && verbs.containsKey(w.lemma().toLowerCase(Locale.ROOT));
    }

    static IndexedWord subject(SemanticGraph g, IndexedWord verb) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(verb))
            if (e.getRelation().toString().startsWith("nsubj")) return e.getDependent();
        return null;
    }

    /** What the subject word denotes: a named entity, a person a pronoun or description refers to, or an unnamed source. */
    Attribution speaker(ArticleDocument doc, SemanticGraph g, IndexedWord w, int s) {
        return speaker(doc, g, w, s, null);
    }

    /**
     * As {@link #speaker(ArticleDocument, SemanticGraph, IndexedWord, int)}, for the speaker of the quote at
     * {@code quote} (original offsets, or null): a pronoun or description never refers to someone named inside
     * the quote it attributes ("Prime Minister X and I have met", he said).
     */
    Attribution speaker(ArticleDocument doc, SemanticGraph g, IndexedWord w, int s, Span quote) {
        Entity e = entityAt(doc, w, g);
        String det = determiner(g, w);
        // "the Chinese" (a demonym used as a noun) names no one in particular
        if (e != null && e.type() == EntityType.COUNTRY && "the".equals(det)) return null;
        if (e == null && w.tag().startsWith("NNP")) e = namedBefore(doc, w);
        // a capitalised title ("the Argentine Minister") is still a description, not a name
        String lower = w.lemma().toLowerCase(Locale.ROOT);
        if (e == null && w.tag().startsWith("NNP") && !institutions.contains(lower) && !(descriptions.containsKey(lower) && "the".equals(det))) return null;
        if (e != null) {
            // "Tokyo said", "Beijing wants": a capital speaking is its country's government
            if (e.type() == EntityType.PLACE && capitals.containsKey(e.iri())) return new Attribution(capitals.get(e.iri()), null, null, s, -1, "capital");
            if (e.type() == EntityType.PLACE || e.type() == EntityType.DOCUMENT || e.type() == EntityType.CONCEPT) return null;
            return new Attribution(e, null, null, s, -1, null);
        }
        String word = w.word().toLowerCase(Locale.ROOT);
        if (PERSONAL.contains(word)) {
            Entity p = subjectBefore(doc, g, w, quote);
            if (p == null) p = recentSubject(doc, s, quote);
            if (p == null) p = previousPerson(doc, w.beginPosition(), null, quote, null);
            return p == null ? null : new Attribution(p, null, null, s, -1, "pronoun");
        }
        if (word.equals("it")) {
            Entity o = institutionSpeakerBefore(doc, s, w.beginPosition());
            return o == null ? null : new Attribution(o, null, null, s, -1, "it-institution");
        }
        String tag = w.tag();
        if (tag.startsWith("PRP") || tag.startsWith("W") || tag.startsWith("EX")) return null;
        String lemma = w.lemma().toLowerCase(Locale.ROOT);
        // "the foreign ministry said": the ministry named before
        if (institutions.contains(lemma)) {
            Entity o = institutionBefore(doc, w, lemma);
            return o == null ? null : new Attribution(o, null, null, s, -1, "institution");
        }
        // "China's official readout": the possessor issues it; "a foreign ministry statement": the ministry
        if (sourceNouns.contains(lemma))
            for (SemanticGraphEdge out : g.outgoingEdgeIterable(w)) {
                String rel = out.getRelation().toString();
                if (rel.startsWith("nmod:poss") || rel.equals("amod") || rel.startsWith("compound")) {
                    Entity owner = entityAt(doc, out.getDependent(), g);
                    if (owner == null && rel.startsWith("compound") && institutions.contains(out.getDependent().lemma().toLowerCase(Locale.ROOT)))
                        owner = institutionBefore(doc, out.getDependent(), out.getDependent().lemma().toLowerCase(Locale.ROOT));
                    if (owner != null && (owner.type() == EntityType.COUNTRY || owner.type() == EntityType.ORGANIZATION))
                        return new Attribution(owner, null, null, s, -1, "issued-by");
                }
            }
        String determiner = det;
        boolean plural = tag.equals("NNS") || tag.equals("NNPS");
        boolean definite = ("the".equals(determiner) || "this".equals(determiner)) && !plural;
        if (definite) {
            Set<String> qualifying = descriptions.get(lemma);
            if (qualifying != null) {
                Entity p = previousPerson(doc, w.beginPosition(), qualifying, quote, countryOf(doc, g, w));
                if (p != null) return new Attribution(p, null, null, s, -1, "description");
            }
        }
        if (!tag.startsWith("NN") && !tag.equals("CD")) return null;
        if (!unnamedSources.contains(lemma)) return null;
        return new Attribution(null, description(doc, g, w), null, s, -1, "unnamed");
    }

    /** The country a description names ("the Brazilian president", "the China expert"), or null. */
    private Entity countryOf(ArticleDocument doc, SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge out : g.outgoingEdgeIterable(w)) {
            String rel = out.getRelation().toString();
            if (!(rel.equals("amod") || rel.startsWith("compound") || rel.startsWith("nmod:poss"))) continue;
            IndexedWord d = out.getDependent();
            Entity c = demonyms.get(d.word());
            if (c == null) {
                Entity e = entityAt(doc, d, g);
                if (e != null && e.type() == EntityType.COUNTRY) c = e;
            }
            if (c != null) return c;
        }
        return null;
    }

    /** The organisation named before w whose name has the institution word ("ministry", "office") in it. */
    private static Entity institutionBefore(ArticleDocument doc, IndexedWord w, String lemma) {
        Span at = doc.original(w.beginPosition(), w.endPosition());
        Entity found = null;
        for (Mention m : doc.mentions) {
            if (m.span().begin() >= at.begin()) break;
            if (m.entity().type() != EntityType.ORGANIZATION) continue;
            if ((m.entity().label() + " " + m.text()).toLowerCase(Locale.ROOT).contains(lemma)) found = m.entity();
        }
        return found;
    }

    /** "..., the foreign ministry said. "...," it said.": the organisation that last said something, up to three sentences back. */
    private Entity institutionSpeakerBefore(ArticleDocument doc, int s, int before) {
        for (int k = s; k >= 0 && k >= s - 3; k--) {
            SemanticGraph g = doc.nlp.sentences().get(k).dependencyParse();
            if (g == null) continue;
            Entity found = null;
            for (IndexedWord v : g.vertexListSorted()) {
                if (k == s && v.beginPosition() >= before) break;
                if (!isReporting(v)) continue;
                IndexedWord subj = subject(g, v);
                if (subj == null) continue;
                Entity e = entityAt(doc, subj, g);
                String lemma = subj.lemma() == null ? "" : subj.lemma().toLowerCase(Locale.ROOT);
                if (e == null && institutions.contains(lemma)) e = institutionBefore(doc, subj, lemma);
                if (e != null && e.type() == EntityType.ORGANIZATION) found = e;
            }
            if (found != null) return found;
        }
        return null;
    }

    /** The person last a subject (or agent) in the two sentences before s, outside the quote: "X said ... . "...," he said." */
    private static Entity recentSubject(ArticleDocument doc, int s, Span quote) {
        for (int k = s - 1; k >= 0 && k >= s - 2; k--) {
            SemanticGraph g = doc.nlp.sentences().get(k).dependencyParse();
            if (g == null) continue;
            Entity found = null;
            for (IndexedWord w : g.vertexListSorted()) {
                if (!prominent(g, w)) continue;
                Entity e = entityAt(doc, w, g);
                if (e == null || e.type() != EntityType.PERSON) continue;
                if (quote != null && quote.contains(doc.original(w.beginPosition(), w.endPosition()))) continue;
                found = e;
            }
            if (found != null) return found;
        }
        return null;
    }

    private static boolean prominent(SemanticGraph g, IndexedWord w) {
        return g.incomingEdgeList(w).stream().anyMatch(e -> {
            String rel = e.getRelation().toString();
            return rel.startsWith("nsubj") || rel.equals("obl:agent") || rel.equals("obl:by");
        });
    }

    /**
     * "This was outlined by Kishida in his conversation with Xi, when he indicated ...": a pronoun prefers a
     * person who is a subject or agent earlier in its own sentence to the nearest name.
     */
    private static Entity subjectBefore(ArticleDocument doc, SemanticGraph g, IndexedWord pronoun, Span quote) {
        Entity found = null;
        for (IndexedWord w : g.vertexListSorted()) {
            if (w.index() >= pronoun.index()) break;
            if (!prominent(g, w)) continue;
            if (quote != null && quote.contains(doc.original(w.beginPosition(), w.endPosition()))) continue;
            Entity e = entityAt(doc, w, g);
            if (e != null && e.type() == EntityType.PERSON) found = e;
        }
        return found;
    }

    static String determiner(SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge out : g.outgoingEdgeIterable(w))
            if (out.getRelation().toString().equals("det") || out.getRelation().toString().equals("nummod"))
                return out.getDependent().word().toLowerCase(Locale.ROOT);
        return null;
    }

    /** A proper noun the mention stage left unlinked that is part of a person's name used before ("Xi" after "Xi Jinping"). */
    static Entity namedBefore(ArticleDocument doc, IndexedWord w) {
        Span at = doc.original(w.beginPosition(), w.endPosition());
        Entity found = null;
        for (Mention m : doc.mentions) {
            if (m.span().begin() >= at.begin()) break;
            if (m.entity().type() != EntityType.PERSON) continue;
            if (List.of(m.entity().label().split("\\s+")).contains(w.word()) || List.of(m.text().split("\\s+")).contains(w.word()))
                found = m.entity();
        }
        return found;
    }

    /** The noun phrase headed by w, without clauses hanging off it. */
    static String description(ArticleDocument doc, SemanticGraph g, IndexedWord w) {
        int b = w.beginPosition(), e = w.endPosition();
        for (SemanticGraphEdge out : g.outgoingEdgeIterable(w)) {
            String rel = out.getRelation().toString();
            if (rel.startsWith("acl") || rel.equals("case") || rel.startsWith("punct") || rel.startsWith("appos") || rel.startsWith("conj") || rel.startsWith("cc")) continue;
            for (IndexedWord d : g.descendants(out.getDependent())) {
                b = Math.min(b, d.beginPosition());
                e = Math.max(e, d.endPosition());
            }
        }
        return doc.cleanText.substring(b, e).replaceAll("\\s+", " ").trim();
    }

    /** The entity of a mention covering the word (or its compound / flat name parts). */
    static Entity entityAt(ArticleDocument doc, IndexedWord w, SemanticGraph g) {
        Span span = doc.original(w.beginPosition(), w.endPosition());
        for (Mention m : doc.mentions)
            if (m.span().overlaps(span)) return m.entity();
        return null;
    }

    /**
     * The most recent person named before clean offset {@code before}, not inside {@code exclude}; with
     * {@code qualifying} words, the most recent one the article describes with one of them (in a post it holds
     * or the words right around the name), and with a {@code country}, one holding a post of that country.
     */
    static Entity previousPerson(ArticleDocument doc, int before, Set<String> qualifying, Span exclude, Entity country) {
        Span limit = doc.original(before, before);
        List<Mention> people = doc.mentions.stream()
                .filter(m -> m.entity().type() == EntityType.PERSON && m.span().end() <= limit.begin())
                .filter(m -> exclude == null || !exclude.contains(m.span())).toList();
        for (int i = people.size() - 1; i >= 0; i--) {
            Mention m = people.get(i);
            if (country != null && doc.posts.stream().noneMatch(p -> p.holder().iri().equals(m.entity().iri()) && !p.former()
                    && p.of() != null && p.of().iri().equals(country.iri()))) continue;
            if (qualifying == null || describedAs(doc, m, qualifying)) return m.entity();
        }
        return null;
    }

    private static boolean describedAs(ArticleDocument doc, Mention m, Set<String> qualifying) {
        for (PostClaim p : doc.posts)
            if (p.holder().iri().equals(m.entity().iri()))
                for (String word : p.role().toLowerCase(Locale.ROOT).split("[\\s-]+"))
                    if (qualifying.contains(word)) return true;
        for (Mention other : doc.mentions) {
            if (!other.entity().iri().equals(m.entity().iri())) continue;
            CoreSentence sentence = doc.nlp.sentences().get(other.sentence());
            List<CoreLabel> tokens = sentence.tokens();
            for (int t = 0; t < tokens.size(); t++) {
                Span ts = doc.original(tokens.get(t).beginPosition(), tokens.get(t).endPosition());
                if (ts.begin() < other.span().begin() - 60 || ts.end() > other.span().end() + 80) continue;
                String lemma = tokens.get(t).lemma() == null ? tokens.get(t).word() : tokens.get(t).lemma();
                if (qualifying.contains(lemma.toLowerCase(Locale.ROOT))) return true;
            }
        }
        return false;
    }

    /** The event the sentence reports or names, if the event stage found one there. */
    static EventClaim eventIn(ArticleDocument doc, int sentence) {
        if (sentence < 0 || sentence >= doc.nlp.sentences().size()) return null;
        var off = doc.nlp.sentences().get(sentence).charOffsets();
        Span s = doc.original(off.first, off.second);
        for (EventClaim e : doc.events)
            if (e.iri != null && (e.sentence == sentence || e.evidence.stream().anyMatch(s::contains))) return e;
        return null;
    }
}
