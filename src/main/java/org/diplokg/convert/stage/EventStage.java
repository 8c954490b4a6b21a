package org.diplokg.convert.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diplokg.convert.Lexicon;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.Stage;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.DateValue;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.EventClaim;
import org.diplokg.convert.model.EventStatus;
import org.diplokg.convert.model.EventType;
import org.diplokg.convert.model.Mention;
import org.diplokg.convert.model.Span;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;

/**
 * Diplomatic events: a trigger word from event-triggers.tsv, its participants and place from the
 * dependency parse, its date from SUTime (resolved against the article's date), its status from the words
 * around it (event-status.tsv: "canceled", "postponed", "whether ... will be realized"), duration,
 * "on the sidelines of", ordinals. A definite mention ("the meeting", "his trip") with nothing new to say
 * about who took part refers back to the last event of its kind and can change its status.
 */
public final class EventStage implements Stage {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern DAY_RANGE = Pattern.compile("(\\d{1,2})\\s*[-\u2013]\\s*(\\d{1,2})");
    /** Verbs whose subject takes part in the event that is their object: "Xi and Biden held talks". */
    private static final Set<String> LIGHT_VERBS = Set.of("hold", "have", "attend", "conduct", "join", "begin", "start", "resume");
    private static final Set<String> PARTICIPANT_RELATIONS = Set.of("nsubj", "obj", "obl", "nmod", "compound", "amod", "nmod:poss", "conj", "appos", "iobj", "nsubj:pass");

    private final Map<String, EventType> triggers = new HashMap<>();
    /** Country adjectives ("Chinese"): they qualify a title or a noun, they do not take part in an event. */
    private final Set<String> demonyms = new java.util.HashSet<>();
    private final Map<String, EventStatus> statusWords = new HashMap<>();
    private final int longestTrigger;

    public EventStage(ReferenceIndex reference) {
        int longest = 1;
        for (String[] row : Lexicon.rows("/convert/event-triggers.tsv")) {
            triggers.put(row[0], EventType.valueOf(row[1]));
            longest = Math.max(longest, row[0].split(" ").length);
        }
        longestTrigger = longest;
        for (String[] row : Lexicon.rows("/convert/demonyms.tsv"))
            if (!row[0].equals(row[1])) demonyms.add(row[0]);
        for (String[] row : Lexicon.rows("/convert/event-status.tsv"))
            statusWords.put(row[0], EventStatus.valueOf(row[1]));
    }

    @Override
    public void process(ArticleDocument doc) {
        List<CoreSentence> sentences = doc.nlp.sentences();
        for (int s = 0; s < sentences.size(); s++) {
            CoreSentence sentence = sentences.get(s);
            List<CoreLabel> tokens = sentence.tokens();
            List<EventClaim> touched = new ArrayList<>();
            int i = 0;
            while (i < tokens.size()) {
                int end = matchTrigger(tokens, i);
                if (end < 0) { i++; continue; }
                EventType type = triggers.get(lemmas(tokens, i, end));
                EventClaim e = event(doc, sentence, s, tokens, i, end, type);
                if (e != null && !touched.contains(e)) touched.add(e);
                if (e != null) firstSince(doc, sentence, s, tokens, i, end, e);
                i = end;
            }
            sidelines(doc, sentence.dependencyParse(), touched);
            visitsForMeetings(doc, sentence.dependencyParse(), touched);
        }
        for (EventClaim e : doc.events) if (e.date == null) e.date = narrativeDate(doc, e);
        // A report that names no one taking part and no convening body ("the talks", "dialogue" in general,
        // "an event in October") says too little to be a fact about an event, unless others happened at it.
        doc.events.removeIf(e -> e.participants.isEmpty() && e.host == null && !isSidelinesTarget(doc, e));
        // "on the sidelines of an international conference in Cambodia": an unnamed gathering only places the
        // meeting held there; it is not an event the article reports.
        doc.events.removeIf(e -> e.type == EventType.CONFERENCE && e.host == null && e.ordinal == null && isIndefinite(doc, e));
        for (EventClaim e : doc.events)
            if (e.sidelinesOf != null && !doc.events.contains(e.sidelinesOf)) e.sidelinesOf = null;
    }

