package org.diplokg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The scorer on small hand-made cases: gold and system items written out, no KG. */
class ScorerTest {

    // ---- a tiny world: gold entities and the KG nodes that are them ------------------------------------------

    static final Map<String, GoldSet.Entity> GOLD_ENTITIES = new LinkedHashMap<>();
    static final Map<String, SystemItems.Entity> NODES = new TreeMap<>();
    static {
        gold("japan", "Country", "Q17", "Japan", "Tokyo (as government)");
        gold("china", "Country", "Q148", "China");
        gold("tokyo", "Place", "Q1490", "Tokyo");
        gold("xi", "Person", "Q15031", "Xi Jinping", "Xi");
        gold("kishida", "Person", null, "Fumio Kishida", "Kishida");
        gold("mbr", "PolicyConcept", null, "mutually beneficial relationship");
        gold("treaty", "Document", null, "Treaty of Peace and Friendship");
        node("country/japan", "Country", "Japan");
        node("country/china", "Country", "China");
        node("place/tokyo", "Place", "Tokyo");
        node("person/xi", "Person", "Xi Jinping", "country/china");
        node("person/kishida", "Person", "Fumio Kishida", "country/japan");
        node("concept/mbr", "PolicyConcept", "Mutually Beneficial Relationship");
        node("doc/treaty", "Document", "Treaty of Peace and Friendship");
    }

    static void gold(String id, String type, String qid, String... names) {
        GOLD_ENTITIES.put(id, new GoldSet.Entity(id, type, List.of(names), qid));
    }

    static void node(String iri, String type, String label, String... represents) {
        NODES.put(iri, new SystemItems.Entity(iri, type, label, List.of(label), Set.of(represents)));
    }

    static final SystemItems.Evidence EV = new SystemItems.Evidence(0, 1, "x");

