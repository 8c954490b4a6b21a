package org.diplokg.convert.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.diplokg.convert.CorpusStage;
import org.diplokg.convert.Iris;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.EventClaim;
import org.diplokg.convert.model.EventType;
import org.diplokg.convert.model.PostClaim;
import org.diplokg.store.KgDataset;

/**
 * Gives every event its IRI, the same IRI for reports of one real-world event (in one article or several).
 * Two reports are one event only when nothing speaks against it and enough speaks for it: the same type
 * family, dates that are both known and agree to the coarser precision, the same countries represented
 * (a person stands for the country whose post they hold), and compatible places. A wrong merge is worse
 * than a missed one, so an undated report is never merged.
 */
public final class MergeStage implements CorpusStage {
    private final Map<String, Set<String>> referenceCountries = new HashMap<>();

    public MergeStage(ReferenceIndex reference) {
        String q = KgDataset.resource("/convert/reference/person-countries.rq");
        var dsg = reference.dataset();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> referenceCountries
                        .computeIfAbsent(s.getResource("person").getURI(), k -> new TreeSet<>())
                        .add(s.getResource("country").getURI()));
            }
        });
    }

    @Override
    public void process(List<ArticleDocument> docs) {
        List<Report> reports = new ArrayList<>();
        for (ArticleDocument d : docs) {
            Map<String, Set<String>> fromPosts = countriesFromPosts(d);
            for (EventClaim e : d.events)
                reports.add(new Report(d.article.stem(), e, countries(e, fromPosts)));
        }
        // Step 1: reports dated to the day that agree on everything are one event.
        int[] parent = new int[reports.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int i = 0; i < reports.size(); i++)
            for (int j = i + 1; j < reports.size(); j++)
                if (dayPrecise(reports.get(i)) && dayPrecise(reports.get(j)) && sameEvent(reports.get(i), reports.get(j)))
                    parent[find(parent, j)] = find(parent, i);
        // Step 2: a vaguer report (a month, a year, or undated within its own article) joins a cluster only
        // when it agrees with every member of exactly one cluster; if it could mean two events, it joins none.
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (dayPrecise(r)) continue;
            Set<Integer> candidates = new TreeSet<>();
            for (int j = 0; j < reports.size(); j++) {
                if (j == i || !dayPrecise(reports.get(j))) continue;
                int root = find(parent, j);
                if (candidates.contains(root)) continue;
                boolean fits = true;
                for (int k = 0; k < reports.size() && fits; k++)
                    if (find(parent, k) == root && dayPrecise(reports.get(k))) fits = compatible(r, reports.get(k));
                if (fits) candidates.add(root);
            }
            if (candidates.size() == 1) parent[find(parent, i)] = candidates.iterator().next();
        }
        Map<Integer, List<Report>> clusters = new TreeMap<>();
        for (int i = 0; i < reports.size(); i++)
            clusters.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(reports.get(i));
        // IRIs from content; a clash between different clusters is settled by where each is first reported.
        Map<String, List<List<Report>>> byIri = new TreeMap<>();
        for (List<Report> c : clusters.values())
            byIri.computeIfAbsent(baseIri(c), k -> new ArrayList<>()).add(c);
        for (var e : byIri.entrySet()) {
            List<List<Report>> same = e.getValue();
            same.sort(Comparator.comparing((List<Report> c) -> c.get(0).stem).thenComparingInt(c -> c.get(0).event.trigger.begin()));
            for (int k = 0; k < same.size(); k++)
                for (Report r : same.get(k)) r.event.iri = k == 0 ? e.getKey() : e.getKey() + "-" + (k + 1);
        }
    }

    private record Report(String stem, EventClaim event, Set<String> countries) {}

    private static boolean dayPrecise(Report r) {
        String a = r.event.date == null ? null : r.event.date.anchor();
        return a != null && a.length() == 10;
    }

    /**
     * Whether a vague report can be the same event as a day-dated one: dated reports must agree (to the
     * coarser precision) and may come from any article; an undated one only from the same article.
     */
    private boolean compatible(Report vague, Report precise) {
        EventClaim v = vague.event;
        boolean dated = v.date != null && v.date.anchor() != null;
        if (!dated) {
            if (!vague.stem.equals(precise.stem)) return false;
            EventClaim p = precise.event;
            if (family(v.type) != family(p.type) || v.status != p.status) return false;
            Set<String> pv = people(v), pp = people(p);
            if (!pv.isEmpty()) return pv.equals(pp);
            return vague.countries.size() >= 2 && vague.countries.equals(precise.countries);
        }
        return sameEvent(vague, precise);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private boolean sameEvent(Report a, Report b) {
        EventClaim x = a.event, y = b.event;
        if (family(x.type) != family(y.type)) return false;
        if (x.status != y.status) return false;
        if (x.type == EventType.CONFERENCE && y.type == EventType.CONFERENCE)
            return sameGathering(x, y);
        if (x.date == null || y.date == null || x.date.anchor() == null || y.date.anchor() == null) return false;
        String dx = x.date.anchor(), dy = y.date.anchor();
        if (!(dx.startsWith(dy) || dy.startsWith(dx))) return false;
        if (a.countries.size() < 2 || !a.countries.equals(b.countries)) return false;
        // Named people must agree too: two China-Japan meetings on one day can have different envoys.
        Set<String> px = people(x), py = people(y);
        if (!px.isEmpty() && !py.isEmpty() && !px.equals(py)) return false;
        if (x.place != null && y.place != null && !x.place.iri().equals(y.place.iri())
                && !within(x.place, y.place) && !within(y.place, x.place)) return false;
        return true;
    }

    /**
     * A conference is one gathering when the same body convenes it at the same place, at compatible dates
     * (an article that does not date "the APEC summit in San Francisco" still means the one it names).
     */
    private static boolean sameGathering(EventClaim x, EventClaim y) {
        if (x.host == null || y.host == null || !x.host.iri().equals(y.host.iri())) return false;
        if (x.place == null || y.place == null || !x.place.iri().equals(y.place.iri())) return false;
        String dx = x.date == null ? null : x.date.anchor(), dy = y.date == null ? null : y.date.anchor();
        return dx == null || dy == null || dx.startsWith(dy) || dy.startsWith(dx);
    }

    private static Set<String> people(EventClaim e) {
        return e.participants.stream().filter(p -> p.type() == EntityType.PERSON).map(Entity::iri).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether place a lies in place b as far as the claims know (a city in its country). */
    private static boolean within(Entity a, Entity b) {
        return b.type() == EntityType.COUNTRY && a.type() == EntityType.PLACE;
    }

    /** Summits, meetings and talks are reported interchangeably for the same encounter. */
    private static int family(EventType t) {
        return switch (t) {
            case SUMMIT, MEETING, TALKS -> 0;
            default -> t.ordinal() + 1;
        };
    }

    /** Countries the event's participants stand for. */
    private Set<String> countries(EventClaim e, Map<String, Set<String>> fromPosts) {
        Set<String> out = new TreeSet<>();
        for (Entity p : e.participants) {
            if (p.type() == EntityType.COUNTRY) out.add(p.iri());
            else if (p.type() == EntityType.PERSON) {
                Set<String> c = fromPosts.getOrDefault(p.iri(), referenceCountries.get(p.iri()));
                if (c == null || c.size() != 1) return Set.of();  // unknown or ambiguous: no basis to merge
                out.addAll(c);
            }
        }
        return out;
    }

    /** What the article itself says a person represents: the country of their posts in it. */
    private static Map<String, Set<String>> countriesFromPosts(ArticleDocument d) {
        Map<String, Set<String>> out = new HashMap<>();
        for (PostClaim p : d.posts)
            if (p.of() != null && p.of().type() == EntityType.COUNTRY && !p.former())
                out.computeIfAbsent(p.holder().iri(), k -> new TreeSet<>()).add(p.of().iri());
        return out;
    }

    /** The report that describes a merged event: the most precisely dated, the first such. */
    static EventClaim best(List<EventClaim> reports) {
        return reports.stream().max(Comparator.comparingInt(EmitStage::precision)).orElseThrow();
    }

    private static String baseIri(List<Report> cluster) {
        EventClaim best = best(cluster.stream().map(Report::event).toList());
        Set<String> who = new TreeSet<>();
        cluster.forEach(r -> r.event.participants.forEach(p -> who.add(Iris.lastSegment(p.iri()))));
        String when = best.date == null || best.date.anchor() == null ? "undated" : best.date.anchor();
        String whoPart = who.isEmpty() ? "unknown" : String.join("--", who);
        if (who.isEmpty() && best.host != null && best.place != null)
            whoPart = Iris.lastSegment(best.host.iri()) + "-in-" + Iris.lastSegment(best.place.iri());
        else if (who.isEmpty() && best.place != null) whoPart = "at-" + Iris.lastSegment(best.place.iri());
        boolean keyed = !who.isEmpty() || best.host != null && best.place != null;
        if (when.equals("undated") || !keyed)
            whoPart += "-" + cluster.get(0).stem + "-" + best.trigger.begin();  // no content key: stay article-local
        return Iris.resource("event", when, Iris.slug(best.type.ontologyClass), whoPart);
    }

    /** A readable label: "Summit: Fumio Kishida, Xi Jinping (2023-11-16)". */
    static String label(EventClaim e) {
        String who = e.participants.stream().map(Entity::label).sorted().collect(Collectors.joining(", "));
        String when = e.date == null || e.date.anchor() == null ? "" : " (" + e.date.anchor() + ")";
        return e.type.ontologyClass + (who.isEmpty() ? "" : ": " + who) + when;
    }

}