    /**
     * "On Wednesday, Nov. 22, Liu ... said ... / Liu made the remarks while meeting Y": an undated event whose
     * participant (a person) is named in the last dated sentence before it (dated there to one day) happened
     * that day: news narrates in the time it last set.
     */
    private static DateValue narrativeDate(ArticleDocument doc, EventClaim e) {
        if (e.status != EventStatus.HELD) return null;
        // The last dated sentence before it, a few sentences back at most (a long quotation can lie between).
        int s = e.sentence - 1;
        while (s >= 0 && e.sentence - s <= 6 && doc.nlp.sentences().get(s).entityMentions().stream().noneMatch(EventStage::isCalendarDate)) s--;
        if (s < 0 || e.sentence - s > 6) return null;
        CoreSentence prev = doc.nlp.sentences().get(s);
        List<String> days = new ArrayList<>();
        String text = null;
        for (CoreEntityMention m : prev.entityMentions()) {
            String v = m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            if (!isCalendarDate(m)) continue;
            if (!DAY.matcher(v).matches()) return null;  // another date there: no single narrative day
            days.add(v);
            text = m.text();
        }
        if (days.stream().distinct().count() != 1) return null;
        int dated = s;
        boolean participantThere = doc.mentions.stream().anyMatch(m -> m.sentence() == dated && e.participants.contains(m.entity())
                && m.entity().type() == EntityType.PERSON);
        return participantThere ? DateValue.of(days.get(0), text) : null;
    }

    /** A DATE SUTime resolved to the calendar ("Nov. 22", "2023"), not "currently" or "recently". */
    private static boolean isCalendarDate(CoreEntityMention m) {
        String v = m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        return m.entityType().equals("DATE") && v != null && YEAR.matcher(v).lookingAt();
    }

    /** The meeting reported by the verb this definite, unnamed trigger is the "at" venue of, else null. */
    private static EventClaim venueOf(ArticleDocument doc, SemanticGraph g, IndexedWord hw, SemanticGraphEdge up, int s, EventClaim e) {
        if (up == null || e.host != null || !e.type.sameFamily(EventType.MEETING)) return null;
        if (!up.getRelation().getShortName().equals("obl") || !caseOf(g, hw).equals("at")) return null;
        if (!hasDeterminer(g, hw, Set.of("the"))) return null;
        Span verb = doc.original(up.getGovernor().beginPosition(), up.getGovernor().endPosition());
        return doc.events.stream().filter(x -> x.sentence == s && x.trigger.overlaps(verb) && x.type.sameFamily(EventType.MEETING))
                .findFirst().orElse(null);
    }

    /**
     * "the first high-level dialogue between the leaders since November 2022 in Bangkok": the same people met
     * then and there, so that earlier encounter is an event too.
     */
    private void firstSince(ArticleDocument doc, CoreSentence sentence, int s, List<CoreLabel> tokens, int from, int to, EventClaim e) {
        boolean first = false;
        for (int k = Math.max(0, from - 4); k < from; k++) first |= tokens.get(k).lemma().equalsIgnoreCase("first");
        if (!first || e.participants.size() < 2 || e.status != EventStatus.HELD) return;
        List<CoreEntityMention> ms = sentence.entityMentions();
        for (CoreEntityMention m : ms) {
            int at = m.tokens().get(0).index() - 1;
            if (!m.entityType().equals("DATE") || at < to || !followsSince(m)) continue;
            String v = m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            if (v == null || !(DAY.matcher(v).matches() || MONTH.matcher(v).matches() || YEAR.matcher(v).matches())) return;
            int end = m.tokens().get(m.tokens().size() - 1).index();  // index of the token after the date
            // "... since November 2022 in Bangkok"
            Mention where = null;
            if (end + 1 < tokens.size() && tokens.get(end).word().equalsIgnoreCase("in")) {
                Span place = doc.original(tokens.get(end + 1).beginPosition(), tokens.get(end + 1).endPosition());
                where = doc.mentions.stream().filter(x -> x.sentence() == s && x.span().overlaps(place)
                        && (x.entity().type() == EntityType.PLACE || x.entity().type() == EntityType.COUNTRY)).findFirst().orElse(null);
            }
            int b = doc.original(tokens.get(at - 1).beginPosition(), tokens.get(at - 1).endPosition()).begin();
            Span since = new Span(b, where != null ? where.span().end() : doc.original(tokens.get(end - 1).beginPosition(), tokens.get(end - 1).endPosition()).end());
            EventClaim earlier = new EventClaim(e.type, since, s);
            earlier.rule = "first-since";
            earlier.participants.addAll(e.participants);
            earlier.date = DateValue.of(v, m.text());
            if (where != null) earlier.place = where.entity();
            earlier.presupposed = true;
            doc.events.add(earlier);
            return;
        }
    }

    /** Introduced with "a"/"an": "an international conference". */
    private static boolean isIndefinite(ArticleDocument doc, EventClaim e) {
        SemanticGraph g = doc.nlp.sentences().get(e.sentence).dependencyParse();
        IndexedWord w = headAt(g, doc, e.trigger);
        return w != null && hasDeterminer(g, w, Set.of("a", "an"));
    }

