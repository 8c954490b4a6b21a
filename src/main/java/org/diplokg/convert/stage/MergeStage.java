package org.diplokg.convert.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import org.diplokg.convert.Lexicon;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.DateValue;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.EventClaim;
import org.diplokg.convert.model.EventStatus;
import org.diplokg.convert.model.EventType;
import org.diplokg.convert.model.PostClaim;
import org.diplokg.store.KgDataset;

/**
 * Gives every event its IRI, the same IRI for reports of one real-world event (in one article or several).
 * Two reports are one event only when nothing speaks against it and enough speaks for it: the same type
 * family, dates that are both known and agree to the coarser precision, the same countries represented
 * (a person stands for the country whose post they hold), and compatible places. A wrong merge is worse
 * than a missed one, so an undated report joins only a report in its own article, or the event the same
 * people held at the same place within the month before its article appeared.
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
        Set<String> leaders = leaders(docs);
        List<Report> reports = new ArrayList<>();
        for (ArticleDocument d : docs) {
            Map<String, Set<String>> fromPosts = countriesFromPosts(d);
            for (EventClaim e : d.events)
                reports.add(new Report(d.article.stem(), e, countries(e, fromPosts), d.article.metadata().publishedEarliest()));
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
                boolean fits = r.event.type != EventType.SUMMIT || !people(r.event).isEmpty() || hasLeader(reports, parent, root, leaders);
                for (int k = 0; k < reports.size() && fits; k++)
                    if (find(parent, k) == root && dayPrecise(reports.get(k))) fits = compatible(r, reports.get(k));
                if (fits) candidates.add(root);
            }
            if (candidates.size() == 1) parent[find(parent, i)] = candidates.iterator().next();
        }
        // Step 2b: within one article, an undated report with the same participants and the same word as
        // another report ("a Japan-China summit meeting" again, "his talk with Kishida") is that event,
        // unless the article reports two such events.
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (r.event.date != null && r.event.date.anchor() != null || find(parent, i) != i) continue;
            Set<Integer> candidates = new TreeSet<>();
            for (int j = 0; j < reports.size(); j++) {
                Report o = reports.get(j);
                if (j == i || !o.stem.equals(r.stem) || find(parent, j) == find(parent, i) || looseUndated(reports, parent, j)
                        || o.event.presupposed) continue;
                if (sameWording(r.event, o.event)) candidates.add(find(parent, j));
            }
            if (candidates.size() == 1) parent[i] = candidates.iterator().next();
        }
        // Step 2c: undated reports of a leaders' summit (or of a meeting of the same named people) between the
        // same countries, in articles that appeared within a month of each other, are one recent event, when
        // no article has two such reports (which could then be two events).
        List<Integer> loose = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) if (looseUndated(reports, parent, i)) loose.add(i);
        int[] group = new int[reports.size()];
        for (int i = 0; i < group.length; i++) group[i] = i;
        for (int a : loose)
            for (int b : loose)
                if (a < b && !reports.get(a).stem.equals(reports.get(b).stem) && sameRecentEvent(reports.get(a), reports.get(b)))
                    group[find(group, b)] = find(group, a);
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i : loose) groups.computeIfAbsent(find(group, i), k -> new ArrayList<>()).add(i);
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2 || g.stream().map(k -> reports.get(k).stem).distinct().count() != g.size()) continue;
            for (int k : g) parent[find(parent, k)] = find(parent, g.get(0));
        }
        // Step 3: one encounter happens on the sidelines of one gathering, so the gatherings that the reports
        // of one event name ("the APEC summit", "the 30th ... meeting") are one.
        Map<EventClaim, Integer> index = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) index.put(reports.get(i).event, i);
        for (int i = 0; i < reports.size(); i++)
            for (int j = i + 1; j < reports.size(); j++) {
                EventClaim a = reports.get(i).event.sidelinesOf, b = reports.get(j).event.sidelinesOf;
                if (a == null || b == null || find(parent, i) != find(parent, j)) continue;
                Integer ia = index.get(a), ib = index.get(b);
                if (ia != null && ib != null && a.type == EventType.CONFERENCE && b.type == EventType.CONFERENCE && DateValue.agree(a.date, b.date))
                    parent[find(parent, ib)] = find(parent, ia);
            }
        Map<Integer, List<Report>> clusters = new TreeMap<>();
        for (int i = 0; i < reports.size(); i++)
            clusters.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(reports.get(i));
        // A meeting on the sidelines of a gathering took place while it lasted: "this year" becomes the
        // gathering's dates when those are known more precisely and agree.
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            EventClaim host = r.event.sidelinesOf;
            Integer hi = host == null ? null : index.get(host);
            if (hi == null) continue;
            DateValue d = best(clusters.get(find(parent, hi)).stream().map(Report::event).toList()).date;
            if (d == null || d.anchor() == null) continue;
            // Within a gathering of several days the meeting's own day is unknown: it lies between them.
            DateValue during = d.start() != null && d.end() != null ? DateValue.between(d.start(), d.end(), d.text()) : d;
            EventClaim own = best(clusters.get(find(parent, i)).stream().map(Report::event).toList());
            String ownAnchor = own.date == null ? null : own.date.anchor();
            if (ownAnchor != null && ownAnchor.length() >= during.anchor().length()) continue;
            if (ownAnchor == null || during.anchor().startsWith(ownAnchor)) r.event.date = during;
        }
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

    /**
     * A summit is a meeting of heads of state or government: a report of "the Japan-China summit" that names
     * no one can only be an event at which a leader took part (someone any article titles with a leader role
     * of a country, roles.tsv).
     */
    private static boolean hasLeader(List<Report> reports, int[] parent, int root, Set<String> leaders) {
        for (int k = 0; k < reports.size(); k++)
            if (find(parent, k) == root && reports.get(k).event.participants.stream().anyMatch(p -> leaders.contains(p.iri()))) return true;
        return false;
    }

    private static Set<String> leaders(List<ArticleDocument> docs) {
        Set<String> leaderRoles = new HashSet<>();
        for (String[] row : Lexicon.rows("/convert/roles.tsv"))
            if (row.length > 1 && row[1].equals("leader")) leaderRoles.add(row[0]);
        Set<String> out = new HashSet<>();
        for (ArticleDocument d : docs)
            for (PostClaim p : d.posts)
                if (leaderRoles.contains(p.role()) && p.of() != null && p.of().type() == EntityType.COUNTRY) out.add(p.holder().iri());
        return out;
    }

    /** @param publishedEarliest the first day the article could have appeared (bounds what "met" can refer to) */
    private record Report(String stem, EventClaim event, Set<String> countries, LocalDate publishedEarliest) {}

    /** How long after an event an undated news report of it ("X and Y met in Z") is taken to refer to it. */
    private static final int RECENT_DAYS = 31;

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
            EventClaim p = precise.event;
            if (!v.type.sameFamily(p.type) || v.status != p.status) return false;
            Set<String> pv = people(v), pp = people(p);
            if (!vague.stem.equals(precise.stem)) return recentSighting(vague, precise, pv, pp);
            if (!pv.isEmpty()) return pv.equals(pp);
            // Only countries tie them: then the report must also use the same word for the encounter.
            return v.type == p.type && vague.countries.size() >= 2 && vague.countries.equals(precise.countries);
        }
        return sameEvent(vague, precise);
    }

    /**
     * An undated report in another article ("Xi and Kishida met in San Francisco") is the dated event when
     * the same two or more people held it at the same place, and the article appeared within a month after
     * it: news reports a recent encounter without repeating its date.
     */
    private static boolean recentSighting(Report vague, Report precise, Set<String> pv, Set<String> pp) {
        EventClaim v = vague.event, p = precise.event;
        if (v.status != EventStatus.HELD || pv.size() < 2 || !pv.equals(pp)) return false;
        if (v.place == null || p.place == null || !v.place.iri().equals(p.place.iri())) return false;
        if (vague.publishedEarliest == null) return false;
        LocalDate held;
        try {
            held = LocalDate.parse(p.date.anchor());
        } catch (java.time.DateTimeException e) {
            return false;  // a day SUTime resolved but the calendar lacks ("February 30")
        }
        return !vague.publishedEarliest.isBefore(held) && !vague.publishedEarliest.isAfter(held.plusDays(RECENT_DAYS));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private boolean sameEvent(Report a, Report b) {
        EventClaim x = a.event, y = b.event;
        if (!x.type.sameFamily(y.type)) return false;
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
        return DateValue.agree(x.date, y.date);
    }

    /** An undated report that no other report has joined (yet). */
    private static boolean looseUndated(List<Report> reports, int[] parent, int i) {
        EventClaim e = reports.get(i).event;
        if (e.date != null && e.date.anchor() != null) return false;
        int root = find(parent, i);
        for (int k = 0; k < reports.size(); k++)
            if (k != i && find(parent, k) == root) return false;
        return true;
    }

    private static boolean sameRecentEvent(Report a, Report b) {
        EventClaim x = a.event, y = b.event;
        if (!x.type.sameFamily(y.type) || x.status != EventStatus.HELD || y.status != EventStatus.HELD) return false;
        if (a.countries.size() < 2 || !a.countries.equals(b.countries)) return false;
        Set<String> px = people(x), py = people(y);
        if (!px.isEmpty() && !py.isEmpty() && !px.equals(py)) return false;
        boolean summit = x.type == EventType.SUMMIT || y.type == EventType.SUMMIT || px.size() >= 2 && px.equals(py);
        if (!summit || a.publishedEarliest == null || b.publishedEarliest == null) return false;
        return Math.abs(a.publishedEarliest.toEpochDay() - b.publishedEarliest.toEpochDay()) <= RECENT_DAYS;
    }

    /** Same family and status, and either the same two or more people, or the same type and countries. */
    private static boolean sameWording(EventClaim x, EventClaim y) {
        if (!x.type.sameFamily(y.type) || x.status != y.status) return false;
        Set<String> px = people(x), py = people(y);
        if (!px.isEmpty() || !py.isEmpty()) return px.size() >= 2 && px.equals(py);
        Set<String> cx = x.participants.stream().map(Entity::iri).collect(Collectors.toSet());
        return x.type == y.type && cx.size() >= 2 && cx.equals(y.participants.stream().map(Entity::iri).collect(Collectors.toSet()));
    }

    private static Set<String> people(EventClaim e) {
        return e.participants.stream().filter(p -> p.type() == EntityType.PERSON).map(Entity::iri).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether place a lies in place b as far as the claims know (a city in its country). */
    private static boolean within(Entity a, Entity b) {
        return b.type() == EntityType.COUNTRY && a.type() == EntityType.PLACE;
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
