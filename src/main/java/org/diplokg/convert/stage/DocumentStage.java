package org.diplokg.convert.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.diplokg.convert.model.ConceptClaim;
import org.diplokg.convert.model.DateValue;
import org.diplokg.convert.model.DocumentClaim;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.EventClaim;
import org.diplokg.convert.model.EventType;
import org.diplokg.convert.model.Mention;
import org.diplokg.convert.model.Span;
import org.diplokg.vocab.DKG;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;

/**
 * Treaties and political documents, and the history of policy concepts. Documents the mention stage linked
 * by name are kept; references by type and year ("the 2008 Joint Statement", "a joint statement in 2008")
 * and back-references ("the Treaty") are resolved against the reference documents' type, signing year and
 * parties ({@code document-patterns.tsv}, {@code document-types.tsv}); an anniversary ("the 45th
 * anniversary of the signing of X") implies X's signing year. Policy concepts get introducedBy, agreedIn
 * (an agreement event, created here), codifiedIn and reaffirmedIn from the cues of {@code concept-relations.tsv}.
 */
public final class DocumentStage implements Stage {

    private record RefDoc(Entity entity, String type, String year, Set<String> parties) {}
    private record Found(Entity document, int begin, int end, String implied, String rule) {}

    private final ReferenceIndex reference;
    private final Map<String, Pattern> documentPatterns = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();
    private final Map<String, Pattern> conceptPatterns = new HashMap<>();
    private final List<RefDoc> refDocs = new ArrayList<>();
    private final Map<String, String> documentNouns = new HashMap<>();   // lemma -> any | joint | points
    private final Set<String> signVerbs = new java.util.HashSet<>();
    private final List<String> phraseIds = new ArrayList<>();
    private final List<SemgrexPattern> phrases = new ArrayList<>();
    private final List<String> conceptIds = new ArrayList<>();
    private final List<SemgrexPattern> conceptPhrases = new ArrayList<>();

    public DocumentStage(ReferenceIndex reference) {
        this.reference = reference;
        for (String[] row : Lexicon.rows("/convert/document-patterns.tsv"))
            documentPatterns.put(row[0].trim(), Pattern.compile(row[1].trim()));
        for (String[] row : Lexicon.rows("/convert/document-types.tsv"))
            types.put(row[0].trim(), row[1].trim());
        for (String[] row : Lexicon.rows("/convert/concept-relations.tsv"))
            conceptPatterns.put(row[0].trim(), Pattern.compile(row[1].trim(), Pattern.CASE_INSENSITIVE));
        for (String[] row : Lexicon.rows("/convert/document-nouns.tsv"))
            documentNouns.put(row[0].trim(), row[1].trim());
        for (String[] row : Lexicon.rows("/convert/document-verbs.tsv"))
            signVerbs.add(row[0].trim());
        String nouns = "^(" + String.join("|", new TreeSet<>(documentNouns.keySet())) + ")$";
        String verbs = "^(" + String.join("|", new TreeSet<>(signVerbs)) + ")$";
        for (String line : StatementStage.resourceLines("/convert/document-phrases.semgrex")) {
            String[] parts = line.split("\t", 2);
            phraseIds.add(parts[0].trim());
            phrases.add(SemgrexPattern.compile(parts[1].trim().replace("{DOC}", nouns).replace("{SIGN}", verbs)));
        }
        for (String line : StatementStage.resourceLines("/convert/concept-phrases.semgrex")) {
            String[] parts = line.split("\t", 2);
            conceptIds.add(parts[0].trim());
            conceptPhrases.add(SemgrexPattern.compile(parts[1].trim()));
        }
        loadDocuments();
    }