    /** Whether w has one of the determiners {@code words} (lower case). */
    private static boolean hasDeterminer(SemanticGraph g, IndexedWord w, Set<String> words) {
        return g.getChildList(w).stream().anyMatch(c -> g.getEdge(w, c).getRelation().getShortName().equals("det")
                && words.contains(c.word().toLowerCase(Locale.ROOT)));
    }

    /** "since November 2022": a date given as a reference point, not as when something happened. */
    static boolean followsSince(CoreEntityMention m) {
        int at = m.tokens().get(0).index() - 1;
        return at > 0 && m.sentence().tokens().get(at - 1).word().equalsIgnoreCase("since");
    }

    private static boolean isSidelinesTarget(ArticleDocument doc, EventClaim e) {
        return doc.events.stream().anyMatch(x -> x.sidelinesOf == e);
    }

    private int matchTrigger(List<CoreLabel> tokens, int i) {
        for (int j = Math.min(tokens.size(), i + longestTrigger); j > i; j--) {
            String phrase = lemmas(tokens, i, j);
            if (!triggers.containsKey(phrase)) continue;
            CoreLabel head = tokens.get(j - 1);
            String tag = head.tag();
            if (!(tag.startsWith("NN") || tag.startsWith("VB"))) continue;
            return j;
        }
        return -1;
    }

