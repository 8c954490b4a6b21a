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

import edu.stanford.nlp.pipeline.CoreSentence;

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

    public DocumentStage(ReferenceIndex reference) {
        this.reference = reference;
        for (String[] row : Lexicon.rows("/convert/document-patterns.tsv"))
            documentPatterns.put(row[0].trim(), Pattern.compile(row[1].trim()));
        for (String[] row : Lexicon.rows("/convert/document-types.tsv"))
            types.put(row[0].trim(), row[1].trim());
        for (String[] row : Lexicon.rows("/convert/concept-relations.tsv"))
            conceptPatterns.put(row[0].trim(), Pattern.compile(row[1].trim(), Pattern.CASE_INSENSITIVE));
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
        concepts(doc, found);
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

    private void concepts(ArticleDocument doc, List<Found> documents) {
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
                        case "introducedBy" -> agentAfter(doc, s, cue).map(a -> new ConceptClaim(concept, relation, a, null, sentenceSpan, relation)).orElse(null);
                        case "agreedIn" -> {
                            EventClaim e = agreement(doc, s, sb + m.start(), cue, se);
                            yield e == null ? null : new ConceptClaim(concept, relation, null, e, sentenceSpan, relation);
                        }
                        case "codifiedIn" -> documents.stream().filter(d -> d.begin >= sb && d.end <= se)
                                .filter(d -> (d.begin >= cue) != (at.get(concept) >= cue)).findFirst()
                                .map(d -> new ConceptClaim(concept, relation, d.document, null, sentenceSpan, relation)).orElse(null);
                        default -> {
                            EventClaim e = eventOf(doc, s, sentenceSpan);
                            yield e == null ? null : new ConceptClaim(concept, relation, null, e, sentenceSpan, relation);
                        }
                    };
                    if (claim == null) continue;
                    String key = concept.iri() + "|" + relation + "|" + (claim.agent() != null ? claim.agent().iri() : claim.event().iri);
                    if (seen.add(key)) doc.concepts.add(claim);
                }
            }
        }
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