    static GoldSet.Article article(String stem) {
        return new GoldSet.Article(stem, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    static SystemItems.Article empty() {
        return new SystemItems.Article(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    static SystemItems.Event event(String iri, String type, String date, String place, String status, String... participants) {
        return new SystemItems.Event(iri, null, Set.of(type), Set.of(participants), date, null, null, null, null, place,
                place == null ? Set.of() : Set.of(place), status, EV);
    }

    static EvalResult score(Map<String, GoldSet.Article> gold, Map<String, SystemItems.Article> system, Map<String, String> links) {
        return Scorer.score(new GoldSet(GOLD_ENTITIES, List.copyOf(gold.values())), new SystemItems(NODES, links, system));
    }

    static EvalResult score(GoldSet.Article gold, SystemItems.Article system) {
        return score(Map.of(gold.stem(), gold), Map.of(gold.stem(), system), Map.of());
    }

    static Score total(EvalResult r, Category c) { return r.total().get(c); }

    /** An article with one item in every category, and the system output that gets each right. */
    static GoldSet.Article fullGold() {
        GoldSet.Article g = article("a");
        g.required().addAll(List.of("japan", "china", "xi", "kishida", "treaty", "mbr"));
        g.posts().add(new GoldSet.Post("xi", "president", "china", null, false));
        g.events().add(new GoldSet.Event("summit", "Summit", List.of("japan", "china"), "tokyo", "2023-11", "held", false));
        g.quotes().add(new GoldSet.Quote("xi", "Both sides should", false));
        g.quotes().add(new GoldSet.Quote(null, "It was good", false));
        g.stances().add(new GoldSet.Stance("xi", List.of("Taiwan"), "urge", false));
        g.documents().add(new GoldSet.DocumentItem("treaty", "1978", false));
        g.concepts().add(new GoldSet.ConceptRelation("mbr", "reaffirmedIn", "summit", false));
        g.concepts().add(new GoldSet.ConceptRelation("mbr", "codifiedIn", "treaty", false));
        return g;
    }

    static SystemItems.Article fullSystem() {
        SystemItems.Article s = empty();
        for (String n : List.of("country/japan", "country/china", "person/xi", "person/kishida", "doc/treaty", "concept/mbr"))
            s.mentions().add(new SystemItems.Mention(n, EV));
        s.posts().add(new SystemItems.Post("h1", "person/xi", "President of China", "country/china", false, EV));
        s.events().add(event("ev/1", "Meeting", "2023-11-16", "place/tokyo", "held", "person/xi", "person/kishida"));
        s.quotes().add(new SystemItems.Quote("q1", "\u201CBoth sides should focus\u201D", "person/xi", "Xi Jinping", false, EV));
        s.quotes().add(new SystemItems.Quote("q2", "It was good that", null, "one", true, EV));
        s.stances().add(new SystemItems.Stance("s1", "person/xi", "urge", "issue/taiwan", List.of("Taiwan question"), EV));
        s.documents().add(new SystemItems.Document("doc/treaty", "1978-08-12", EV));
        s.concepts().add(new SystemItems.ConceptRelation("concept/mbr", "reaffirmedIn", "ev/1", "2023-11-16", EV));
        s.concepts().add(new SystemItems.ConceptRelation("concept/mbr", "codifiedIn", "doc/treaty", "1978-08-12", EV));
        return s;
    }

    static final Map<String, String> RIGHT_LINKS = Map.of("country/japan", "Q17", "country/china", "Q148", "person/xi", "Q15031");

    // ---- the cases ------------------------------------------------------------------------------------------

    @Test
    void aPerfectSystemScoresOne() {
        EvalResult r = score(Map.of("a", fullGold()), Map.of("a", fullSystem()), RIGHT_LINKS);
        for (Category c : Category.values()) {
            if (c == Category.MERGES) continue;
            assertEquals(1.0, total(r, c).f1(), c + ": " + total(r, c) + " " + r.findings());
            assertTrue(total(r, c).tp() > 0, c + " must have been scored");
        }
        assertEquals(List.of(), r.findings());
    }

    @Test
    void anEmptySystemHasZeroRecall() {
        EvalResult r = score(fullGold(), empty());
        for (Category c : List.of(Category.ENTITIES, Category.POSTS, Category.EVENTS, Category.QUOTES, Category.STANCES,
                Category.DOCUMENTS, Category.CONCEPTS)) {
            assertEquals(0.0, total(r, c).recall(), c.key());
            assertEquals(0.0, total(r, c).f1(), c.key());
            assertEquals(0, total(r, c).fp(), c.key());
        }
    }

    @Test
    void anOptionalItemChangesNothing() {
        EvalResult before = score(Map.of("a", fullGold()), Map.of("a", fullSystem()), RIGHT_LINKS);
        GoldSet.Article g = fullGold();
        SystemItems.Article s = fullSystem();
        // Optional and found: not a true positive. Optional and missed: not a false negative.
        g.quotes().add(new GoldSet.Quote("kishida", "separating or severing", true));
        s.quotes().add(new SystemItems.Quote("q3", "separating or severing ties", "person/kishida", "Fumio Kishida", false, EV));
        g.quotes().add(new GoldSet.Quote("china", "agreed to find", true));
        g.optional().add("tokyo");
        s.mentions().add(new SystemItems.Mention("place/tokyo", EV));
        g.events().add(new GoldSet.Event("later", "Visit", List.of("kishida"), null, null, "planned", true));
        EvalResult after = score(Map.of("a", g), Map.of("a", s), RIGHT_LINKS);
        assertEquals(before.total(), after.total());
    }

    @Test
    void aWrongSpeakerIsOneFalsePositiveAndOneFalseNegative() {
        GoldSet.Article g = article("a");
        g.quotes().add(new GoldSet.Quote("xi", "Both sides should", false));
        SystemItems.Article s = empty();
        s.quotes().add(new SystemItems.Quote("q1", "Both sides should focus", "person/kishida", "Fumio Kishida", false, EV));
        assertEquals(new Score(0, 1, 1), total(score(g, s), Category.QUOTES));
    }

    @Test
    void aQuoteTheGoldCallsUnnamedMustNotGoToANamedSpeaker() {
        GoldSet.Article g = article("a");
        g.quotes().add(new GoldSet.Quote(null, "It was good", false));
        SystemItems.Article named = empty();
        named.quotes().add(new SystemItems.Quote("q", "It was good that", "person/kishida", "Fumio Kishida", false, EV));
        assertEquals(new Score(0, 1, 1), total(score(g, named), Category.QUOTES));
        SystemItems.Article unnamed = empty();
        unnamed.quotes().add(new SystemItems.Quote("q", "It was good that", "source/one", "one", true, EV));
        assertEquals(new Score(1, 0, 0), total(score(g, unnamed), Category.QUOTES));
    }

    @Test
    void eventTypesCompareByFamily() {
        GoldSet.Article g = article("a");
        g.events().add(new GoldSet.Event("e", "Summit", List.of("xi", "kishida"), null, null, "held", false));
        SystemItems.Article talks = empty();
        talks.events().add(event("ev", "Talks", null, null, "held", "person/xi", "person/kishida"));
        assertEquals(new Score(1, 0, 0), total(score(g, talks), Category.EVENTS));
        SystemItems.Article visit = empty();
        visit.events().add(event("ev", "Visit", null, null, "held", "person/xi", "person/kishida"));
        assertEquals(new Score(0, 1, 1), total(score(g, visit), Category.EVENTS));
    }

    @Test
    void aPhoneCallIsTalksHeldAtADistance() {
        // FORMAT.md: a phone or video call is in the Summit/Meeting/Talks family, on either side.
        GoldSet.Article g = article("a");
        g.events().add(new GoldSet.Event("call", "PhoneCall", List.of("xi", "kishida"), null, "2023-11-16", "held", false));
        for (String type : List.of("Talks", "Meeting", "Summit", "PhoneCall")) {
            SystemItems.Article s = empty();
            s.events().add(event("ev", type, "2023-11-16", null, "held", "person/xi", "person/kishida"));
            assertEquals(new Score(1, 0, 0), total(score(g, s), Category.EVENTS), type);
        }
        SystemItems.Article visit = empty();
        visit.events().add(event("ev", "Visit", "2023-11-16", null, "held", "person/xi", "person/kishida"));
        assertEquals(new Score(0, 1, 1), total(score(g, visit), Category.EVENTS));

        GoldSet.Article talks = article("a");
        talks.events().add(new GoldSet.Event("e", "Talks", List.of("xi", "kishida"), null, null, "held", false));
        SystemItems.Article call = empty();
        call.events().add(event("ev", "PhoneCall", null, null, "held", "person/xi", "person/kishida"));
        assertEquals(new Score(1, 0, 0), total(score(talks, call), Category.EVENTS), "the system's dkg:PhoneCall meets gold talks");
    }

    // ---- diagnostics ------------------------------------------------------------------------------------------

    static Diagnostic diagnostic(EvalResult r, Category c) { return r.diagnostics().get(c); }

    @Test
    void aPerfectSystemHasEveryAttributeRight() {
        EvalResult r = score(Map.of("a", fullGold()), Map.of("a", fullSystem()), RIGHT_LINKS);
        assertEquals(List.of(Category.POSTS, Category.EVENTS, Category.QUOTES, Category.STANCES), List.copyOf(r.diagnostics().keySet()));
        r.diagnostics().forEach((c, d) -> {
            assertTrue(d.gold() > 0, c.key());
            assertEquals(d.gold(), d.found(), c.key());
            d.right().forEach((attribute, n) -> assertEquals(d.gold(), n, c.key() + " " + attribute));
        });
    }

    @Test
    void eventDiagnosticsSayWhichAttributeIsWrong() {
        GoldSet.Article g = article("a");
        g.events().add(new GoldSet.Event("summit", "Summit", List.of("xi", "kishida"), "tokyo", "2023-11", "held", false));
        g.events().add(new GoldSet.Event("visit", "Visit", List.of("kishida"), null, null, "held", false));
        g.events().add(new GoldSet.Event("forum", "Conference", List.of("japan"), "tokyo", "2023-12", "held", false));
        g.events().add(new GoldSet.Event("later", "Meeting", List.of("xi"), null, null, "planned", true));
        SystemItems.Article s = empty();
        // The summit with one side missing and the wrong status; the visit only as a meeting (another family, so
        // not detected); the forum with no participants, but at the gold place and date.
        s.events().add(event("ev/summit", "Meeting", "2023-11-16", "place/tokyo", "planned", "person/xi"));
        s.events().add(event("ev/forum", "Conference", "2023-12-01", "place/tokyo", "held"));
        EvalResult r = score(g, s);
        // ev/summit also meets the optional planned meeting, so it is ignored rather than a false positive.
        assertEquals(new Score(0, 1, 3), total(r, Category.EVENTS));
        Diagnostic d = diagnostic(r, Category.EVENTS);
        assertEquals(3, d.gold(), "the optional event is not counted");
        assertEquals(2, d.found(), "the visit is not detected by a meeting");
        assertEquals(Map.of("participants", 0, "date", 2, "place", 2, "status", 1), d.right());
        assertEquals(List.of("participants", "date", "place", "status"), List.copyOf(d.right().keySet()));

        // A conference elsewhere on another date, without the gold participant, is not detected.
        SystemItems.Article elsewhere = empty();
        elsewhere.events().add(event("ev/forum", "Conference", "2024-01-01", "place/tokyo", "held"));
        GoldSet.Article forum = article("a");
        forum.events().add(g.events().get(2));
        assertEquals(0, diagnostic(score(forum, elsewhere), Category.EVENTS).found());
    }

    @Test
    void anUnmatchedGoldEventIsJudgedOnItsNearestDetectedEvent() {
        GoldSet.Article g = article("a");
        g.events().add(new GoldSet.Event("summit", "Summit", List.of("xi", "kishida"), "tokyo", "2023-11", "held", false));
        SystemItems.Article s = empty();
        // First in order: only the date right. Second: everything but the date. The second is the counterpart.
        s.events().add(event("ev/1", "Talks", "2023-11-16", null, "cancelled", "person/xi"));
        s.events().add(event("ev/2", "Summit", "2022-11-17", "place/tokyo", "held", "person/xi", "person/kishida"));
        Diagnostic d = diagnostic(score(g, s), Category.EVENTS);
        assertEquals(1, d.found());
        assertEquals(Map.of("participants", 1, "date", 0, "place", 1, "status", 1), d.right());
    }

    @Test
    void quoteDiagnosticsSeparateTheTextFromTheSpeaker() {
        GoldSet.Article g = article("a");
        g.quotes().add(new GoldSet.Quote("xi", "Both sides should", false));
        g.quotes().add(new GoldSet.Quote("kishida", "We will not", false));
        g.quotes().add(new GoldSet.Quote(null, "It was good", false));
        SystemItems.Article s = empty();
        s.quotes().add(new SystemItems.Quote("q1", "Both sides should focus", "person/kishida", "Fumio Kishida", false, EV));
        s.quotes().add(new SystemItems.Quote("q3", "It was good that", "source/one", "one", true, EV));
        Diagnostic d = diagnostic(score(g, s), Category.QUOTES);
        assertEquals(new Diagnostic(3, 2, Map.of("speaker", 1)), d);
    }

    @Test
    void postDiagnosticsCountHoldersThenRoleOfAndFormer() {
        GoldSet.Article g = article("a");
        g.posts().add(new GoldSet.Post("xi", "president", "china", null, false));
        g.posts().add(new GoldSet.Post("kishida", "prime minister", "japan", false, false));
        SystemItems.Article s = empty();
        // Xi's post with a role word missing and described as former; nothing for Kishida.
        s.posts().add(new SystemItems.Post("h", "person/xi", "Chairman of China", "country/china", true, EV));
        Diagnostic d = diagnostic(score(g, s), Category.POSTS);
        assertEquals(2, d.gold());
        assertEquals(1, d.found());
        assertEquals(Map.of("role", 0, "of", 1, "former", 0), d.right());
        assertEquals(List.of("role", "of", "former"), List.copyOf(d.right().keySet()));
    }

    @Test
    void stanceDiagnosticsCountHoldersThenClassAndIssue() {
        GoldSet.Article g = article("a");
        g.stances().add(new GoldSet.Stance("xi", List.of("Taiwan"), "urge", false));
        g.stances().add(new GoldSet.Stance("kishida", List.of("peace"), "support", false));
        SystemItems.Article s = empty();
        s.stances().add(new SystemItems.Stance("s1", "person/xi", "reaffirm", "issue/taiwan", List.of("Taiwan question"),
                new SystemItems.Evidence(0, 6, "stated")));
        // A stance of China, not of Kishida: Kishida's stance is not found.
        s.stances().add(new SystemItems.Stance("s2", "country/china", "support", "issue/peace", List.of("peace"), EV));
        Diagnostic d = diagnostic(score(g, s), Category.STANCES);
        assertEquals(new Diagnostic(2, 1, Map.of("stance", 0, "issue", 1)), d);
    }

    @Test
    void diagnosticsAddUpOverArticles() {
        GoldSet.Article a = article("a"), b = article("b");
        a.quotes().add(new GoldSet.Quote("xi", "Both sides should", false));
        b.quotes().add(new GoldSet.Quote("xi", "Both sides should", false));
        b.quotes().add(new GoldSet.Quote("kishida", "We will not", false));
        SystemItems.Article sa = empty(), sb = empty();
        sa.quotes().add(new SystemItems.Quote("q1", "Both sides should focus", "person/xi", "Xi Jinping", false, EV));
        sb.quotes().add(new SystemItems.Quote("q2", "We will not", "person/xi", "Xi Jinping", false, EV));
        EvalResult r = score(Map.of("a", a, "b", b), Map.of("a", sa, "b", sb), Map.of());
        assertEquals(new Diagnostic(3, 2, Map.of("speaker", 1)), diagnostic(r, Category.QUOTES));
    }

    @Test
    void entityTypesMustAgree() {
        GoldSet.Article g = article("a");
        g.required().add("tokyo");
        SystemItems.Article s = empty();
        // "Tokyo" is a gold name of Japan only as a government, i.e. typed Country; the city is a Place.
        s.mentions().add(new SystemItems.Mention("country/japan", EV));
        s.mentions().add(new SystemItems.Mention("place/tokyo", EV));
        assertEquals(new Score(1, 1, 0), total(score(g, s), Category.ENTITIES));
    }

    @Test
    void aCountryParticipantIsMetByAPersonRepresentingIt() {
        GoldSet.Article g = article("a");
        g.events().add(new GoldSet.Event("e", "Summit", List.of("japan", "china"), null, null, "held", false));
        SystemItems.Article s = empty();
        s.events().add(event("ev", "Summit", null, null, "held", "person/xi", "person/kishida"));
        assertEquals(new Score(1, 0, 0), total(score(g, s), Category.EVENTS));
        SystemItems.Article oneSide = empty();
        oneSide.events().add(event("ev", "Summit", null, null, "held", "person/xi"));
        assertEquals(new Score(0, 1, 1), total(score(g, oneSide), Category.EVENTS));
    }

    @Test
    void datesAgreeToTheGoldsPrecision() {
        SystemItems.Event day = event("e", "Meeting", "2023-11-16", null, "held");
        SystemItems.Event month = event("e", "Meeting", "2023-11", null, "held");
        assertTrue(Scorer.dateAgrees("2023-11", day));
        assertTrue(Scorer.dateAgrees("2023", day));
        assertTrue(Scorer.dateAgrees(null, month));
        assertTrue(!Scorer.dateAgrees("2023-11-16", month), "a month does not meet a gold day");
        assertTrue(!Scorer.dateAgrees("2023-10", day));
        SystemItems.Event span = new SystemItems.Event("e", null, Set.of("Conference"), Set.of(), null, "2023-11-15", "2023-11-17",
                null, null, null, Set.of(), "held", EV);
        assertTrue(Scorer.dateAgrees("2023-11-15/2023-11-17", span));
        assertTrue(Scorer.dateAgrees("2023-11", span));
        assertTrue(!Scorer.dateAgrees("2023-11-15/2023-11-17", day), "one day does not meet a three-day gold span");
        SystemItems.Event undated = event("e", "Meeting", null, null, "held");
        assertTrue(!Scorer.dateAgrees("2023", undated));
    }

    @Test
    void aWrongMergeIsAFalsePositiveAndARightOneATruePositive() {
        GoldSet.Article a = article("a"), b = article("b");
        a.events().add(new GoldSet.Event("summit", "Summit", List.of("xi", "kishida"), null, null, "held", false));
        b.events().add(new GoldSet.Event("summit", "Summit", List.of("xi", "kishida"), null, null, "held", false));
        a.events().add(new GoldSet.Event("visit", "Visit", List.of("kishida"), null, null, "held", false));
        b.events().add(new GoldSet.Event("other-visit", "Visit", List.of("kishida"), null, null, "held", false));
        SystemItems.Article sa = empty(), sb = empty();
        sa.events().add(event("ev/summit", "Summit", null, null, "held", "person/xi", "person/kishida"));
        sb.events().add(event("ev/summit", "Summit", null, null, "held", "person/xi", "person/kishida"));
        sa.events().add(event("ev/visit", "Visit", null, null, "held", "person/kishida"));
        sb.events().add(event("ev/visit", "Visit", null, null, "held", "person/kishida"));
        EvalResult r = score(Map.of("a", a, "b", b), Map.of("a", sa, "b", sb), Map.of());
        assertEquals(new Score(1, 1, 0), total(r, Category.MERGES));
        assertEquals(new Score(4, 0, 0), total(r, Category.EVENTS));

        // The summit reported as two nodes: the gold merge is missed.
        SystemItems.Article split = empty();
        split.events().add(event("ev/summit-2", "Summit", null, null, "held", "person/xi", "person/kishida"));
        r = score(Map.of("a", a, "b", b), Map.of("a", sa, "b", split), Map.of());
        assertEquals(0, total(r, Category.MERGES).tp());
        assertEquals(1, total(r, Category.MERGES).fn());
    }

    @Test
    void aMergeIsAboutIdentityNotAttributes() {
        GoldSet.Article a = article("a"), b = article("b");
        a.events().add(new GoldSet.Event("summit", "Summit", List.of("xi", "kishida"), null, "2023-11", "held", false));
        b.events().add(new GoldSet.Event("summit", "Summit", List.of("xi", "kishida"), null, "2023-11", "held", false));
        SystemItems.Article sa = empty(), sb = empty();
        // One node for both reports, but undated: the events miss, the merge is made.
        sa.events().add(event("ev/summit", "Summit", null, null, "held", "person/xi", "person/kishida"));
        sb.events().add(event("ev/summit", "Summit", null, null, "held", "person/xi", "person/kishida"));
        EvalResult r = score(Map.of("a", a, "b", b), Map.of("a", sa, "b", sb), Map.of());
        assertEquals(new Score(0, 2, 2), total(r, Category.EVENTS));
        assertEquals(new Score(1, 0, 0), total(r, Category.MERGES));

        // Two candidates in one article for the same gold event: no identification, so no merge credit.
        sb.events().add(event("ev/summit-2", "Meeting", null, null, "held", "person/xi", "person/kishida"));
        r = score(Map.of("a", a, "b", b), Map.of("a", sa, "b", sb), Map.of());
        assertEquals(new Score(0, 0, 1), total(r, Category.MERGES));
    }

    @Test
    void linksAreCheckedWhereTheGoldGivesAQid() {
        GoldSet.Article g = article("a");
        g.required().addAll(List.of("japan", "china", "xi", "kishida"));
        SystemItems.Article s = empty();
        for (String n : List.of("country/japan", "country/china", "person/xi", "person/kishida"))
            s.mentions().add(new SystemItems.Mention(n, EV));
        // Japan right, China wrong, Xi missing, Kishida has no gold Q-id (not scored).
        EvalResult r = score(Map.of("a", g), Map.of("a", s), Map.of("country/japan", "Q17", "country/china", "Q1", "person/kishida", "Q5"));
        assertEquals(new Score(1, 1, 1), total(r, Category.LINKS));
    }

    @Test
    void postsNeedEveryRoleWordAndTheFormerFlag() {
        GoldSet.Article g = article("a");
        g.posts().add(new GoldSet.Post("kishida", "prime minister", "japan", false, false));
        SystemItems.Article current = empty();
        current.posts().add(new SystemItems.Post("h", "person/kishida", "Prime Minister of Japan", "country/japan", false, EV));
        assertEquals(new Score(0, 1, 1), total(score(g, current), Category.POSTS));
        SystemItems.Article former = empty();
        former.posts().add(new SystemItems.Post("h", "person/kishida", "Prime Minister of Japan", "country/japan", true, EV));
        assertEquals(new Score(1, 0, 0), total(score(g, former), Category.POSTS));
        SystemItems.Article minister = empty();
        minister.posts().add(new SystemItems.Post("h", "person/kishida", "Minister of Japan", "country/japan", true, EV));
        assertEquals(new Score(0, 1, 1), total(score(g, minister), Category.POSTS));
    }

    static SystemItems.Evidence by(String... rules) { return new SystemItems.Evidence(0, 1, "x", List.of(rules)); }

    @Test
    void eachRuleGetsTheTruePositivesAndFalsePositivesOfItsItems() {
        // Two articles; events from three rules, one event found by two rules (a trigger and the antecedent pass).
        GoldSet.Article a = article("a");
        a.events().add(new GoldSet.Event("summit", "Summit", List.of("japan", "china"), null, null, null, false));
        a.events().add(new GoldSet.Event("visit", "Visit", List.of("xi"), "tokyo", null, null, false));
        a.events().add(new GoldSet.Event("call", "PhoneCall", List.of("kishida"), null, null, null, true));
        SystemItems.Article sa = empty();
        sa.events().add(new SystemItems.Event("ev/1", null, Set.of("Meeting"), Set.of("country/japan", "country/china"), null, null,
                null, null, null, null, Set.of(), "held", by("event.trigger:meet", "event.trigger:summit+antecedent")));
        // a right type but the wrong place: a false positive of the visit trigger (and the gold visit a false negative)
        sa.events().add(new SystemItems.Event("ev/2", null, Set.of("Visit"), Set.of("person/xi"), null, null, null, null, null,
                "country/china", Set.of("country/china"), "held", by("event.trigger:visit")));
        // matches only the optional gold call: counted for no rule
        sa.events().add(new SystemItems.Event("ev/3", null, Set.of("Talks"), Set.of("person/kishida"), null, null, null, null, null,
                null, Set.of(), "held", by("event.trigger:talk")));
        GoldSet.Article b = article("b");
        b.events().add(new GoldSet.Event("visit2", "Visit", List.of("kishida"), null, null, null, false));
        SystemItems.Article sb = empty();
        sb.events().add(new SystemItems.Event("ev/4", null, Set.of("Visit"), Set.of("person/kishida"), null, null, null, null, null,
                null, Set.of(), "held", by("event.trigger:visit")));
        // the KG names no rule for this one: tallied under NO_RULE
        sb.events().add(event("ev/5", "Conference", null, null, "held", "country/japan"));
        sb.mentions().add(new SystemItems.Mention("person/kishida", by("mention.surname", "mention.reference-name")));
        b.required().add("kishida");
        EvalResult r = score(Map.of("a", a, "b", b), Map.of("a", sa, "b", sb), Map.of());

        assertEquals(new Score(2, 2, 1), total(r, Category.EVENTS), "the category's own counts: " + r.findings());
        Map<String, Score> events = r.byRule().get(Category.EVENTS);
        assertEquals(Map.of(
                "event.trigger:meet", new Score(1, 0, 0),
                "event.trigger:summit+antecedent", new Score(1, 0, 0),
                "event.trigger:visit", new Score(1, 1, 0),
                Scorer.NO_RULE, new Score(0, 1, 0)), events);
        assertEquals(List.of(Scorer.NO_RULE, "event.trigger:meet", "event.trigger:summit+antecedent", "event.trigger:visit"),
                List.copyOf(events.keySet()), "rules sorted by id");
        assertEquals(Map.of("mention.reference-name", new Score(1, 0, 0), "mention.surname", new Score(1, 0, 0)),
                r.byRule().get(Category.ENTITIES));
        assertTrue(!r.byRule().containsKey(Category.LINKS) && !r.byRule().containsKey(Category.MERGES),
                "links and merges are not made by extraction rules");

        String table = Report.byRule(r);
        assertTrue(table.lines().anyMatch(l -> l.matches("events\\s+event\\.trigger:visit\\s+1\\s+1\\s+0\\.500")), table);
        String json = Report.json(r, true);
        assertTrue(json.contains("\"event.trigger:visit\": {\"tp\": 1, \"fp\": 1, \"precision\": 0.5000}"), json);
        assertTrue(!Report.json(r).contains("byRule"), "the JSON gains byRule only when asked");
    }

    @Test
    void matchingIsOneToOneAndMaximal() {
        // Gold 0 could take either system item, gold 1 only the first: a greedy pass would match one.
        Matching.Outcome o = Matching.match(List.of("ab", "a"), x -> false, List.of("a", "b"), (g, s) -> g.contains(s));
        assertEquals(List.of(), o.fn());
        assertEquals(List.of(), o.fp());
        assertEquals(1, o.systemOf(0));
        assertEquals(0, o.systemOf(1));
    }

    @Test
    void namesFoldCaseQuotesAndDashes() {
        assertEquals(Names.normalize("China\u2019s  \u201CNew\u201D Era \u2013 2023"), Names.normalize("china's \"new\" era - 2023"));
        assertEquals("tokyo", Names.goldName("Tokyo (as government)"));
        assertTrue(Names.startsWith("\u201CChina\u2019s and Japan\u2019s concerns", "China's and Japan's"));
    }
}