    private static String lemmas(List<CoreLabel> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) sb.append(k > from ? " " : "").append(tokens.get(k).lemma().toLowerCase(Locale.ROOT));
        return sb.toString();
    }

    /** Adds the event the trigger reports (or adds to the earlier report it refers back to) and returns it. */
    private EventClaim event(ArticleDocument doc, CoreSentence sentence, int s, List<CoreLabel> tokens, int from, int to, EventType type) {
        CoreLabel head = tokens.get(to - 1);
        Span trigger = doc.original(tokens.get(from).beginPosition(), head.endPosition());
        SemanticGraph g = sentence.dependencyParse();
        IndexedWord hw = g.getNodeByIndexSafe(head.index());
        if (hw == null) return null;
        EventClaim e = new EventClaim(type, trigger, s);
        e.rule = "trigger:" + lemmas(tokens, from, to).replace(' ', '-');

        // Who: people and countries among the trigger's dependents (and its governing verb's subject).
        List<Mention> inSentence = doc.mentions.stream().filter(m -> m.sentence() == s).toList();
        List<IndexedWord> scope = new ArrayList<>(dependents(g, hw, 2));
        // The subject takes part when the event is what it does: "X met Y", "X held talks", "X said in the
        // meeting", "X and Y committed ... in their talks", "X made remarks while meeting Y".
        IndexedWord verb = hw.tag().startsWith("VB") ? hw : null;
        SemanticGraphEdge up = g.incomingEdgeList(hw).stream().findFirst().orElse(null);
        if (verb == null && up != null && up.getGovernor().tag().startsWith("VB")) {
            String rel = up.getRelation().getShortName();
            boolean light = LIGHT_VERBS.contains(up.getGovernor().lemma().toLowerCase(Locale.ROOT)) && rel.equals("obj");
            boolean setting = rel.equals("obl") && Set.of("in", "at", "during").contains(caseOf(g, hw));
            if (light || setting) verb = up.getGovernor();
        }
        IndexedWord subject = verb == null ? null : subjectOf(g, verb, 3);
        if (subject != null) scope.addAll(dependents(g, subject, 1));
        else if (verb == hw) scope.addAll(namesBefore(g, tokens, from));
        // "Japan-China summit", "Xi-Kishida summit": the compound right before the trigger.
        if (from > 0) scope.add(g.getNodeByIndexSafe(tokens.get(from - 1).index()));
        // "X made the remarks while meeting Y, ..., in Beijing": the main clause's setting is the meeting's.
        if (up != null && hw.tag().startsWith("VB") && up.getRelation().getShortName().equals("advcl"))
            for (SemanticGraphEdge o : g.outgoingEdgeList(up.getGovernor()))
                if (o.getRelation().getShortName().equals("obl") && Set.of("in", "at").contains(caseOf(g, o.getDependent())))
                    scope.add(o.getDependent());
        for (Mention m : inSentence) {
            if (!covers(doc, m, scope)) continue;
            EntityType t = m.entity().type();
            boolean adjective = demonyms.contains(m.text()) && !isCompoundPart(doc, m)
                    || doc.posts.stream().anyMatch(p -> p.evidence().contains(m.span()));  // "Ambassador to China"
            if (t == EntityType.PERSON || t == EntityType.COUNTRY && !adjective && !ownsOther(g, doc, m, hw) && !isPlace(g, doc, m, type)) e.participants.add(m.entity());
            else if (t == EntityType.ORGANIZATION && isConferenceBody(g, doc, m, hw, tokens, from)) {
                e.type = EventType.CONFERENCE;
                e.host = m.entity();  // the body that convenes it ("the APEC summit")
            } else if (t == EntityType.ORGANIZATION && withTrigger(g, doc, m, hw)) e.participants.add(m.entity());  // "an interview with The Yomiuri Shimbun"
        }
        if (e.type == EventType.CONFERENCE) e.participants.clear();

        // Where: "in San Francisco", "visit to Taiwan", "visited China".
        for (Mention m : inSentence)
            if ((m.entity().type() == EntityType.PLACE || m.entity().type() == EntityType.COUNTRY) && covers(doc, m, scope) && isPlace(g, doc, m, type)) {
                if (e.place == null || m.entity().type() == EntityType.PLACE) e.place = m.entity();
                e.participants.remove(m.entity());
            }

        // A gathering named after "on the sidelines of" keeps only a date said of it ("the 2023 APEC summit"):
        // the sentence's other dates belong to the meeting held there.
        boolean hostsSidelines = up != null && up.getGovernor().lemma().equalsIgnoreCase("sideline");
        e.date = date(doc, sentence, head, hostsSidelines ? g.descendants(hw) : null);
        e.status = status(g, hw, tokens, from);
        e.duration = duration(sentence, tokens, from);
        ordinal(sentence, tokens, from, e);
        // "the 30th summit" with no one named: a gathering in a numbered series.
        if (e.ordinal != null && e.participants.isEmpty() && e.type.sameFamily(EventType.MEETING)) e.type = EventType.CONFERENCE;

        // "on the sidelines of the 30th X meeting": a gathering that hosts other meetings, never one of them.
        if (hostsSidelines) {
            e.type = EventType.CONFERENCE;
            e.participants.clear();
        }
        EventClaim antecedent = antecedent(doc, e, g, hw, s, hostsSidelines);
        // "Kishida also met Biden at the summit": a definite gathering named as the venue of a meeting is the
        // one named gathering the article reports, when there is exactly one.
        EventClaim venueOf = venueOf(doc, g, hw, up, s, e);
        String via = "antecedent";
        if (venueOf != null) {
            List<EventClaim> named = doc.events.stream().filter(x -> x.type == EventType.CONFERENCE && x.host != null).toList();
            if (named.size() == 1) {
                antecedent = named.get(0);
                via = "named-gathering";
                e.participants.clear();  // the subject met someone at the gathering; it did not hold it
                if (venueOf.sidelinesOf == null) venueOf.sidelinesOf = antecedent;
            }
        }
        if (antecedent != null) {
            antecedent.evidence.add(trigger);
            antecedent.evidenceRules.putIfAbsent(trigger, e.rule + "+" + via);
            antecedent.lastSentence = s;
            if (antecedent.ordinal == null) { antecedent.ordinal = e.ordinal; antecedent.ordinalScope = e.ordinalScope; }
            e.participants.forEach(antecedent.participants::add);
            if (rank(e.status) > rank(antecedent.status)) antecedent.status = e.status;
            if (antecedent.date == null) antecedent.date = e.date;
            if (antecedent.place == null) antecedent.place = e.place;
            if (antecedent.duration == null) antecedent.duration = e.duration;
            return antecedent;
        }
        doc.events.add(e);
        return e;
    }

    /**
     * "at China's request", "China's highest echelon": a country in the possessive qualifies another noun
     * and takes no part in the event (unlike "China's talks with ...", where it owns the trigger).
     */
    private static boolean ownsOther(SemanticGraph g, ArticleDocument doc, Mention m, IndexedWord trigger) {
        IndexedWord w = wordAt(g, doc, m);
        if (w == null) return false;
        for (SemanticGraphEdge in : g.incomingEdgeList(w))
            if (in.getRelation().getShortName().equals("nmod:poss") || in.getRelation().toString().equals("nmod:poss"))
                return !in.getGovernor().equals(trigger);
        return false;
    }

    /** An organisation the trigger is held "with": "an interview with The Yomiuri Shimbun", "talks with the IAEA". */
    private static boolean withTrigger(SemanticGraph g, ArticleDocument doc, Mention m, IndexedWord trigger) {
        IndexedWord w = wordAt(g, doc, m);
        // the head of the name: "The Yomiuri" is a compound of "Shimbun"
        for (int k = 0; w != null && k < 3; k++) {
            SemanticGraphEdge in = g.incomingEdgeList(w).stream().findFirst().orElse(null);
            if (in == null || !Set.of("compound", "flat").contains(in.getRelation().getShortName())) break;
            w = in.getGovernor();
        }
        SemanticGraphEdge edge = w == null ? null : g.getEdge(trigger, w);
        return edge != null && edge.getRelation().getShortName().equals("nmod") && caseOf(g, w).equals("with");
    }

    /** "Japan" in "Japan-China summit": a country named as part of a hyphenated compound. */
    private static boolean isCompoundPart(ArticleDocument doc, Mention m) {
        String text = doc.article.text();
        return m.span().end() < text.length() && text.charAt(m.span().end()) == '-'
                || m.span().begin() > 0 && text.charAt(m.span().begin() - 1) == '-';
    }

    /**
     * Words within {@code depth} dependency steps below {@code w} that can name a participant: subjects and
     * objects, modifiers of a noun ("Japan-China", "Xi's"), and obliques introduced by with/between/among/of.
     * Other clauses ("following X's visit", "and met Y") are separate events, so they are not entered.
     */
    private static List<IndexedWord> dependents(SemanticGraph g, IndexedWord w, int depth) {
        List<IndexedWord> out = new ArrayList<>(List.of(w));
        if (depth == 0) return out;
        for (SemanticGraphEdge edge : g.outgoingEdgeList(w)) {
            String rel = edge.getRelation().getShortName();
            IndexedWord d = edge.getDependent();
            if (rel.equals("conj") && d.tag().startsWith("VB")) continue;
            // Obliques: participants come with "with/between/among/of/by", places with "in/at/to".
            if ((rel.equals("nmod") || rel.equals("obl")) && !Set.of("with", "between", "among", "of", "by", "in", "at", "to").contains(caseOf(g, d))) continue;
            if (!PARTICIPANT_RELATIONS.contains(rel) && !rel.equals("nmod:poss")) continue;
            boolean flat = rel.equals("conj") || rel.equals("compound") || rel.equals("appos");
            out.addAll(dependents(g, d, flat ? depth : depth - 1));
        }
        return out;
    }

    /**
     * The parser sometimes loses the subject of a clause like "after X and Y met in Z" (it attaches the
     * names to the main verb). Then the names right before the verb are its subject: the run of proper
     * nouns, titles, country adjectives, "and" and commas that ends at the verb.
     */
    private static List<IndexedWord> namesBefore(SemanticGraph g, List<CoreLabel> tokens, int verbAt) {
        List<IndexedWord> out = new ArrayList<>();
        for (int k = verbAt - 1; k >= 0; k--) {
            CoreLabel t = tokens.get(k);
            boolean name = t.tag().startsWith("NNP") || "NATIONALITY".equals(t.ner()) || "TITLE".equals(t.ner());
            boolean joiner = t.word().equals("and") || t.word().equals(",") || t.tag().equals("POS") || t.tag().equals("HYPH");
            if (!name && !joiner) break;
            out.add(g.getNodeByIndexSafe(t.index()));
        }
        return out;
    }

    /** The subject of a verb, or of the verb it hangs off ("committed to pursuing", "while meeting"). */
    private static IndexedWord subjectOf(SemanticGraph g, IndexedWord verb, int depth) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
            if (!e.getRelation().getShortName().equals("nsubj")) continue;
            IndexedWord subj = e.getDependent();
            // "Xi said as he met Kishida": a pronoun subject of a subordinate clause is the main clause's subject.
            if (subj.tag().equals("PRP") && depth > 0) {
                SemanticGraphEdge up = g.incomingEdgeList(verb).stream().findFirst().orElse(null);
                if (up != null && Set.of("advcl", "conj").contains(up.getRelation().getShortName())) {
                    IndexedWord main = subjectOf(g, up.getGovernor(), depth - 1);
                    if (main != null && !main.tag().equals("PRP")) return main;
                }
            }
            return subj;
        }
        if (depth == 0) return null;
        SemanticGraphEdge up = g.incomingEdgeList(verb).stream().findFirst().orElse(null);
        if (up == null || !Set.of("xcomp", "advcl", "conj", "acl").contains(up.getRelation().getShortName())) return null;
        return subjectOf(g, up.getGovernor(), depth - 1);
    }

    private static String caseOf(SemanticGraph g, IndexedWord w) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(w))
            if (e.getRelation().getShortName().equals("case")) return e.getDependent().word().toLowerCase(Locale.ROOT);
        return "";
    }

    private static boolean covers(ArticleDocument doc, Mention m, List<IndexedWord> words) {
        for (IndexedWord w : words) {
            if (w == null) continue;
            Span t = doc.original(w.beginPosition(), w.endPosition());
            if (m.span().overlaps(t)) return true;
        }
        return false;
    }

    /** A place mention introduced by "in"/"at", or the destination of a visit ("to Taiwan", "visited China"). */
    private static boolean isPlace(SemanticGraph g, ArticleDocument doc, Mention m, EventType type) {
        IndexedWord w = wordAt(g, doc, m);
        if (w == null) return false;
        for (IndexedWord c : g.getChildList(w)) {
            String word = c.word().toLowerCase(Locale.ROOT);
            if (g.getEdge(w, c).getRelation().getShortName().equals("case")
                    && (word.equals("in") || word.equals("at") || type == EventType.VISIT && word.equals("to"))) return true;
        }
        if (type == EventType.VISIT) {
            SemanticGraphEdge in = g.incomingEdgeList(w).stream().findFirst().orElse(null);
            return in != null && in.getRelation().getShortName().equals("obj") && in.getGovernor().lemma().equals("visit");
        }
        return false;
    }

    /** "the Apec summit", "the 30th APEC meeting": an organisation naming the gathering makes it a conference. */
    private static boolean isConferenceBody(SemanticGraph g, ArticleDocument doc, Mention m, IndexedWord trigger, List<CoreLabel> tokens, int from) {
        IndexedWord w = wordAt(g, doc, m);
        if (w == null) return false;
        SemanticGraphEdge edge = g.getEdge(trigger, w);
        if (edge != null && Set.of("compound", "amod", "nmod").contains(edge.getRelation().getShortName())) return true;
        // Deeper inside the name: "the 30th Asia-Pacific Economic Cooperation Economic Leaders' Meeting".
        IndexedWord x = w;
        for (int step = 0; step < 3 && x.index() < trigger.index(); step++) {
            SemanticGraphEdge in = g.incomingEdgeList(x).stream().findFirst().orElse(null);
            if (in == null || !Set.of("compound", "nmod:poss", "amod", "flat").contains(in.getRelation().toString())) break;
            x = in.getGovernor();
            if (x.equals(trigger)) return true;
        }
        // Right before the trigger, possibly after an ordinal: "the 30th ATIS meeting".
        int idx = w.index();
        return idx == tokens.get(from).index() - 1;
    }

    private static IndexedWord wordAt(SemanticGraph g, ArticleDocument doc, Mention m) {
        return headAt(g, doc, m.span());
    }

    /**
     * The nearest date SUTime resolved in the sentence (only among {@code within}, when given); a day range
     * "Aug. 28-30" becomes start and end.
     */
    private static DateValue date(ArticleDocument doc, CoreSentence sentence, CoreLabel head, Set<IndexedWord> within) {
        DateValue best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<CoreEntityMention> ms = sentence.entityMentions();
        for (int k = 0; k < ms.size(); k++) {
            CoreEntityMention m = ms.get(k);
            if (!m.entityType().equals("DATE")) continue;
            // "the first talks since November 2022": a reference point, not the event's date.
            int first = m.tokens().get(0).index() - 1;
            if (followsSince(m)) continue;
            if (within != null && within.stream().noneMatch(w -> w.index() == first + 1)) continue;
            String v = m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            if (v == null) continue;
            DateValue d = null;
            if (k + 1 < ms.size() && MONTH.matcher(v).matches() && ms.get(k + 1).entityType().equals("DATE")) {
                Matcher r = DAY_RANGE.matcher(ms.get(k + 1).text());
                if (r.matches()) d = DateValue.range(v + "-" + pad(r.group(1)), v + "-" + pad(r.group(2)),
                        doc.cleanText.substring(m.charOffsets().first(), ms.get(k + 1).charOffsets().second()));
            }
            if (d == null && k + 1 < ms.size() && v.length() == 10 && DAY.matcher(v).matches() && ms.get(k + 1).entityType().equals("NUMBER")) {
                // "from Nov 15 to 17": SUTime dates the first day and leaves the last as a number.
                String between = doc.cleanText.substring(m.charOffsets().second(), ms.get(k + 1).charOffsets().first());
                String last = ms.get(k + 1).text();
                if (between.matches("\\s*(to|through|until|-|\u2013)\\s*") && last.matches("\\d{1,2}")
                        && Integer.parseInt(last) > Integer.parseInt(v.substring(8)) && Integer.parseInt(last) <= 31)
                    d = DateValue.range(v, v.substring(0, 8) + pad(last),
                            doc.cleanText.substring(m.charOffsets().first(), ms.get(k + 1).charOffsets().second()));
            }
            Matcher week = WEEK.matcher(v);
            if (d == null && week.matches()) {  // "last week": the ISO week's Monday to Sunday
                java.time.LocalDate monday = java.time.LocalDate.of(Integer.parseInt(week.group(1)), 1, 4)
                        .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)))
                        .with(java.time.DayOfWeek.MONDAY);
                d = DateValue.between(monday.toString(), monday.plusDays(6).toString(), m.text());
            }
            if (d == null) {
                String value = DAY.matcher(v).lookingAt() ? v.substring(0, 10)
                        : MONTH.matcher(v).matches() ? v : YEAR.matcher(v).matches() ? v : null;
                if (value == null) continue;
                d = DateValue.of(value, m.text());
            }
            int distance = Math.abs(m.charOffsets().first() - head.beginPosition());
            if (distance < bestDistance) { best = d; bestDistance = distance; }
        }
        return best;
    }

    private static String pad(String day) { return day.length() == 1 ? "0" + day : day; }

    /** The status words in the trigger's clause: the trigger's governors and their auxiliaries, and the words before it. */
    private EventStatus status(SemanticGraph g, IndexedWord trigger, List<CoreLabel> tokens, int from) {
        // Climb only while the event is an argument of the verb above it ("canceled the meeting", "planned to
        // visit", "whether a summit will be realized"), not a circumstance of it ("following X's visit").
        List<IndexedWord> clause = new ArrayList<>();
        for (IndexedWord w = trigger; w != null && clause.size() <= 12; ) {
            clause.add(w);
            for (SemanticGraphEdge edge : g.outgoingEdgeList(w)) {
                String rel = edge.getRelation().getShortName();
                if (rel.equals("aux") || rel.equals("mark") || rel.equals("advmod") || rel.equals("amod")) clause.add(edge.getDependent());
            }
            SemanticGraphEdge up = g.incomingEdgeList(w).stream().findFirst().orElse(null);
            if (up == null || !Set.of("obj", "nsubj:pass", "xcomp", "ccomp", "nsubj").contains(up.getRelation().toString())) break;
            w = up.getGovernor();
        }
        EventStatus found = EventStatus.HELD;
        for (IndexedWord w : clause) {
            EventStatus s = statusWords.get(w.lemma().toLowerCase(Locale.ROOT));
            if (s != null && rank(s) > rank(found)) found = s;
        }
        for (int k = Math.max(0, from - 3); k < from; k++) {  // "the planned visit", "upcoming summit"
            EventStatus s = statusWords.get(tokens.get(k).lemma().toLowerCase(Locale.ROOT));
            if (s != null && rank(s) > rank(found)) found = s;
        }
        return found;
    }

    /** What happened outranks what was intended: cancelled/postponed over planned over proposed. */
    private static int rank(EventStatus s) {
        return switch (s) {
            case HELD -> 0;
            case PROPOSED -> 1;
            case PLANNED -> 2;
            case POSTPONED -> 3;
            case CANCELLED -> 4;
        };
    }

    /** "lasted for seven hours" (SUTime: PT7H), "hour-long talks". */
    private static String duration(CoreSentence sentence, List<CoreLabel> tokens, int from) {
        for (CoreEntityMention m : sentence.entityMentions()) {
            if (!m.entityType().equals("DURATION")) continue;
            String v = m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            if (v != null && v.matches("PT\\d+[HM]")) return v;
        }
        for (int k = Math.max(0, from - 3); k < from; k++) {
            String w = tokens.get(k).word().toLowerCase(Locale.ROOT);
            if (w.equals("hour-long") || w.equals("one-hour")) return "PT1H";
            Matcher m = Pattern.compile("(\\d+)-hour(-long)?").matcher(w);
            if (m.matches()) return "PT" + m.group(1) + "H";
        }
        return null;
    }

    /** "their seventh meeting this year". */
    private static void ordinal(CoreSentence sentence, List<CoreLabel> tokens, int from, EventClaim e) {
        for (int k = Math.max(0, from - 2); k < from; k++) {
            CoreLabel t = tokens.get(k);
            if (!"ORDINAL".equals(t.ner())) continue;
            String v = t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            if (v == null) continue;
            try {
                int n = (int) Double.parseDouble(v);
                if (n > 0) e.ordinal = n;
            } catch (NumberFormatException ignored) {
                return;
            }
        }
        if (e.ordinal != null) {
            for (int k = from + 1; k < Math.min(tokens.size(), from + 4); k++)
                if ("DATE".equals(tokens.get(k).ner())) {
                    int j = k;
                    while (j < tokens.size() && "DATE".equals(tokens.get(j).ner())) j++;
                    e.ordinalScope = String.join(" ", tokens.subList(k, j).stream().map(CoreLabel::word).toList());
                    break;
                }
        }
    }

    /**
     * A definite or possessive mention that names nobody new ("the meeting", "his trip", "the talks") refers
     * to the latest event of the same family in the last three sentences.
     */
    private static EventClaim antecedent(ArticleDocument doc, EventClaim e, SemanticGraph g, IndexedWord hw, int s, boolean hostsSidelines) {
        boolean definite = hasDeterminer(g, hw, Set.of("the", "this", "that"))
                || g.getChildList(hw).stream().anyMatch(c -> g.getEdge(hw, c).getRelation().toString().equals("nmod:poss") && c.tag().startsWith("PRP"));
        // "met Yoon in their seventh meeting": the noun names the encounter its verb already reported.
        SemanticGraphEdge up = g.incomingEdgeList(hw).stream().findFirst().orElse(null);
        if (up != null && up.getRelation().getShortName().equals("obl") && Set.of("in", "during").contains(caseOf(g, hw))) {
            Span verb = doc.original(up.getGovernor().beginPosition(), up.getGovernor().endPosition());
            for (EventClaim prev : doc.events)
                if (prev.sentence == s && prev.type.sameFamily(e.type) && prev.trigger.overlaps(verb)) return prev;
        }
        // "the APEC summit" again, anywhere in the article: a named gathering is one event.
        if (e.type == EventType.CONFERENCE && e.host != null)
            for (EventClaim prev : doc.events)
                if (prev.type == EventType.CONFERENCE && prev.host != null && prev.host.iri().equals(e.host.iri())
                        && DateValue.agree(prev.date, e.date))
                    return prev;
        if (hostsSidelines || !definite || !e.participants.isEmpty() && e.date != null) return null;
        // "The meeting in San Francisco", however far back: the article's encounter of that kind at that place.
        if (e.participants.isEmpty() && e.place != null)
            for (int k = doc.events.size() - 1; k >= 0; k--) {
                EventClaim prev = doc.events.get(k);
                if (prev.type.sameFamily(e.type) && prev.place != null && prev.place.iri().equals(e.place.iri())) return prev;
            }
        List<EventClaim> recent = doc.events.stream().filter(p -> s - p.lastSentence <= 3)
                .sorted(java.util.Comparator.comparingInt((EventClaim p) -> p.lastSentence)).toList();
        for (int k = recent.size() - 1; k >= 0; k--) {
            EventClaim prev = recent.get(k);
            if (prev.type.sameFamily(e.type)) {
                if (!e.participants.isEmpty() && !prev.participants.containsAll(e.participants)) return null;
                return prev;
            }
        }
        return null;
    }

    /**
     * "X visited China to meet with Y", "X visited Japan and met with Y": the trip was made for the meeting,
     * so the report is one meeting, held where the trip went.
     */
    private static void visitsForMeetings(ArticleDocument doc, SemanticGraph g, List<EventClaim> touched) {
        for (EventClaim visit : touched) {
            if (visit.type != EventType.VISIT || visit.place == null || visit.evidence.size() != 1) continue;
            IndexedWord v = headAt(g, doc, visit.trigger);
            if (v == null || !v.tag().startsWith("VB")) continue;
            for (EventClaim meeting : touched) {
                if (!meeting.type.sameFamily(EventType.MEETING) || meeting.place != null) continue;
                IndexedWord m = headAt(g, doc, meeting.trigger);
                SemanticGraphEdge edge = m == null ? null : g.getEdge(v, m);
                if (edge == null || !Set.of("xcomp", "advcl", "conj").contains(edge.getRelation().getShortName())) continue;
                if (!meeting.participants.containsAll(visit.participants)) continue;
                meeting.place = visit.place;
                meeting.evidence.add(visit.trigger);
                meeting.evidenceRules.putIfAbsent(visit.trigger, visit.rule + "+visit-for-meeting");
                if (meeting.date == null) meeting.date = visit.date;
                doc.events.remove(visit);
                break;
            }
        }
    }

    private static IndexedWord headAt(SemanticGraph g, ArticleDocument doc, Span span) {
        IndexedWord last = null;
        for (IndexedWord w : g.vertexListSorted())
            if (span.overlaps(doc.original(w.beginPosition(), w.endPosition()))) last = w;
        return last;
    }

    /** "on the sidelines of the Apec summit": the sentence's other events took place at the event named after "sidelines of". */
    private static void sidelines(ArticleDocument doc, SemanticGraph g, List<EventClaim> touched) {
        for (IndexedWord w : g.vertexListSorted()) {
            if (!w.lemma().equalsIgnoreCase("sideline")) continue;
            for (SemanticGraphEdge edge : g.outgoingEdgeList(w)) {
                if (!edge.getRelation().getShortName().equals("nmod")) continue;
                Span target = doc.original(edge.getDependent().beginPosition(), edge.getDependent().endPosition());
                EventClaim host = touched.stream().filter(o -> o.evidence.stream().anyMatch(t -> t.overlaps(target))).findFirst().orElse(null);
                if (host == null) continue;
                for (EventClaim e : touched)
                    if (e != host && e.sidelinesOf == null) {
                        e.sidelinesOf = host;
                        if (e.date == null) e.date = host.date;
                        if (e.place == null) e.place = host.place;
                        else if (host.place == null) host.place = e.place;  // met in Z on the sidelines of X: X is in Z
                    }
            }
        }
    }
}