    private void loadDocuments() {
        String q = "PREFIX dkg: <" + DKG.NS + ">\n"
                + "SELECT ?doc ?type ?date ?party WHERE { GRAPH <https://w3id.org/diplokg/graph/reference> {"
                + " ?doc a ?type . FILTER(STRSTARTS(STR(?type), STR(dkg:)))"
                + " OPTIONAL { ?doc dkg:signingDate ?date } OPTIONAL { ?doc dkg:party ?party } } }";
        var dsg = reference.dataset();
        Map<String, String[]> info = new HashMap<>();
        Map<String, Set<String>> parties = new HashMap<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    String iri = s.getResource("doc").getURI();
                    if (reference.byIri(iri).map(e -> e.type() != EntityType.DOCUMENT).orElse(true)) return;
                    String type = s.getResource("type").getURI().substring(DKG.NS.length());
                    String date = s.contains("date") ? s.getLiteral("date").getLexicalForm() : null;
                    info.merge(iri, new String[] {type, date == null ? null : date.substring(0, 4)},
                            (a, b) -> a[0].equals("PoliticalDocument") ? b : a);
                    parties.computeIfAbsent(iri, k -> new TreeSet<>());
                    if (s.contains("party")) parties.get(iri).add(s.getResource("party").getURI());
                });
            }
        });
        for (var e : new java.util.TreeMap<>(info).entrySet())
            refDocs.add(new RefDoc(reference.byIri(e.getKey()).orElseThrow(), e.getValue()[0], e.getValue()[1], parties.get(e.getKey())));
    }

    @Override
    public void process(ArticleDocument doc) {
        List<Found> found = new ArrayList<>();
        for (Mention m : doc.mentions)
            if (m.entity().type() == EntityType.DOCUMENT) found.add(new Found(m.entity(), cleanBegin(doc, m.span()), cleanEnd(doc, m.span()), null, "name"));
        Set<String> countries = new TreeSet<>();
        for (Mention m : doc.mentions)
            if (m.entity().type() == EntityType.COUNTRY) countries.add(m.entity().iri());
        String text = doc.cleanText;
        for (String kind : List.of("dated", "dated-after")) {
            Pattern p = documentPatterns.get(kind);
            if (p == null) continue;
            Matcher m = p.matcher(text);
            while (m.find()) {
                int b = m.start(), e = m.end();
                if (found.stream().anyMatch(f -> f.begin < e && b < f.end)) continue;
                String type = types.get(m.group("type").toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
                if (type == null) continue;
                String year = m.group("year");
                Entity d = resolve(type, year, countries);
                if (d == null) d = minted(text.substring(b, e).replaceAll("\\s+", " "));
                found.add(new Found(d, b, e, d.reference() ? null : year, kind));
            }
        }
        phrases(doc, found);
        found.sort(Comparator.comparingInt(Found::begin));
        Pattern bare = documentPatterns.get("bare");
        if (bare != null) {
            Matcher m = bare.matcher(text);
            List<Found> added = new ArrayList<>();
            while (m.find()) {
                int b = m.start(), e = m.end();
                if (found.stream().anyMatch(f -> f.begin < e && b < f.end)) continue;
                String type = types.get(m.group("type").toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
                Found before = null;
                for (Found f : found)
                    if (f.end <= b && typeOf(f.document).equals(type)) before = f;
                if (before != null) added.add(new Found(before.document, m.start("type"), e, null, "bare"));
            }
            found.addAll(added);
            found.sort(Comparator.comparingInt(Found::begin));
        }
        // anniversaries imply the signing year
        Pattern anniversary = documentPatterns.get("anniversary");
        if (anniversary != null && doc.article.metadata() != null && doc.article.metadata().referenceDate() != null) {
            int now = doc.article.metadata().referenceDate().getYear();
            Matcher m = anniversary.matcher(text);
            while (m.find()) {
                int n = Integer.parseInt(m.group("n"));
                for (int i = 0; i < found.size(); i++) {
                    Found f = found.get(i);
                    if (f.begin < m.end() - 4 || f.begin > m.end() + 3 || f.end <= m.end()) continue;
                    String implied = Integer.toString(now - n);
                    found.set(i, new Found(f.document, f.begin, f.end, implied, f.rule + "+anniversary"));
                    String known = signingYear(f.document);
                    if (known != null && !known.equals(implied))
                        doc.warnings.add("\"" + text.substring(m.start(), f.end).replaceAll("\\s+", " ") + "\" implies signing in " + implied
                                + " but the reference data says " + known + " (" + f.document.label() + ")");
                }
            }
        }
        for (Found f : found)
            doc.documents.add(new DocumentClaim(f.document, doc.original(f.begin, f.end), f.implied, f.rule));
        concepts(doc, found, mintConcepts(doc));
    }

    // ---------------------------------------------------------------- documents outside the reference data

    /**
     * Document phrases the reference data lacks ({@code document-phrases.semgrex}): each match names a document
     * noun (or a capitalised title) and, where the clause gives one, the verb that concluded it. The binder
     * below turns a match into a minted document with a label as the article phrases it and a signing date
     * from the words around it; a later definite phrase ("the grain deal") whose words end an earlier
     * document's label refers back to it.
     */
    private void phrases(ArticleDocument doc, List<Found> found) {
        List<CoreSentence> sentences = doc.nlp.sentences();
        List<Found> minted = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            SemanticGraph g = sentences.get(s).dependencyParse();
            if (g == null) continue;
            Set<Integer> done = new java.util.HashSet<>();
            for (int i = 0; i < phrases.size(); i++) {
                SemgrexMatcher m = phrases.get(i).matcher(g);
                while (m.find()) {
                    IndexedWord head = m.getNode("doc");
                    if (!done.add(head.index())) continue;
                    String rule = phraseIds.get(i);
                    int[] span = documentSpan(doc, g, head, rule, m.getNode("verb"), m.getNode("date"));
                    if (span == null) continue;
                    int b = span[0], e = span[1];
                    if (found.stream().anyMatch(f -> f.begin < e && b < f.end)) continue;
                    String label = label(doc.cleanText.substring(b, e));
                    if (label.split(" ").length > 12) continue;
                    String date = signingDate(doc, sentences.get(s), g, head, m.getNode("verb"), m.getNode("date"), rule);
                    Found f = new Found(minted(label), b, e, date, "phrase:" + rule);
                    found.add(f);
                    minted.add(f);
                }
            }
            // "the grain deal" after "the Black Sea grain deal": a definite phrase ending an earlier document's label
            for (IndexedWord w : g.vertexListSorted()) {
                if (done.contains(w.index()) || w.lemma() == null || !"any".equals(documentNouns.get(w.lemma().toLowerCase(Locale.ROOT)))) continue;
                if (!"the".equals(StatementStage.determiner(g, w))) continue;
                int[] np = nounPhrase(g, w);
                String words = label(doc.cleanText.substring(np[0], np[1])).toLowerCase(Locale.ROOT);
                if (words.split(" ").length < 2) continue;
                int b = np[0], e = np[1];
                if (found.stream().anyMatch(f -> f.begin < e && b < f.end)) continue;
                Found before = null;
                for (Found f : minted)
                    if (f.end <= b && (f.document.label().toLowerCase(Locale.ROOT).endsWith(" " + words) || f.document.label().equalsIgnoreCase(words))) before = f;
                if (before == null) continue;
                String date = signingDate(doc, sentences.get(s), g, w, null, null, "back-reference");
                found.add(new Found(before.document, b, e, date, "phrase:back-reference"));
            }
        }
    }

    /** The clean-text span naming the document of a match, or null when the phrase names none. */
    private int[] documentSpan(ArticleDocument doc, SemanticGraph g, IndexedWord head, String rule, IndexedWord verb, IndexedWord date) {
        String lemma = head.lemma() == null ? "" : head.lemma().toLowerCase(Locale.ROOT);
        String kind = documentNouns.get(lemma);
        boolean plural = head.tag().equals("NNS") || head.tag().equals("NNPS");
        if (rule.equals("signed-title")) {
            int end = head.endPosition();
            for (SemanticGraphEdge out : g.outgoingEdgeIterable(head))
                if (out.getRelation().toString().equals("nmod:of")) end = Math.max(end, out.getDependent().endPosition());
            return new int[] {head.beginPosition(), end};
        }
        if (kind == null) return null;
        if (kind.equals("joint") && !hasModifier(g, head, "amod", "joint")) return null;
        if (kind.equals("points") && !rule.equals("points")) return null;
        if (plural && !rule.equals("named")) return null;   // "sign agreements on trade": no one document
        int[] np = nounPhrase(g, head);
        // a person in the name part is a headline's subject ("X sign joint statement"), not a name of the document
        Span name = doc.original(np[0], head.beginPosition());
        if (doc.mentions.stream().anyMatch(m -> m.entity().type() == EntityType.PERSON && name.overlaps(m.span()))) return null;
        switch (rule) {
            case "signed" -> {
                // the document needs a complement ("a joint statement on ..."), wherever the parser attached it
                IndexedWord complement = null;
                for (SemanticGraphEdge out : g.outgoingEdgeIterable(head))
                    if (out.getRelation().toString().matches("nmod:(on|of|for|to)")) complement = out.getDependent();
                if (complement == null && verb != null)
                    for (SemanticGraphEdge out : g.outgoingEdgeIterable(verb))
                        if (out.getRelation().toString().matches("(advcl|obl|nmod):on") && out.getDependent().index() > head.index()) complement = out.getDependent();
                if (complement == null) return null;
                int end = complement.endPosition();
                for (IndexedWord d : phrase(g, complement)) end = Math.max(end, d.endPosition());
                return new int[] {np[0], end};
            }
            case "concluded" -> {
                // a document with no name part is named by its concluding clause: "deal reached in 1965"
                if (np[0] < head.beginPosition()) return np;
                return date == null ? null : new int[] {head.beginPosition(), date.endPosition()};
            }
            default -> { return np; }
        }
    }

    private static boolean hasModifier(SemanticGraph g, IndexedWord w, String relation, String word) {
        for (SemanticGraphEdge out : g.outgoingEdgeIterable(w))
            if (out.getRelation().toString().equals(relation) && out.getDependent().word().equalsIgnoreCase(word)) return true;
        return false;
    }

    /**
     * The document noun with its name parts: compounds (with their numbers: "four-point"), "joint", and
     * capitalised or hyphenated adjectives; evaluative adjectives ("disputed", "sweeping") are left out.
     */
    private static int[] nounPhrase(SemanticGraph g, IndexedWord head) {
        int b = head.beginPosition();
        for (SemanticGraphEdge out : g.outgoingEdgeIterable(head)) {
            String rel = out.getRelation().toString();
            IndexedWord d = out.getDependent();
            if (d.index() > head.index()) continue;
            boolean part = rel.startsWith("compound") || rel.equals("amod") && (d.word().equalsIgnoreCase("joint")
                    || Character.isUpperCase(d.word().charAt(0)) || d.word().contains("-"));
            if (!part) continue;
            for (IndexedWord x : g.descendants(d)) b = Math.min(b, x.beginPosition());
        }
        return new int[] {b, head.endPosition()};
    }

    /** A complement's words, without the parties ("between the two countries") or clauses hanging off it. */
    private static Set<IndexedWord> phrase(SemanticGraph g, IndexedWord root) {
        Set<IndexedWord> out = new java.util.HashSet<>();
        List<IndexedWord> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            IndexedWord w = todo.remove(todo.size() - 1);
            if (!out.add(w)) continue;
            for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
                String rel = e.getRelation().toString();
                if (rel.equals("nmod:between") || rel.startsWith("acl") || rel.equals("punct") || rel.startsWith("conj") || rel.equals("cc")) continue;
                todo.add(e.getDependent());
            }
        }
        return out;
    }

    private static String label(String text) {
        return text.replaceAll("[\"\u201C\u201D]", "").replaceAll("\\s+", " ").trim().replaceAll("^(?i)(the|a|an)\\s+", "");
    }

    private static final Pattern ISO = Pattern.compile("\\d{4}(-\\d\\d){0,2}");

    /**
     * When the document was signed, from the words around it: its own date ("an agreement on Friday"), a date of
     * the verb that concluded it or of the clause above ("In February 2015, ... approving"), a participle right
     * after it (", signed in July 2022"), a date opening the sentence; a document just signed ("have signed")
     * with none of these dates from the sentence's event, else the article's date.
     */
    private String signingDate(ArticleDocument doc, CoreSentence sentence, SemanticGraph g, IndexedWord head, IndexedWord verb,
                               IndexedWord date, String rule) {
        if (date != null) return iso(sentence, date);
        for (SemanticGraphEdge out : g.outgoingEdgeIterable(head))
            if (out.getRelation().toString().matches("nmod:(on|in|of)") && "DATE".equals(out.getDependent().ner())) return iso(sentence, out.getDependent());
        IndexedWord v = verb;
        if (v == null) {   // "reached a six-point consensus on Friday": the verb that concluded it
            SemanticGraphEdge up = g.incomingEdgeList(head).stream().findFirst().orElse(null);
            if (up != null && up.getRelation().toString().equals("obj") && signVerbs.contains(up.getGovernor().lemma())) v = up.getGovernor();
        }
        for (int hops = 0; v != null && hops < 3; hops++) {
            for (SemanticGraphEdge out : g.outgoingEdgeIterable(v))
                if (out.getRelation().toString().startsWith("obl") && "DATE".equals(out.getDependent().ner())) {
                    String d = iso(sentence, out.getDependent());
                    if (d != null) return d;
                }
            SemanticGraphEdge up = g.incomingEdgeList(v).stream().findFirst().orElse(null);
            if (up == null || !up.getRelation().toString().matches("conj.*|advcl.*|xcomp|ccomp")) break;
            v = up.getGovernor();
        }
        List<CoreLabel> tokens = sentence.tokens();
        int t = head.index();   // the token after the head (indices are 1-based)
        if (t < tokens.size() && tokens.get(t).word().equals(",")) t++;
        if (t < tokens.size() && signVerbs.contains(lemma(tokens.get(t))) && "VBN".equals(tokens.get(t).tag()))
            for (int k = t + 1; k < tokens.size() && k <= t + 5; k++)
                if ("DATE".equals(tokens.get(k).ner())) {
                    String d = iso(tokens.get(k));
                    if (d != null) return d;
                }
        // a date opening the sentence dates what the sentence tells was concluded, not every document it names
        if (verb != null && tokens.size() > 2 && tokens.get(0).tag().equals("IN") && "DATE".equals(tokens.get(1).ner())) {
            String d = iso(tokens.get(1));
            if (d != null) return d;
        }
        if (rule.equals("signed") && verb != null && hasAux(g, verb, "have")) {
            for (EventClaim e : doc.events)
                if (e.sentence == sentence.tokens().get(0).sentIndex() && e.date != null && e.date.date() != null) return e.date.date();
            var ref = doc.article.metadata().referenceDate();
            if (ref != null) return ref.toString();
        }
        return null;
    }

    private static boolean hasAux(SemanticGraph g, IndexedWord verb, String lemma) {
        for (SemanticGraphEdge out : g.outgoingEdgeIterable(verb))
            if (out.getRelation().toString().equals("aux") && lemma.equals(out.getDependent().lemma())) return true;
        return false;
    }

    private static String lemma(CoreLabel t) {
        return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
    }

    private static String iso(CoreSentence sentence, IndexedWord w) {
        return iso(sentence.tokens().get(w.index() - 1));
    }

    /** SUTime's value of a date token, when it is a calendar date, month or year. */
    private static String iso(CoreLabel t) {
        String v = t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        if (v == null) return null;
        Matcher m = ISO.matcher(v);
        return m.lookingAt() ? m.group() : null;
    }

    private String signingYear(Entity document) {
        for (RefDoc r : refDocs) if (r.entity.iri().equals(document.iri())) return r.year;
        return null;
    }

    private String typeOf(Entity document) {
        for (RefDoc r : refDocs) if (r.entity.iri().equals(document.iri())) return r.type;
        return "";
    }

    /** The reference document of that type signed that year; among several, the one whose parties the article names. */
    private Entity resolve(String type, String year, Set<String> countries) {
        List<RefDoc> hits = refDocs.stream().filter(r -> r.type.equals(type) && year.equals(r.year)).toList();
        if (hits.size() == 1) return hits.get(0).entity;
        List<RefDoc> named = hits.stream().filter(r -> !r.parties.isEmpty() && countries.containsAll(r.parties)).toList();
        return named.size() == 1 ? named.get(0).entity : null;
    }

    private static Entity minted(String label) {
        String clean = label.replaceAll("^(?i)the\\s+", "");
        return new Entity(Iris.resource(EntityType.DOCUMENT.iriSegment, Iris.slug(clean)), EntityType.DOCUMENT, clean,
                new LinkedHashSet<>(List.of(clean)), false);
    }

    private static int cleanBegin(ArticleDocument doc, Span span) {
        for (int i = 0; i < doc.cleanToOriginal.length; i++) if (doc.cleanToOriginal[i] >= span.begin()) return i;
        return doc.cleanToOriginal.length;
    }

    private static int cleanEnd(ArticleDocument doc, Span span) {
        for (int i = doc.cleanToOriginal.length - 1; i >= 0; i--) if (doc.cleanToOriginal[i] < span.end()) return i + 1;
        return 0;
    }

    // ---------------------------------------------------------------- policy concepts

    /**
     * Policy concepts the reference data lacks ({@code concept-phrases.semgrex}), added as mentions (in text order)
     * so that their history is read like a reference concept's; a phrase naming a reference concept links to it.
     */
    private Map<String, String> mintConcepts(ArticleDocument doc) {
        Map<String, String> rules = new HashMap<>();   // concept IRI -> the phrase rule that found it
        List<CoreSentence> sentences = doc.nlp.sentences();
        List<Mention> added = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            SemanticGraph g = sentences.get(s).dependencyParse();
            if (g == null) continue;
            for (int i = 0; i < conceptPhrases.size(); i++) {
                SemgrexMatcher m = conceptPhrases.get(i).matcher(g);
                while (m.find()) {
                    IndexedWord head = m.getNode("concept");
                    int b = head.beginPosition(), e = head.endPosition();
                    for (SemanticGraphEdge out : g.outgoingEdgeIterable(head)) {
                        String rel = out.getRelation().toString();
                        IndexedWord d = out.getDependent();
                        boolean before = d.index() < head.index() && (rel.equals("amod") && d.tag() != null && d.tag().startsWith("JJ")
                                || rel.startsWith("compound"));
                        boolean of = d.index() > head.index() && rel.equals("nmod:of") && conceptIds.get(i).equals("partnership");
                        if (!before && !of) continue;
                        for (IndexedWord x : of ? phrase(g, d) : g.descendants(d)) { b = Math.min(b, x.beginPosition()); e = Math.max(e, x.endPosition()); }
                    }
                    Span span = doc.original(b, e);
                    String label = label(doc.cleanText.substring(b, e));
                    String id = conceptIds.get(i);
                    if (id.equals("named-policy") && !label.contains("-")) continue;   // "the China trade policy" names none
                    if (added.stream().anyMatch(x -> x.span().overlaps(span))) continue;
                    // a name inside the modifiers ("Mexico" in "the Mexico-first policy") stays a mention of its own
                    Span headSpan = doc.original(head.beginPosition(), head.endPosition());
                    List<Mention> overlapping = doc.mentions.stream().filter(x -> x.span().overlaps(span) && (x.span().overlaps(headSpan)
                            || x.entity().type() == EntityType.CONCEPT || x.entity().type() == EntityType.DOCUMENT)).toList();
                    // a titled initiative the tagger took for an organisation (minted, same words) is the concept
                    boolean retype = id.equals("titled") && !overlapping.isEmpty() && overlapping.stream().allMatch(x ->
                            x.entity().type() == EntityType.ORGANIZATION && !x.entity().reference() && x.span().equals(span));
                    if (!overlapping.isEmpty() && !retype) continue;
                    if (retype) doc.mentions.removeAll(overlapping);
                    Entity concept = reference.lookup(label, EntityType.CONCEPT).orElseGet(() -> new Entity(
                            Iris.resource(EntityType.CONCEPT.iriSegment, Iris.slug(label)), EntityType.CONCEPT, label, new LinkedHashSet<>(List.of(label)), false));
                    added.add(new Mention(span, doc.text(span), s, concept, "concept-phrase:" + id));
                    rules.putIfAbsent(concept.iri(), "phrase:" + id);
                }
            }
        }
        if (added.isEmpty()) return rules;
        doc.mentions.addAll(added);
        doc.mentions.sort(Comparator.comparingInt((Mention x) -> x.span().begin()).thenComparingInt(x -> x.span().end()));
        return rules;
    }

    private void concepts(ArticleDocument doc, List<Found> documents, Map<String, String> minted) {
        List<CoreSentence> sentences = doc.nlp.sentences();
        Set<String> seen = new java.util.HashSet<>();
        Entity last = null;
        for (int s = 0; s < sentences.size(); s++) {
            int sb = sentences.get(s).charOffsets().first, se = sentences.get(s).charOffsets().second;
            Span sentenceSpan = doc.original(sb, se);
            String sentence = doc.cleanText.substring(sb, se);
            List<Entity> concepts = new ArrayList<>();
            Map<Entity, Integer> at = new HashMap<>();
            for (Mention m : doc.mentions)
                if (m.sentence() == s && m.entity().type() == EntityType.CONCEPT && !concepts.contains(m.entity())) {
                    concepts.add(m.entity());
                    at.put(m.entity(), cleanBegin(doc, m.span()));
                }
            Pattern anaphor = conceptPatterns.get("anaphor");
            Matcher am = anaphor == null ? null : anaphor.matcher(sentence);
            if (concepts.isEmpty() && last != null && am != null && am.find()) {
                concepts.add(last);
                at.put(last, sb + am.start());
            }
            if (concepts.isEmpty()) continue;
            last = concepts.get(concepts.size() - 1);
            for (Entity concept : concepts) {
                for (String relation : List.of("introducedBy", "agreedIn", "codifiedIn", "reaffirmedIn")) {
                    Pattern p = conceptPatterns.get(relation);
                    if (p == null) continue;
                    Matcher m = p.matcher(sentence);
                    if (!m.find()) continue;
                    int cue = sb + m.end();
                    ConceptClaim claim = switch (relation) {
                        case "introducedBy" -> agentAfter(doc, s, cue).map(a -> new ConceptClaim(concept, relation, a, null, sentenceSpan, conceptRule(relation, concept, minted))).orElse(null);
                        case "agreedIn" -> {
                            EventClaim e = agreement(doc, s, sb + m.start(), cue, se);
                            yield e == null ? null : new ConceptClaim(concept, relation, null, e, sentenceSpan, conceptRule(relation, concept, minted));
                        }
                        case "codifiedIn" -> documents.stream().filter(d -> d.begin >= sb && d.end <= se)
                                .filter(d -> (d.begin >= cue) != (at.get(concept) >= cue)).findFirst()
                                .map(d -> new ConceptClaim(concept, relation, d.document, null, sentenceSpan, conceptRule(relation, concept, minted))).orElse(null);
                        default -> {
                            EventClaim e = eventOf(doc, s, sentenceSpan);
                            yield e == null ? null : new ConceptClaim(concept, relation, null, e, sentenceSpan, conceptRule(relation, concept, minted));
                        }
                    };
                    if (claim == null) continue;
                    String key = concept.iri() + "|" + relation + "|" + (claim.agent() != null ? claim.agent().iri() : claim.event().iri);
                    if (seen.add(key)) doc.concepts.add(claim);
                }
            }
        }
    }

    /** The claim's rule: the concept-relations.tsv cue, and the phrase rule when the concept was minted here. */
    private static String conceptRule(String relation, Entity concept, Map<String, String> minted) {
        String phrase = minted.get(concept.iri());
        return phrase == null ? relation : relation + "+" + phrase;
    }

    private static java.util.Optional<Entity> agentAfter(ArticleDocument doc, int s, int cleanAt) {
        Span at = doc.original(cleanAt, cleanAt);
        return doc.mentions.stream().filter(m -> m.sentence() == s && m.span().begin() >= at.begin())
                .filter(m -> m.entity().type() == EntityType.PERSON || m.entity().type() == EntityType.ORGANIZATION
                        || m.entity().type() == EntityType.COUNTRY)
                .findFirst().map(Mention::entity);
    }

    private static final Pattern YEAR = Pattern.compile("\\bin\\s+(1[89]\\d\\d|20\\d\\d)\\b");

    /** "agreed upon by the leaders of A and B in 2006": an agreement event of those named, that year. */
    private static EventClaim agreement(ArticleDocument doc, int s, int cueBegin, int cueEnd, int sentenceEnd) {
        String rest = doc.cleanText.substring(cueEnd, sentenceEnd);
        Matcher y = YEAR.matcher(rest);
        if (!y.find()) return null;
        String year = y.group(1);
        Span scope = doc.original(cueEnd, cueEnd + y.start());
        List<Entity> participants = new ArrayList<>();
        for (Mention m : doc.mentions)
            if (m.sentence() == s && scope.contains(m.span()) && (m.entity().type() == EntityType.COUNTRY || m.entity().type() == EntityType.PERSON
                    || m.entity().type() == EntityType.ORGANIZATION) && !participants.contains(m.entity()))
                participants.add(m.entity());
        if (participants.isEmpty()) return null;
        List<String> slugs = participants.stream().map(e -> Iris.lastSegment(e.iri())).sorted().toList();
        String iri = Iris.resource("event", year, "agreement", String.join("--", slugs));
        for (EventClaim e : doc.events)
            if (iri.equals(e.iri)) return e;
        Span trigger = doc.original(cueBegin, cueEnd + y.end());
        EventClaim e = new EventClaim(EventType.AGREEMENT, trigger, s);
        e.rule = "agreed-by";
        e.participants.addAll(participants);
        e.date = DateValue.of(year, y.group());
        e.iri = iri;
        doc.events.add(e);
        return e;
    }

    private static final Set<EventType> MEETINGS = Set.of(EventType.SUMMIT, EventType.MEETING, EventType.TALKS, EventType.PHONE_CALL, EventType.CONFERENCE);

    /** The event the sentence reports (its evidence lies in the sentence), else the meeting the sentence names. */
    private static EventClaim eventOf(ArticleDocument doc, int s, Span sentence) {
        EventClaim other = null;
        for (EventClaim e : doc.events) {
            if (e.iri == null || e.type == EventType.AGREEMENT || !(e.sentence == s || e.evidence.stream().anyMatch(sentence::contains))) continue;
            if (MEETINGS.contains(e.type)) return e;
            if (other == null) other = e;
        }
        return other;
    }
}
