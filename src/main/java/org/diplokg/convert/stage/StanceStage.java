package org.diplokg.convert.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.diplokg.convert.Iris;
import org.diplokg.convert.Lexicon;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.Stage;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.QuoteClaim;
import org.diplokg.convert.model.Span;
import org.diplokg.convert.model.StanceClaim;
import org.diplokg.convert.model.StanceType;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;

/**
 * Positions actors take on issues. A stance cue ({@code stance-cues.tsv}: "urge", "call for", "reaffirm",
 * "express concern", "in no one's interest", "should" ...) gives the class; the holder is whoever is
 * reported saying it (the speaker of the quote it is in, or of the nearest reporting verb governing it),
 * else the cue's subject, and must be a named entity; the issue is the longest label of the reference issue
 * scheme found in the words the cue governs, else a minted issue named after the cue's object.
 */
public final class StanceStage implements Stage {
    private static final String SCHEME = "https://w3id.org/diplokg/resource/issues";
    private static final int MAX_LABEL_WORDS = 8;

    private record Cue(List<String> lemmas, StanceType type, boolean speakers, boolean owned) {
        /** The cue's id: its words, joined by hyphens ("call-for"). */
        String id() { return "cue:" + String.join("-", lemmas); }
    }
    private record Alias(String text, String iri, Pattern pattern) {}

    private final List<Cue> cues = new ArrayList<>();
    private final List<Alias> aliases = new ArrayList<>();
    private final StatementStage statements;
    private final Set<String> weak = new HashSet<>();
    private final Set<String> generic = new HashSet<>();
    private final java.util.Map<String, Set<String>> referenceCountries = new java.util.HashMap<>();
    private static final Set<String> NEGATIVE = Set.of("not", "no", "neither", "nobody", "never");

