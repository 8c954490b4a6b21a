package org.diplokg.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which gold entity a KG node is: one whose names (a trailing qualifier such as "(as government)" removed) include
 * the node's label or an alias after normalisation, and whose type is the node's type. The qualifier needs no
 * rule of its own: "Tokyo (as government)" is a name of the country Japan, so it only meets a node typed Country.
 */
public final class EntityResolver {

    private final Map<String, GoldSet.Entity> gold;
    private final Map<String, SystemItems.Entity> system;
    private final Map<String, List<GoldSet.Entity>> byName = new HashMap<>();
    private final Map<String, Set<String>> cache = new HashMap<>();

    public EntityResolver(Map<String, GoldSet.Entity> gold, Map<String, SystemItems.Entity> system) {
        this.gold = gold;
        this.system = system;
        for (GoldSet.Entity e : gold.values())
            for (String n : e.names()) byName.computeIfAbsent(Names.goldName(n), k -> new java.util.ArrayList<>()).add(e);
    }

    /** The gold entities the node is, by name and type (usually one, none for an entity the gold does not know). */
    public Set<String> goldIds(String iri) {
        if (iri == null) return Set.of();
        return cache.computeIfAbsent(iri, k -> {
            SystemItems.Entity e = system.get(k);
            Set<String> out = new TreeSet<>();
            if (e == null) return out;
            for (GoldSet.Entity g : namedAs(e))
                if (g.type().equals(e.type())) out.add(g.id());
            return out;
        });
    }

    /** The gold entities sharing a name with the node, whatever the type (to explain a type disagreement). */
    public Set<String> sameName(String iri) {
        SystemItems.Entity e = system.get(iri);
        Set<String> out = new TreeSet<>();
        if (e != null) for (GoldSet.Entity g : namedAs(e)) out.add(g.id());
        return out;
    }

    private List<GoldSet.Entity> namedAs(SystemItems.Entity e) {
        List<GoldSet.Entity> out = new java.util.ArrayList<>();
        for (String n : e.names())
            for (GoldSet.Entity g : byName.getOrDefault(Names.normalize(n), List.of()))
                if (!out.contains(g)) out.add(g);
        if (e.label() != null)
            for (GoldSet.Entity g : byName.getOrDefault(Names.normalize(e.label()), List.of()))
                if (!out.contains(g)) out.add(g);
        return out;
    }

    public boolean is(String iri, String goldId) {
        return goldId != null && goldIds(iri).contains(goldId);
    }

    /** The node is the gold country, or speaks for it (a person holding one of its posts). */
    public boolean isOrRepresents(String iri, String goldId) {
        if (is(iri, goldId)) return true;
        GoldSet.Entity g = gold.get(goldId);
        SystemItems.Entity e = system.get(iri);
        if (g == null || e == null || !g.type().equals("Country")) return false;
        for (String c : e.represents()) if (is(c, goldId)) return true;
        return false;
    }

    /** A readable name for a node: its label, else the IRI. */
    public String label(String iri) {
        if (iri == null) return "-";
        SystemItems.Entity e = system.get(iri);
        return e != null && e.label() != null ? e.label() : iri;
    }

    public GoldSet.Entity gold(String id) { return gold.get(id); }
}
