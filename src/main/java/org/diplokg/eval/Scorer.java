package org.diplokg.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Scores the KG's items against a gold set exactly as data/gold/FORMAT.md says, per category and article, with
 * these decisions where FORMAT.md leaves room:
 * <ul>
 * <li>Matching is one-to-one and maximal ({@link Matching}): a gold item is met by at most one system item and a
 *     system item meets at most one gold item; a second node for an already matched entity is a false positive.
 *     A system item that matches only an optional gold item is ignored.</li>
 * <li>Entities resolve by name and type ({@link EntityResolver}); names compare after {@link Names#normalize}.</li>
 * <li>Events: Summit, Meeting, Talks and PhoneCall are one type family (a phone or video call is talks held at a
 *     distance, FORMAT.md); Visit, Conference, Commemoration, Interview and Agreement each their own (the system's
 *     dkg:Speech matches no gold type). A gold country participant is also
 *     met by a participant who represents it (holds a post of that country or of one of its organisations).
 *     Dates: the system's day, span or vague range must lie within the gold date at the gold's precision
 *     ({@code 2023-11} is met by 2023-11-16, not by 2023; {@code 2023-11-15/2023-11-17} needs that start and
 *     end); a null gold date or place is not scored. A gold place is also met by a place inside it
 *     (San Francisco meets "usa"). Status must be equal where the gold gives one.</li>
 * <li>Merges: a gold event id required in several articles is correct when the system events identified with it
 *     in each of them are one IRI; otherwise a false negative. Identified = matched as an event, or else the only
 *     unmatched system event of its type family with all its participants (identity, not attributes, is what a
 *     merge is about; wrong dates or places already count under events). A system event matched in two articles to different
 *     gold events is a wrong merge, a false positive.</li>
 * <li>Posts: holder, all role words among the post label's words, {@code of} is the post's organisation or
 *     country or contains it, and the holding is described as former exactly when the gold says
 *     {@code current: false}. {@code to} is not scored.</li>
 * <li>Quotes: the quoted text starts with {@code starts}; {@code speaker: null} is met only by an unnamed source
 *     or no attribution; a wrong speaker is one false positive and one false negative.</li>
 * <li>Stances: holder, stance class, and a gold issue keyword in the issue's labels or the evidence sentence.</li>
 * <li>Documents: the document, and its signing date starting with the gold date where that is set. A document the
 *     gold lists as an optional entity of the article is optional here too.</li>
 * <li>Concepts: each relation is one item, read from the article's own graph; an event id value is met by the
 *     system event matched to that gold event in the same article, a date value by a target dated within it.</li>
 * <li>Links: over the required gold entities with a Q-id that the system matched: the same Q-id is a true
 *     positive, another Q-id a false positive, none a false negative.</li>
 * </ul>
 * <p>Diagnostics ({@link Diagnostic}) say which mechanism to fix first. For each required gold item of four
 * categories: is it <em>found</em> at all, and if so, which attributes its <em>counterpart</em> has right. The
 * counterpart is the system item matched to it (a true positive, so everything is right), or else, of the system
 * items of the article that pass the category's "found" test, the one that passes the most attribute checks (the
 * first in the KG's order on ties; it may be matched to another gold item). Each attribute check is the scoring
 * check of that name above, so a gold attribute that is not scored (a null date, place or status) counts as right.
 * <ul>
 * <li>Events: found = a system event of the same type family that has at least one of the gold participants (a
 *     country also met by a person representing it), or that agrees with the gold place and date where the gold
 *     gives both; attributes participants (all of them), date, place, status.</li>
 * <li>Quotes: found = a system quotation whose text starts with {@code starts}; attribute speaker.</li>
 * <li>Posts: found = a post claim of the gold holder; attributes role (every role word), of, former (the former
 *     flag as the gold's {@code current} says).</li>
 * <li>Stances: found = a stance of the gold holder; attributes stance (the class) and issue.</li>
 * </ul>
 * <p>By rule ({@code kg eval --by-rule}): in each category whose items come from extraction rules, every system
 * item counts for each rule of its evidence in the article (usually one): a true positive when it is matched to a
 * required gold item, a false positive when it is a false positive of the category, nothing when it only matches an
 * optional gold item. A false negative has no system item, so no rule; the category's table gives those.
 */
public final class Scorer {
    /** The rule an item is tallied under when its evidence names none. */
    public static final String NO_RULE = "(no rule)";

    private static final Pattern DATE_VALUE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final GoldSet gold;
    private final SystemItems system;
    private final EntityResolver resolver;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Category, Map<String, Score>> byRule = new EnumMap<>(Category.class);

    private Scorer(GoldSet gold, SystemItems system) {
        this.gold = gold;
        this.system = system;
        this.resolver = new EntityResolver(gold.entities(), system.entities());
    }

    public static EvalResult score(GoldSet gold, SystemItems system) {
        return new Scorer(gold, system).run();
    }

    /** A named condition of a match, so that near misses can say which conditions failed. */
    private record Check<G, S>(String name, BiPredicate<G, S> test) {}

    private EvalResult run() {
        Map<String, Map<Category, Score>> articles = new TreeMap<>();
        Map<String, Map<String, String>> eventAssignments = new TreeMap<>();
        Map<Category, Diagnostic> diagnostics = new EnumMap<>(Category.class);
        for (GoldSet.Article a : gold.articles()) {
            SystemItems.Article s = system.articles().getOrDefault(a.stem(), SystemItems.Article.EMPTY);
            Map<Category, Score> scores = new EnumMap<>(Category.class);
            Map<String, String> assigned = new HashMap<>();
            Map<Category, Diagnostic> diagnosed = new EnumMap<>(Category.class);
            List<Map.Entry<GoldSet.Entity, String>> matchedEntities = new ArrayList<>();
            scores.put(Category.ENTITIES, entities(a, s, matchedEntities));
            scores.put(Category.POSTS, posts(a, s, diagnosed));
            Map<String, String> identified = new HashMap<>();
            scores.put(Category.EVENTS, events(a, s, assigned, identified, diagnosed));
            scores.put(Category.QUOTES, quotes(a, s, diagnosed));
            scores.put(Category.STANCES, stances(a, s, diagnosed));
            scores.put(Category.DOCUMENTS, documents(a, s));
            scores.put(Category.CONCEPTS, concepts(a, s, assigned));
            scores.put(Category.LINKS, links(a, matchedEntities));
            scores.put(Category.MERGES, Score.ZERO);
            articles.put(a.stem(), scores);
            eventAssignments.put(a.stem(), identified);
            diagnosed.forEach((c, d) -> diagnostics.merge(c, d, Diagnostic::plus));
        }
        Map<Category, Score> total = new EnumMap<>(Category.class);
        for (Category c : Category.values()) total.put(c, Score.ZERO);
        for (Map<Category, Score> m : articles.values())
            m.forEach((c, sc) -> { if (c != Category.MERGES) total.merge(c, sc, Score::plus); });
        total.put(Category.MERGES, merges(eventAssignments, articles));
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing(Finding::stem).thenComparing(Finding::category));
        Map<Category, Map<String, Score>> rules = new EnumMap<>(Category.class);
        byRule.forEach((c, m) -> rules.put(c, java.util.Collections.unmodifiableMap(m)));
        return new EvalResult(articles, total, diagnostics, List.copyOf(sorted), rules);
    }

    // ---- categories -------------------------------------------------------------------------------------------

    private record GoldEntity(GoldSet.Entity entity, boolean optional) {}

    private Score entities(GoldSet.Article a, SystemItems.Article s, List<Map.Entry<GoldSet.Entity, String>> matched) {
        List<GoldEntity> g = new ArrayList<>();
        a.required().forEach(id -> g.add(new GoldEntity(gold.entities().get(id), false)));
        a.optional().forEach(id -> g.add(new GoldEntity(gold.entities().get(id), true)));
        List<Check<GoldEntity, SystemItems.Mention>> checks = List.of(
                new Check<>("name", (x, m) -> resolver.sameName(m.entity()).contains(x.entity().id())),
                new Check<>("type", (x, m) -> type(m.entity()).equals(x.entity().type())));
        Matching.Outcome o = category(Category.ENTITIES, a.stem(), g, GoldEntity::optional, s.mentions(), checks,
                x -> x.entity().type() + " " + x.entity().id() + " " + x.entity().names(),
                m -> type(m.entity()) + " " + resolver.label(m.entity()) + " <" + m.entity() + ">",
                SystemItems.Mention::evidence,
                x -> x.entity().names().stream().map(n -> n.replaceAll("\\s*\\([^()]*\\)$", "")).collect(Collectors.joining("|")));
        for (int i = 0; i < g.size(); i++)
            if (!g.get(i).optional() && o.systemOf(i) >= 0)
                matched.add(Map.entry(g.get(i).entity(), s.mentions().get(o.systemOf(i)).entity()));
        return score(o, g, GoldEntity::optional);
    }

    private Score posts(GoldSet.Article a, SystemItems.Article s, Map<Category, Diagnostic> diagnosed) {
        Check<GoldSet.Post, SystemItems.Post> holder = new Check<>("holder", (g, p) -> resolver.is(p.holder(), g.holder()));
        List<Check<GoldSet.Post, SystemItems.Post>> attributes = List.of(
                new Check<>("role", (g, p) -> Names.words(p.postLabel()).containsAll(Names.words(g.role()))),
                new Check<>("of", (g, p) -> g.of() == null || resolver.isOrRepresents(p.of(), g.of())),
                new Check<>("former", (g, p) -> Boolean.FALSE.equals(g.current()) == p.former()));
        List<Check<GoldSet.Post, SystemItems.Post>> checks = prepend(holder, attributes);
        Matching.Outcome o = category(Category.POSTS, a.stem(), a.posts(), GoldSet.Post::optional, s.posts(), checks,
                g -> g.holder() + ": " + g.role() + (g.of() != null ? " of " + g.of() : "") + (Boolean.FALSE.equals(g.current()) ? " (former)" : ""),
                p -> resolver.label(p.holder()) + ": " + p.postLabel() + " [in " + resolver.label(p.of()) + "]" + (p.former() ? " (former)" : ""),
                SystemItems.Post::evidence, g -> null);
        diagnosed.put(Category.POSTS, diagnose(a.posts(), GoldSet.Post::optional, s.posts(), o, holder.test(), attributes));
        return score(o, a.posts(), GoldSet.Post::optional);
    }

    private Score events(GoldSet.Article a, SystemItems.Article s, Map<String, String> assigned, Map<String, String> identified,
                         Map<Category, Diagnostic> diagnosed) {
        Check<GoldSet.Event, SystemItems.Event> type =
                new Check<>("type", (g, e) -> e.types().stream().map(Scorer::family).anyMatch(family(g.type())::equals));
        Check<GoldSet.Event, SystemItems.Event> participants = new Check<>("participants", (g, e) -> g.participants().stream()
                .allMatch(p -> e.participants().stream().anyMatch(x -> resolver.isOrRepresents(x, p))));
        Check<GoldSet.Event, SystemItems.Event> date = new Check<>("date", (g, e) -> dateAgrees(g.date(), e));
        Check<GoldSet.Event, SystemItems.Event> place =
                new Check<>("place", (g, e) -> g.place() == null || e.placeWithin().stream().anyMatch(x -> resolver.is(x, g.place())));
        List<Check<GoldSet.Event, SystemItems.Event>> attributes = List.of(participants, date, place,
                new Check<>("status", (g, e) -> g.status() == null || g.status().equals(e.status())));
        List<Check<GoldSet.Event, SystemItems.Event>> checks = prepend(type, attributes);
        Matching.Outcome o = category(Category.EVENTS, a.stem(), a.events(), GoldSet.Event::optional, s.events(), checks,
                g -> g.type() + " " + g.participants() + " date " + g.date() + " place " + g.place() + " " + g.status() + " (" + g.id() + ")",
                this::describe, SystemItems.Event::evidence, g -> null);
        BiPredicate<GoldSet.Event, SystemItems.Event> detected = (g, e) -> type.test().test(g, e)
                && (g.participants().stream().anyMatch(p -> e.participants().stream().anyMatch(x -> resolver.isOrRepresents(x, p)))
                    || g.place() != null && g.date() != null && place.test().test(g, e) && date.test().test(g, e));
        diagnosed.put(Category.EVENTS, diagnose(a.events(), GoldSet.Event::optional, s.events(), o, detected, attributes));
        for (int i = 0; i < a.events().size(); i++)
            if (o.systemOf(i) >= 0) assigned.put(a.events().get(i).id(), s.events().get(o.systemOf(i)).iri());
        // For the merges line only identity matters: a gold event whose attributes the system got wrong is
        // still identified with the one system event of its type family that has all its participants.
        Set<String> taken = new HashSet<>(assigned.values());
        for (GoldSet.Event g : a.events()) {
            if (assigned.containsKey(g.id())) { identified.put(g.id(), assigned.get(g.id())); continue; }
            List<String> candidates = s.events().stream().filter(e -> !taken.contains(e.iri()))
                    .filter(e -> type.test().test(g, e) && participants.test().test(g, e) && !g.participants().isEmpty())
                    .map(SystemItems.Event::iri).distinct().toList();
            if (candidates.size() == 1) identified.put(g.id(), candidates.get(0));
        }
        return score(o, a.events(), GoldSet.Event::optional);
    }

    private Score quotes(GoldSet.Article a, SystemItems.Article s, Map<Category, Diagnostic> diagnosed) {
        Check<GoldSet.Quote, SystemItems.Quote> text = new Check<>("text", (g, q) -> Names.startsWith(q.text(), g.starts()));
        List<Check<GoldSet.Quote, SystemItems.Quote>> attributes = List.of(
                new Check<>("speaker", (g, q) -> g.speaker() == null ? q.unnamed() : resolver.is(q.speaker(), g.speaker())));
        List<Check<GoldSet.Quote, SystemItems.Quote>> checks = prepend(text, attributes);
        Matching.Outcome o = category(Category.QUOTES, a.stem(), a.quotes(), GoldSet.Quote::optional, s.quotes(), checks,
                g -> (g.speaker() == null ? "(unnamed)" : g.speaker()) + ": \"" + g.starts() + "...\"",
                q -> (q.speaker() != null ? resolver.label(q.speaker()) : "(unnamed: " + q.speakerLabel() + ")") + ": \"" + abbreviate(q.text()) + "\"",
                SystemItems.Quote::evidence, GoldSet.Quote::starts);
        diagnosed.put(Category.QUOTES, diagnose(a.quotes(), GoldSet.Quote::optional, s.quotes(), o, text.test(), attributes));
        return score(o, a.quotes(), GoldSet.Quote::optional);
    }

    private Score stances(GoldSet.Article a, SystemItems.Article s, Map<Category, Diagnostic> diagnosed) {
        Check<GoldSet.Stance, SystemItems.Stance> holder = new Check<>("holder", (g, x) -> resolver.is(x.holder(), g.holder()));
        List<Check<GoldSet.Stance, SystemItems.Stance>> attributes = List.of(
                new Check<>("stance", (g, x) -> g.stance().equals(x.stance())),
                new Check<>("issue", (g, x) -> g.issue().stream().anyMatch(k ->
                        x.issueLabels().stream().anyMatch(l -> Names.contains(l, k)) || Names.contains(x.evidence().text(), k))));
        List<Check<GoldSet.Stance, SystemItems.Stance>> checks = prepend(holder, attributes);
        Matching.Outcome o = category(Category.STANCES, a.stem(), a.stances(), GoldSet.Stance::optional, s.stances(), checks,
                g -> g.holder() + ": " + g.stance() + " " + g.issue(),
                x -> resolver.label(x.holder()) + ": " + x.stance() + " (" + (x.issueLabels().isEmpty() ? x.issue() : x.issueLabels().get(0)) + ")",
                SystemItems.Stance::evidence, g -> null);
        diagnosed.put(Category.STANCES, diagnose(a.stances(), GoldSet.Stance::optional, s.stances(), o, holder.test(), attributes));
        return score(o, a.stances(), GoldSet.Stance::optional);
    }

    private Score documents(GoldSet.Article a, SystemItems.Article s) {
        List<GoldSet.DocumentItem> g = new ArrayList<>(a.documents());
        Set<String> listed = a.documents().stream().map(GoldSet.DocumentItem::id).collect(Collectors.toSet());
        for (String id : a.optional())
            if (gold.entities().get(id).type().equals("Document") && !listed.contains(id)) g.add(new GoldSet.DocumentItem(id, null, true));
        List<Check<GoldSet.DocumentItem, SystemItems.Document>> checks = List.of(
                new Check<>("document", (d, x) -> resolver.is(x.iri(), d.id())),
                new Check<>("date", (d, x) -> d.date() == null || (x.date() != null && x.date().startsWith(d.date()))));
        Matching.Outcome o = category(Category.DOCUMENTS, a.stem(), g, GoldSet.DocumentItem::optional, s.documents(), checks,
                d -> d.id() + (d.date() != null ? " (" + d.date() + ")" : ""),
                x -> resolver.label(x.iri()) + (x.date() != null ? " (" + x.date() + ")" : ""),
                SystemItems.Document::evidence, d -> null);
        return score(o, g, GoldSet.DocumentItem::optional);
    }

    private Score concepts(GoldSet.Article a, SystemItems.Article s, Map<String, String> assigned) {
        List<Check<GoldSet.ConceptRelation, SystemItems.ConceptRelation>> checks = List.of(
                new Check<>("concept", (g, x) -> resolver.is(x.concept(), g.concept())),
                new Check<>("relation", (g, x) -> g.relation().equals(x.relation())),
                new Check<>("value", (g, x) -> valueAgrees(g.value(), x, assigned)));
        Matching.Outcome o = category(Category.CONCEPTS, a.stem(), a.concepts(), GoldSet.ConceptRelation::optional, s.concepts(), checks,
                g -> g.concept() + " " + g.relation() + " " + g.value(),
                x -> resolver.label(x.concept()) + " " + x.relation() + " " + label(x.target()) + (x.targetDate() != null ? " (" + x.targetDate() + ")" : ""),
                SystemItems.ConceptRelation::evidence, g -> null);
        return score(o, a.concepts(), GoldSet.ConceptRelation::optional);
    }

    private Score links(GoldSet.Article a, List<Map.Entry<GoldSet.Entity, String>> matched) {
        int tp = 0, fp = 0, fn = 0;
        for (var m : matched) {
            GoldSet.Entity g = m.getKey();
            if (g.wikidata() == null) continue;
            String q = system.wikidata().get(m.getValue());
            String what = g.id() + " = " + resolver.label(m.getValue()) + " <" + m.getValue() + ">";
            if (g.wikidata().equals(q)) tp++;
            else if (q != null) {
                fp++;
                findings.add(new Finding(a.stem(), Category.LINKS, true, what + " linked to " + q + ", gold " + g.wikidata(), null, null, null));
            } else {
                fn++;
                findings.add(new Finding(a.stem(), Category.LINKS, false, what + " has no Wikidata link, gold " + g.wikidata(), null, null, null));
            }
        }
        return new Score(tp, fp, fn);
    }

    private Score merges(Map<String, Map<String, String>> assignments, Map<String, Map<Category, Score>> articles) {
        // Gold cross-article events: ids required in two or more articles.
        Map<String, List<String>> stemsOf = new TreeMap<>();
        for (GoldSet.Article a : gold.articles())
            for (GoldSet.Event e : a.events()) if (!e.optional()) stemsOf.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(a.stem());
        int tp = 0, fp = 0, fn = 0;
        for (var e : stemsOf.entrySet()) {
            if (e.getValue().size() < 2) continue;
            Set<String> iris = new LinkedHashSet<>();
            boolean missing = false;
            for (String stem : e.getValue()) {
                String iri = assignments.get(stem).get(e.getKey());
                if (iri == null) missing = true; else iris.add(iri);
            }
            boolean ok = !missing && iris.size() == 1;
            if (ok) tp++; else fn++;
            for (String stem : e.getValue())
                articles.get(stem).merge(Category.MERGES, ok ? new Score(1, 0, 0) : new Score(0, 0, 1), Score::plus);
            if (!ok) {
                String how = e.getValue().stream().map(st -> st + ": " + label(assignments.get(st).get(e.getKey())))
                        .collect(Collectors.joining("; "));
                for (String stem : e.getValue())
                    findings.add(new Finding(stem, Category.MERGES, false, e.getKey() + " in " + e.getValue().size()
                            + " articles is not one node (" + how + ")", null, null, null));
            }
        }
        // Wrong merges: one system event matched to different gold events in different articles.
        Map<String, Map<String, String>> goldBySystem = new TreeMap<>();
        assignments.forEach((stem, m) -> m.forEach((goldId, iri) -> goldBySystem.computeIfAbsent(iri, k -> new TreeMap<>()).put(stem, goldId)));
        for (var e : goldBySystem.entrySet()) {
            if (new TreeSet<>(e.getValue().values()).size() < 2) continue;
            fp++;
            for (String stem : e.getValue().keySet()) {
                articles.get(stem).merge(Category.MERGES, new Score(0, 1, 0), Score::plus);
                findings.add(new Finding(stem, Category.MERGES, true, "<" + e.getKey() + "> joins different gold events " + e.getValue(),
                        null, null, null));
            }
        }
        return new Score(tp, fp, fn);
    }

    // ---- matching with explanations ---------------------------------------------------------------------------

    private <G, S> Matching.Outcome category(Category cat, String stem, List<G> gold, Predicate<G> optional, List<S> sys,
                                             List<Check<G, S>> checks, Function<G, String> describeGold,
                                             Function<S, String> describeSystem, Function<S, SystemItems.Evidence> evidence,
                                             Function<G, String> locate) {
        Matching.Outcome o = Matching.match(gold, optional, sys, (g, s) -> checks.stream().allMatch(c -> c.test().test(g, s)));
        tallyRules(cat, o, gold, optional, sys, evidence);
        for (int g : o.fn()) {
            String near = nearest(gold.get(g), sys, checks, (x, s) -> failed(checks, x, s), describeSystem);
            findings.add(new Finding(stem, cat, false, describeGold.apply(gold.get(g)), null, locate.apply(gold.get(g)), near));
        }
        List<G> required = gold.stream().filter(optional.negate()).toList();
        for (int s : o.fp()) {
            S item = sys.get(s);
            String near = nearest(item, required, checks, (x, gg) -> failed(checks, gg, x), describeGold);
            findings.add(new Finding(stem, cat, true, describeSystem.apply(item), evidence.apply(item), null, near));
        }
        return o;
    }

    /** Each system item's true or false positive, under each rule of its evidence (class javadoc, "By rule"). */
    private <G, S> void tallyRules(Category cat, Matching.Outcome o, List<G> gold, Predicate<G> optional, List<S> sys,
                                   Function<S, SystemItems.Evidence> evidence) {
        Set<Integer> right = new HashSet<>();
        for (int g = 0; g < gold.size(); g++)
            if (o.systemOf(g) >= 0 && !optional.test(gold.get(g))) right.add(o.systemOf(g));
        Set<Integer> wrong = new HashSet<>(o.fp());
        Map<String, Score> tally = byRule.computeIfAbsent(cat, c -> new TreeMap<>());
        for (int s = 0; s < sys.size(); s++) {
            Score add = right.contains(s) ? new Score(1, 0, 0) : wrong.contains(s) ? new Score(0, 1, 0) : null;
            if (add == null) continue;
            List<String> rules = evidence.apply(sys.get(s)).rules();
            for (String r : rules.isEmpty() ? List.of(NO_RULE) : rules) tally.merge(r, add, Score::plus);
        }
    }

    private static <G, S> List<Check<G, S>> prepend(Check<G, S> first, List<Check<G, S>> rest) {
        List<Check<G, S>> out = new ArrayList<>(List.of(first));
        out.addAll(rest);
        return List.copyOf(out);
    }

    /**
     * The diagnostic of one category in one article (class javadoc): each required gold item's counterpart is its
     * matched system item, or else the found system item passing the most attribute checks.
     */
    private static <G, S> Diagnostic diagnose(List<G> gold, Predicate<G> optional, List<S> sys, Matching.Outcome o,
                                              BiPredicate<G, S> found, List<Check<G, S>> attributes) {
        int required = 0, withCounterpart = 0;
        int[] right = new int[attributes.size()];
        for (int g = 0; g < gold.size(); g++) {
            G item = gold.get(g);
            if (optional.test(item)) continue;
            required++;
            S counterpart = o.systemOf(g) >= 0 ? sys.get(o.systemOf(g)) : null;
            int best = -1;
            if (counterpart == null)
                for (S s : sys) {
                    if (!found.test(item, s)) continue;
                    int passes = (int) attributes.stream().filter(c -> c.test().test(item, s)).count();
                    if (passes > best) { best = passes; counterpart = s; }
                }
            if (counterpart == null) continue;
            withCounterpart++;
            for (int i = 0; i < attributes.size(); i++) if (attributes.get(i).test().test(item, counterpart)) right[i]++;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < attributes.size(); i++) counts.put(attributes.get(i).name(), right[i]);
        return new Diagnostic(required, withCounterpart, counts);
    }

    private static <G, S> List<String> failed(List<Check<G, S>> checks, G g, S s) {
        List<String> out = new ArrayList<>();
        for (Check<G, S> c : checks) if (!c.test().test(g, s)) out.add(c.name());
        return out;
    }

    /** The item of {@code others} that fails fewest checks (but passes the first one, the item's identity), described with what fails. */
    private static <A, B> String nearest(A item, List<B> others, List<? extends Check<?, ?>> checks,
                                         BiPredicateList<A, B> failedChecks, Function<B, String> describe) {
        B best = null;
        List<String> bestFailed = null;
        for (B other : others) {
            List<String> f = failedChecks.failed(item, other);
            if (f.contains(checks.get(0).name()) || f.isEmpty()) continue;
            if (bestFailed == null || f.size() < bestFailed.size()) { best = other; bestFailed = f; }
        }
        return best == null ? null : describe.apply(best) + " -- differs in " + String.join(", ", bestFailed);
    }

    private interface BiPredicateList<A, B> { List<String> failed(A a, B b); }

    private static <G> Score score(Matching.Outcome o, List<G> gold, Predicate<G> optional) {
        List<Boolean> opt = gold.stream().map(optional::test).toList();
        return new Score(o.tp(opt), o.fp().size(), o.fn().size());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Summit, Meeting, Talks and PhoneCall are one family; every other type is its own. */
    static String family(String type) {
        return switch (type) {
            case "Summit", "Meeting", "Talks", "PhoneCall" -> "Meeting";
            default -> type;
        };
    }

    /** Whether the system's date (day, span or vague range) lies within the gold date at the gold's precision. */
    static boolean dateAgrees(String goldDate, SystemItems.Event e) {
        if (goldDate == null) return true;
        String from, to;
        if (e.date() != null) { from = e.date(); to = e.date(); }
        else if (e.start() != null) { from = e.start(); to = e.end() != null ? e.end() : e.start(); }
        else if (e.earliest() != null) { from = e.earliest(); to = e.latest() != null ? e.latest() : e.earliest(); }
        else return false;
        String[] g = goldDate.split("/");
        String gFrom = g[0], gTo = g.length > 1 ? g[1] : g[0];
        return from.startsWith(gFrom) && to.startsWith(gTo);
    }

    private boolean valueAgrees(String value, SystemItems.ConceptRelation x, Map<String, String> assigned) {
        if (DATE_VALUE.matcher(value).matches()) return x.targetDate() != null && x.targetDate().startsWith(value);
        if (gold.entities().containsKey(value)) return resolver.is(x.target(), value);
        return x.target() != null && x.target().equals(assigned.get(value));
    }

    private String type(String iri) {
        SystemItems.Entity e = system.entities().get(iri);
        return e == null || e.type() == null ? "?" : e.type();
    }

    private String label(String iri) {
        if (iri == null) return "none";
        SystemItems.Entity e = system.entities().get(iri);
        if (e != null) return resolver.label(iri);
        for (SystemItems.Article a : system.articles().values())
            for (SystemItems.Event ev : a.events()) if (ev.iri().equals(iri) && ev.label() != null) return ev.label() + " <" + iri + ">";
        return "<" + iri + ">";
    }

    private String describe(SystemItems.Event e) {
        String who = e.participants().stream().map(resolver::label).sorted().collect(Collectors.joining(", "));
        String date = e.date() != null ? e.date() : e.start() != null ? e.start() + "/" + e.end()
                : e.earliest() != null ? "~" + e.earliest() + "/" + e.latest() : null;
        return String.join("/", e.types()) + " [" + who + "] date " + date + " place " + (e.place() != null ? resolver.label(e.place()) : null)
                + " " + e.status() + " <" + e.iri() + ">";
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