    public StanceStage(ReferenceIndex reference) {
        this.statements = new StatementStage(reference);
        for (String[] row : Lexicon.rows("/convert/stance-cues.tsv"))
            cues.add(new Cue(List.of(row[0].trim().toLowerCase(Locale.ROOT).split("\\s+")), StanceType.valueOf(row[1].trim()),
                    row.length > 2 && row[2].trim().equals("speaker"), row.length > 2 && row[2].trim().equals("owner")));
        for (String[] row : Lexicon.rows("/convert/weak-issue-words.tsv"))
            weak.add(fold(row[0].trim()));
        for (String[] row : Lexicon.rows("/convert/generic-issue-nouns.tsv"))
            generic.add(row[0].trim());
        cues.sort(Comparator.comparingInt((Cue c) -> -c.lemmas().size()));
        loadIssues(reference);
        String q = org.diplokg.store.KgDataset.resource("/convert/reference/person-countries.rq");
        var dsg = reference.dataset();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(r -> referenceCountries
                        .computeIfAbsent(r.getResource("person").getURI(), k -> new HashSet<>()).add(r.getResource("country").getURI()));
            }
        });
    }

    private void loadIssues(ReferenceIndex reference) {
        String q = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                + "SELECT ?issue ?name WHERE { GRAPH <https://w3id.org/diplokg/graph/reference> {"
                + " ?issue skos:inScheme <" + SCHEME + "> . { ?issue skos:prefLabel ?name } UNION { ?issue skos:altLabel ?name }"
                + " FILTER(lang(?name) = 'en' || lang(?name) = '') } }";
        var dsg = reference.dataset();
        Set<String> seen = new HashSet<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    String iri = s.getResource("issue").getURI();
                    String name = fold(s.getLiteral("name").getLexicalForm());
                    if (name.isBlank() || !seen.add(iri + "\t" + name)) return;
                    aliases.add(new Alias(name, iri, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")));
                });
            }
        });
        aliases.sort(Comparator.comparingInt((Alias a) -> -a.text().length()).thenComparing(Alias::text).thenComparing(Alias::iri));
    }

    static String fold(String s) {
        String f = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        if (!needsRegex(f)) return f;
        return SPACES.matcher(DASHES.matcher(f).replaceAll("-")).replaceAll(" ");
    }

    /** Whether f has a dash or whitespace for fold's regexes to change; most tokens have neither. */
    private static boolean needsRegex(String f) {
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c >= '\u2010' && c <= '\u2015' || c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r')
                return true;
        }
        return false;
    }

    // Compiled once: fold runs on every token.
    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern STRAY = Pattern.compile("[-\u2010-\u2015,]+");

    @Override
    public void process(ArticleDocument doc) {
        List<CoreSentence> sentences = doc.nlp.sentences();
        Set<String> seen = new HashSet<>();
        String title = fold(doc.article.metadata().title() == null ? "" : doc.article.metadata().title());
        for (int s = 0; s < sentences.size(); s++) {
            CoreSentence sentence = sentences.get(s);
            SemanticGraph g = sentence.dependencyParse();
            if (g == null) continue;
            List<Region> regions = new ArrayList<>();
            // A headline sums up the story in few words; the positions are stated, and attributed, in the body.
            String folded = fold(sentence.text()).trim();
            if (!title.isBlank() && folded.length() > 20 && title.contains(folded)) continue;
            List<CoreLabel> tokens = sentence.tokens();
            Span evidence = doc.original(sentence.charOffsets().first, sentence.charOffsets().second);
            // Each token folded once, not once per cue tried at each position.
            String[] lemmas = new String[tokens.size()], words = new String[tokens.size()];
            for (int k = 0; k < tokens.size(); k++) {
                CoreLabel tok = tokens.get(k);
                lemmas[k] = fold(tok.lemma() == null ? tok.word() : tok.lemma());
                words[k] = fold(tok.word());
            }
            int t = 0;
            while (t < tokens.size()) {
                Hit hit = match(tokens, lemmas, words, t);
                if (hit == null) { t++; continue; }
                // a cue in the words an earlier cue governs, for the same holder and class, is part of that
                // position ("hopes to work with X to deliver ..., enhance ..."): one stance, stated by the first cue
                int at = tokens.get(t).beginPosition();
                Found found = stances(doc, g, tokens, t, hit.last(), hit.cue(), evidence);
                for (StanceClaim claim : found.claims()) {
                    boolean inside = regions.stream().anyMatch(r -> r.holder().equals(claim.holder()) && r.type() == claim.type()
                            && r.from() <= at && at < r.to());
                    if (!inside && seen.add(claim.holder().iri() + "|" + claim.issueIri() + "|" + claim.type())) {
                        doc.stances.add(claim);
                        regions.add(new Region(claim.holder(), claim.type(), found.from(), found.to()));
                    }
                }
                t = hit.last() + 1;
            }
        }
    }

    /** A cue found at a token, and the index of its last token. */
    private record Hit(Cue cue, int last) {}

    private Hit match(List<CoreLabel> tokens, String[] lemmas, String[] words, int t) {
        for (Cue c : cues) {
            boolean ok = true;
            int at = t;
            for (int k = 0; k < c.lemmas().size() && ok; k++, at++) {
                // a stray dash or comma inside a cue ("maintain - that") does not break it
                while (k > 0 && at < tokens.size() && STRAY.matcher(words[at]).matches()) at++;
                if (at >= tokens.size()) { ok = false; break; }
                String want = c.lemmas().get(k);
                // "*" stands for any one word: "reiterate * call for" ("his", "its", "their")
                ok = want.equals("*") ? !STRAY.matcher(words[at]).matches() : lemmas[at].equals(want) || words[at].equals(want);
            }
            // a one-word verb cue must be used as a verb ("press" the verb, not the press)
            if (ok && c.lemmas().size() == 1 && !c.lemmas().get(0).equals("should")) {
                String tag = tokens.get(t).tag();
                if (tag == null || !(tag.startsWith("VB") || tag.startsWith("MD"))) ok = false;
            }
            // a phrase starting with a noun ("serves as a call for") describes a position; it is someone's only with an
            // owner ("China's refusal to", "his push for"), checked on the parse
            if (ok && c.lemmas().size() > 1 && tokens.get(t).tag() != null && tokens.get(t).tag().startsWith("NN") && !c.owned()) ok = false;
            if (ok) return new Hit(c, at - 1);
        }
        return null;
    }

    /** The words (clean offsets) a stance's cue governs, for nested cues. */
    private record Region(Entity holder, StanceType type, int from, int to) {}

    /** The stances a cue states, one per holder ("A and B agreed to ..." gives two), and the words it governs. */
    private record Found(List<StanceClaim> claims, int from, int to) {}

    private static final Found NONE = new Found(List.of(), 0, 0);

    private Found stances(ArticleDocument doc, SemanticGraph g, List<CoreLabel> tokens, int first, int last, Cue cue,
                         Span evidence) {
        // the cue's head: its word highest in the parse ("interest" in "in no one's interest")
        IndexedWord anchor = null;
        int depth = Integer.MAX_VALUE;
        for (int k = first; k <= last; k++) {
            IndexedWord w = g.getNodeByIndexSafe(tokens.get(k).index());
            if (w == null) continue;
            int d = g.getPathToRoot(w).size();
            if (d < depth) { anchor = w; depth = d; }
        }
        if (anchor == null) return NONE;
        // a modal cue ("should") speaks through the verb it modifies, and belongs to whoever says it
        boolean modal = anchor.tag() != null && anchor.tag().startsWith("MD");
        if (modal) {
            IndexedWord head = g.getParent(anchor);
            if (head != null) anchor = head;
        }
        boolean negative = cue.lemmas().stream().anyMatch(NEGATIVE::contains);   // "not in favour of" carries its own "not"
        if (!negative && negated(g, anchor) || hedged(g, anchor)) return NONE;
        // "it seeks to rely on other countries": a one-word cue with an infinitive and no object states an
        // intention to act, not a position ("sought the release of ..." takes an object).
        if (cue.lemmas().size() == 1 && anchor.tag() != null && anchor.tag().startsWith("VB") && hasChild(g, anchor, "xcomp") && !hasChild(g, anchor, "obj"))
            return NONE;
        if (pastPosition(doc, tokens.get(first).sentIndex(), g)) return NONE;
        Span cueSpan = doc.original(tokens.get(first).beginPosition(), tokens.get(last).endPosition());
        QuoteClaim quote = null;
        for (QuoteClaim q : doc.quotes)
            if (q.span().contains(cueSpan)) quote = q;
        int s = tokens.get(first).sentIndex();
        // The holder is the subject of the cue's clause ("A and B agreed to ..."), when that names someone; a
        // modal cue ("should"), a pronoun inside a quote ("we hope") or a clause with no named subject belongs
        // to whoever is reported saying it: the quote's speaker, the subject of a reporting verb above it.
        boolean speakers = modal || cue.speakers();
        List<Entity> holders = speakers ? List.of() : namedSubjects(doc, g, anchor, s, quote != null);
        String how = "subject";
        IndexedWord head = g.getNodeByIndexSafe(tokens.get(first).index());
        if (cue.owned() && head != null && head.tag() != null && head.tag().startsWith("NN")) {
            // "China's refusal to join": the owner holds it, or no one does
            IndexedWord owner = g.outgoingEdgeList(head).stream().filter(x -> x.getRelation().toString().equals("nmod:poss"))
                    .map(SemanticGraphEdge::getDependent).findFirst().orElse(null);
            StatementStage.Attribution a = owner == null ? null : statements.speaker(doc, g, owner, s);
            if (a == null || a.speaker() == null) return NONE;
            holders = List.of(a.speaker());
            how = "owner";
        }
        Entity speaker = null;
        if (holders.isEmpty() || holders.stream().anyMatch(h -> h.type() == EntityType.COUNTRY)) {
            speaker = quote != null ? quote.speaker() : holder(doc, g, anchor, s);
            if (speaker == null && quote == null) speaker = sentenceSpeaker(doc, s, tokens.get(first).beginPosition());
        }
        if (holders.isEmpty()) {
            // "they agreed", "the two sides agreed": someone else's position the speaker reports, not the speaker's
            if (!speakers && unnamedThirdPerson(g, anchor)) return NONE;
            how = "speaker";
            holders = speaker == null ? List.of() : List.of(speaker);
        } else if (speaker != null && speaker.type() == EntityType.PERSON) {
            // "South Africa values ..., Zuma said": a leader speaking for their own country holds the position
            Entity own = speaker;
            List<Entity> replaced = holders.stream().map(h -> h.type() == EntityType.COUNTRY && servesCountry(doc, own, h) ? own : h).distinct().toList();
            if (!replaced.equals(holders)) how = "own-country-speaker";
            holders = replaced;
        }
        holders = holders.stream().filter(h -> h.type() == EntityType.PERSON || h.type() == EntityType.COUNTRY
                || h.type() == EntityType.ORGANIZATION).distinct().toList();
        if (holders.isEmpty()) return NONE;
        String rule = cue.id() + "+" + how;
        // the issue: in the words the cue governs, after the cue
        int from = tokens.get(last).endPosition();
        int to = from;
        for (IndexedWord d : governed(g, anchor, cue))
            if (d.beginPosition() >= from) to = Math.max(to, d.endPosition());
        // "China's refusal to join ...": the parser may make a noun cue's last word the marker of the clause after it
        IndexedWord lastWord = g.getNodeByIndexSafe(tokens.get(last).index());
        IndexedWord marked = lastWord == null ? null : g.getParent(lastWord);
        if (to <= from && cue.owned() && marked != null && marked.beginPosition() >= from && g.getEdge(marked, lastWord) != null
                && g.getEdge(marked, lastWord).getRelation().toString().equals("mark")) {
            anchor = marked;
            for (IndexedWord d : governed(g, anchor, cue))
                if (d.beginPosition() >= from) to = Math.max(to, d.endPosition());
        }
        if (to <= from) return NONE;
        String region = fold(doc.cleanText.substring(from, to));
        Alias best = null;
        for (boolean weakPass : new boolean[] {false, true}) {
            int bestAt = Integer.MAX_VALUE;
            for (Alias a : aliases) {
                if (weak.contains(a.text()) != weakPass) continue;
                if (!region.contains(a.text())) continue;  // the pattern is the text between word boundaries: cheap pre-check
                Matcher m = a.pattern().matcher(region);
                if (m.find() && (m.start() < bestAt || m.start() == bestAt && a.text().length() > best.text().length())) {
                    best = a;
                    bestAt = m.start();
                }
            }
            if (best != null) break;
        }
        String issue, label = null;
        if (best != null) issue = best.iri();
        else {
            label = objectLabel(doc, g, anchor, from, cue);
            // "A and B agreed X will accelerate talks": the parser may hang the cue's clause below its own object
            SemanticGraphEdge up = g.incomingEdgeList(anchor).stream().findFirst().orElse(null);
            if (label == null && up != null && up.getRelation().toString().matches("csubj.*|parataxis"))
                label = objectLabel(doc, g, up.getGovernor(), from, cue);
            if (label == null) return NONE;
            issue = Iris.resource("issue", Iris.slug(label));
        }
        List<StanceClaim> out = new ArrayList<>();
        for (Entity h : holders) out.add(new StanceClaim(h, issue, label, cue.type(), evidence, quote, rule));
        return new Found(out, from, to);
    }

    /**
     * The words a cue governs: its subtree without coordinated clauses, relative clauses and adverbial clauses,
     * except a clause the cue's own preposition introduces ("look forward to having ...", "committed to building").
     */
    private static Set<IndexedWord> governed(SemanticGraph g, IndexedWord anchor, Cue cue) {
        String own = "advcl:" + cue.lemmas().get(cue.lemmas().size() - 1);
        return subtree(g, anchor, (w, rel) -> !(w == anchor && (rel.startsWith("conj") || rel.startsWith("parataxis")
                        || rel.startsWith("advcl") && !rel.equals(own)))
                && !rel.startsWith("acl:relcl") && !rel.equals("cc"));
    }

    /** The words below {@code root}, entering only the edges {@code enter} accepts (governor, relation). */
    private static Set<IndexedWord> subtree(SemanticGraph g, IndexedWord root, java.util.function.BiPredicate<IndexedWord, String> enter) {
        Set<IndexedWord> out = new HashSet<>();
        List<IndexedWord> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            IndexedWord w = todo.remove(todo.size() - 1);
            if (!out.add(w)) continue;
            for (SemanticGraphEdge e : g.outgoingEdgeIterable(w))
                if (enter.test(w, e.getRelation().toString())) todo.add(e.getDependent());
        }
        return out;
    }

    /** The named speaker of the reporting verb nearest to the cue in its sentence ("..., Xi said."). */
    private Entity sentenceSpeaker(ArticleDocument doc, int s, int at) {
        Entity best = null;
        int distance = Integer.MAX_VALUE;
        List<CoreLabel> tokens = doc.nlp.sentences().get(s).tokens();
        for (StatementStage.Attribution a : statements.attributions(doc, s, -1, -1)) {
            if (a.speaker() == null) continue;
            int d = Math.abs(tokens.get(a.verbToken()).beginPosition() - at);
            if (d < distance) { best = a.speaker(); distance = d; }
        }
        return best;
    }

    /** The words of the phrase headed by w, without relative clauses ("the businessman, which has ..."). */
    private static Set<IndexedWord> phrase(SemanticGraph g, IndexedWord w) {
        return subtree(g, w, (x, rel) -> !rel.startsWith("acl:relcl") && !rel.equals("punct"));
    }

    private static boolean hasChild(SemanticGraph g, IndexedWord w, String relation) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w))
            if (e.getRelation().getShortName().equals(relation)) return true;
        return false;
    }

    /**
     * "In a joint statement in 2008, Japan and China agreed to pursue ...": a sentence dated two or more years
     * before the article tells of a past agreement (recorded as a document or concept relation), not a
     * position taken now.
     */
    private static boolean pastPosition(ArticleDocument doc, int s, SemanticGraph g) {
        var ref = doc.article.metadata().referenceDate();
        if (ref == null) return false;
        for (CoreEntityMention m : doc.nlp.sentences().get(s).entityMentions()) {
            String v = m.coreMap().get(edu.stanford.nlp.ling.CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            // "since 2012, X has opposed ..." is a position held until now
            if (m.entityType().equals("DATE") && v != null && v.matches("\\d{4}.*") && Integer.parseInt(v.substring(0, 4)) <= ref.getYear() - 2
                    && !EventStage.followsSince(m) && !datesAThing(g, m))
                return true;
        }
        return false;
    }

    /**
     * "a deal reached in 1965": a date in a clause modifying a noun dates that thing, not the position the
     * sentence states ("in a joint statement in 2008, A and B agreed" still dates the agreement).
     */
    private static boolean datesAThing(SemanticGraph g, CoreEntityMention m) {
        IndexedWord w = g.getNodeByIndexSafe(m.tokens().get(m.tokens().size() - 1).index());
        for (int hops = 0; w != null && hops < 6; hops++) {
            SemanticGraphEdge up = g.incomingEdgeList(w).stream().findFirst().orElse(null);
            if (up == null) return false;
            IndexedWord gov = up.getGovernor();
            String rel = up.getRelation().toString();
            if (gov.tag() != null && gov.tag().startsWith("VB"))
                return g.incomingEdgeList(gov).stream().anyMatch(e -> e.getRelation().toString().startsWith("acl"));
            w = gov;
        }
        return false;
    }

    /** "he is expected to seek a third term": the writer's expectation, not a position anyone has taken. */
    private static boolean hedged(SemanticGraph g, IndexedWord w) {
        SemanticGraphEdge up = g.incomingEdgeList(w).stream().findFirst().orElse(null);
        return up != null && up.getRelation().toString().startsWith("xcomp")
                && Set.of("expect", "likely", "seem", "appear").contains(up.getGovernor().lemma().toLowerCase(Locale.ROOT));
    }

    private static boolean negated(SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w))
            if (e.getRelation().toString().equals("advmod") && List.of("not", "n't", "never").contains(e.getDependent().word().toLowerCase(Locale.ROOT)))
                return true;
        return false;
    }

    /** Whoever is reported taking the position: the nearest reporting verb above the cue with a named speaker, else the cue's subject. */
    private Entity holder(ArticleDocument doc, SemanticGraph g, IndexedWord anchor, int s) {
        if (statements.isReporting(anchor)) {
            Entity e = namedSubject(doc, g, anchor, s);
            if (e != null) return e;
        }
        Entity reported = reportedAbove(doc, g, anchor, s);
        return reported != null ? reported : namedSubject(doc, g, anchor, s);
    }

    private Entity reportedAbove(ArticleDocument doc, SemanticGraph g, IndexedWord from, int s) {
        IndexedWord w = g.getParent(from);
        for (int hops = 0; hops < 4 && w != null; hops++) {
            if (statements.isReporting(w)) {
                Entity e = namedSubject(doc, g, w, s);
                if (e != null) return e;
            }
            w = g.getParent(w);
        }
        return null;
    }

    private Entity namedSubject(ArticleDocument doc, SemanticGraph g, IndexedWord verb, int s) {
        IndexedWord subj = StatementStage.subject(g, verb);
        if (subj == null) {
            // "..., urging both sides to": the subject of the clause it hangs off
            IndexedWord head = verb;
            for (int hops = 0; hops < 3 && subj == null; hops++) {
                var in = g.incomingEdgeIterable(head).iterator();
                if (!in.hasNext()) break;
                SemanticGraphEdge e = in.next();
                String rel = e.getRelation().toString();
                if (!(rel.startsWith("advcl") || rel.startsWith("conj") || rel.startsWith("xcomp"))) break;
                head = e.getGovernor();
                subj = StatementStage.subject(g, head);
            }
        }
        if (subj == null) subj = StatementStage.apposedSubject(doc, g, verb, s);
        if (subj == null) return null;
        StatementStage.Attribution a = statements.speaker(doc, g, subj, s);
        return a == null ? null : a.speaker();
    }

    /**
     * The named subjects of the cue's clause (every conjunct: enhanced++ gives each its own subject edge),
     * climbing from a subjectless cue to the clause it hangs off ("aim to defeat": the subject of "aim").
     * Inside a quote only names count: "we" and "I" are the speaker's.
     */
    private List<Entity> namedSubjects(ArticleDocument doc, SemanticGraph g, IndexedWord anchor, int s, boolean namesOnly) {
        IndexedWord head = anchor;
        List<IndexedWord> subjects = subjects(g, head);
        for (int hops = 0; hops < 3 && subjects.isEmpty(); hops++) {
            SemanticGraphEdge in = g.incomingEdgeList(head).stream().findFirst().orElse(null);
            if (in == null) break;
            String rel = in.getRelation().toString();
            if (!(rel.startsWith("xcomp") || rel.startsWith("advcl") || rel.startsWith("conj"))) break;
            head = in.getGovernor();
            subjects = subjects(g, head);
        }
        List<Entity> out = new ArrayList<>();
        for (IndexedWord w : subjects) {
            if (namesOnly && (w.tag() == null || w.tag().startsWith("PRP"))) continue;
            StatementStage.Attribution a = statements.speaker(doc, g, w, s);
            if (a != null && a.speaker() != null && !out.contains(a.speaker())) out.add(a.speaker());
        }
        return out;
    }

    /** Whether the cue's clause has a subject that is neither a name nor the speaker's "I"/"we" ("they", "the two sides"). */
    private static boolean unnamedThirdPerson(SemanticGraph g, IndexedWord anchor) {
        IndexedWord head = anchor;
        List<IndexedWord> subjects = subjects(g, head);
        for (int hops = 0; hops < 3 && subjects.isEmpty(); hops++) {
            SemanticGraphEdge in = g.incomingEdgeList(head).stream().findFirst().orElse(null);
            if (in == null || !in.getRelation().toString().matches("xcomp.*|advcl.*|conj.*")) break;
            head = in.getGovernor();
            subjects = subjects(g, head);
        }
        boolean third = false;
        for (IndexedWord w : subjects) {
            String word = w.word().toLowerCase(Locale.ROOT);
            if (Set.of("i", "we", "us").contains(word) || w.tag() != null && w.tag().startsWith("NNP")) return false;
            if (!Set.of("it", "there", "this", "that").contains(word)) third = true;   // "it is in no one's interest": no one's subject
        }
        return third;
    }

    /** Whether the person holds a current post of the country in this article, or has represented it (reference data). */
    private boolean servesCountry(ArticleDocument doc, Entity person, Entity country) {
        if (referenceCountries.getOrDefault(person.iri(), Set.of()).contains(country.iri())) return true;
        return doc.posts.stream().anyMatch(p -> p.holder().iri().equals(person.iri()) && !p.former() && p.of() != null
                && p.of().iri().equals(country.iri()));
    }

    private static List<IndexedWord> subjects(SemanticGraph g, IndexedWord verb) {
        List<IndexedWord> out = new ArrayList<>();
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(verb)) {
            String rel = e.getRelation().toString();
            if (rel.equals("nsubj") || rel.equals("nsubj:pass") || rel.equals("nsubj:xsubj")) out.add(e.getDependent());
        }
        out.sort(Comparator.comparingInt(IndexedWord::index));
        return out;
    }

    /** A minted issue's label: the noun phrase the cue governs ("the importance of X" -> X), when it is a clear one. */
    private String objectLabel(ArticleDocument doc, SemanticGraph g, IndexedWord anchor, int from, Cue cue) {
        // the first noun after the cue; a general one ("urged both sides to ...") names no issue
        IndexedWord first = null;
        for (IndexedWord d : governed(g, anchor, cue))
            if (d.beginPosition() >= from && d.tag() != null && d.tag().startsWith("NN") && !d.tag().startsWith("NNP")
                    && (first == null || d.beginPosition() < first.beginPosition())) first = d;
        return first == null ? null : nounLabel(doc, g, first, from);
    }

    private String nounLabel(ArticleDocument doc, SemanticGraph g, IndexedWord object, int from) {
        // the head of the first noun phrase after the cue
        IndexedWord head = object;
        while (true) {
            IndexedWord parent = g.getParent(head);
            if (parent == null || parent.tag() == null || !parent.tag().startsWith("NN") || parent.beginPosition() < from) break;
            SemanticGraphEdge e = g.getEdge(parent, head);
            if (e == null || !e.getRelation().toString().matches("compound.*|amod|nmod:poss")) break;
            head = parent;
        }
        int b = head.beginPosition(), e = head.endPosition();
        for (SemanticGraphEdge out : g.outgoingEdgeIterable(head)) {
            String rel = out.getRelation().toString();
            if (!rel.matches("compound.*|amod|nmod:poss|nmod:of|nmod:between")) continue;
            for (IndexedWord d : phrase(g, out.getDependent())) {
                if (d.beginPosition() < from) continue;
                b = Math.min(b, d.beginPosition());
                e = Math.max(e, d.endPosition());
            }
        }
        String label = doc.cleanText.substring(b, e).replaceAll("\\s+", " ").trim()
                .replaceAll("^(?i)(the|a|an|its|their|his|her)\\s+", "");
        // a general noun names an issue only with its complement or its owner ("the Secretary-General's efforts")
        if (generic.contains(head.lemma().toLowerCase(Locale.ROOT)) && !label.contains(" of ")
                && g.outgoingEdgeList(head).stream().noneMatch(x -> x.getRelation().toString().equals("nmod:poss"))) return null;
        if (label.isEmpty() || label.split(" ").length > MAX_LABEL_WORDS) return null;
        if (Character.isUpperCase(label.charAt(0)) && label.length() > 1 && !Character.isUpperCase(label.charAt(1)))
            label = Character.toLowerCase(label.charAt(0)) + label.substring(1);
        return label;
    }
}
