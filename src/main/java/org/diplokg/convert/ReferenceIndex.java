package org.diplokg.convert;

import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.store.KgDataset;
import org.diplokg.store.ProjectLayout;
import org.diplokg.vocab.DKG;

/**
 * The curated reference entities, indexed by normalised English name (label or alias) so mentions can be
 * linked. Read once from the reference graph; immutable and shared by all threads.
 */
public final class ReferenceIndex {

    private final Map<String, Entity> byIri;
    private final Map<String, List<Entity>> byName;
    private final DatasetGraph dataset;
    private final Map<String, String> labels;

    private ReferenceIndex(Map<String, Entity> byIri, Map<String, List<Entity>> byName, DatasetGraph dataset, Map<String, String> labels) {
        this.byIri = byIri;
        this.byName = byName;
        this.dataset = dataset;
        this.labels = labels;
    }

    /** Loads the ontology and reference data of a project (not its generated KG). */
    public static ReferenceIndex load(ProjectLayout layout) {
        DatasetGraph dsg = KgDataset.loadReference(layout);
        return of(dsg);
    }

    public static ReferenceIndex of(DatasetGraph dsg) {
        Map<String, String> label = new TreeMap<>();
        Map<String, EntityType> type = new TreeMap<>();
        Map<String, Set<String>> names = new TreeMap<>();
        String query = KgDataset.resource("/convert/reference/entities.rq");
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    EntityType t = typeOf(s.getResource("class").getURI());
                    if (t == null) continue;
                    String iri = s.getResource("entity").getURI();
                    type.merge(iri, t, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                    label.put(iri, s.getLiteral("label").getLexicalForm());
                    names.computeIfAbsent(iri, k -> new TreeSet<>()).add(s.getLiteral("name").getLexicalForm());
                }
            }
        });
        Map<String, Entity> byIri = new TreeMap<>();
        Map<String, List<Entity>> byName = new HashMap<>();
        for (var e : type.entrySet()) {
            Entity entity = new Entity(e.getKey(), e.getValue(), label.get(e.getKey()),
                    Collections.unmodifiableSet(names.get(e.getKey())), true);
            byIri.put(entity.iri(), entity);
            for (String n : entity.aliases())
                byName.computeIfAbsent(normalize(n), k -> new java.util.ArrayList<>()).add(entity);
        }
        byName.replaceAll((k, v) -> List.copyOf(v));
        Map<String, String> labels = new HashMap<>();
        String labelQuery = KgDataset.resource("/convert/reference/labels.rq");
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(labelQuery).build()) {
                qe.execSelect().forEachRemaining(s -> labels.put(s.getResource("r").getURI(), s.getLiteral("label").getLexicalForm()));
            }
        });
        return new ReferenceIndex(Collections.unmodifiableMap(byIri), byName, dsg, Collections.unmodifiableMap(labels));
    }

    /** The reference dataset (ontology and reference graphs), for stages that query it. */
    public DatasetGraph dataset() { return dataset; }

    public Optional<Entity> byIri(String iri) { return Optional.ofNullable(byIri.get(iri)); }

    /** The English label of any resource the reference data describes (issues, posts, holdings...). */
    public Optional<String> label(String iri) { return Optional.ofNullable(labels.get(iri)); }

    /** Whether the reference data already describes this resource (so the KG must not describe it again). */
    public boolean describes(String iri) { return labels.containsKey(iri); }

    /** Entities whose label or alias equals {@code name} after normalisation. */
    public List<Entity> byName(String name) {
        return byName.getOrDefault(normalize(name), List.of());
    }

    /** The single entity of the wanted type named {@code name}, if exactly one. */
    public Optional<Entity> lookup(String name, EntityType wanted) {
        List<Entity> hits = byName(name).stream().filter(e -> wanted == null || e.type() == wanted).toList();
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /** Every normalised name in the index, for dictionary matching over text. */
    public Set<String> names() { return Collections.unmodifiableSet(byName.keySet()); }

    /**
     * Case-insensitive comparison form of a name: Unicode NFKC, curly quotes and dashes folded, periods
     * dropped ("U.S." = "US"), a leading "the" dropped, whitespace collapsed. The same folding the gold
     * annotations' matching rules use.
     */
    public static String normalize(String s) {
        String ascii = normalizeAscii(s);
        return ascii != null ? ascii : normalizeUnicode(s);
    }

    /** {@link #normalize} for any text. */
    static String normalizeUnicode(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        n = SINGLE_QUOTES.matcher(n).replaceAll("'");
        n = DOUBLE_QUOTES.matcher(n).replaceAll("\"");
        n = DASHES.matcher(n).replaceAll("-");
        n = SPACES.matcher(n.replace(".", "").toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return n.startsWith("the ") ? n.substring(4) : n;
    }

    /**
     * {@link #normalize} for pure ASCII text, in one pass (the mention stage's dictionary match calls it for
     * every span it tries): NFKC leaves ASCII alone and of the folded characters only '`' is ASCII. Null when
     * the text is not ASCII.
     */
    static String normalizeAscii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return null;
            if (c == '.') continue;  // dropped before whitespace is collapsed, as in the general path
            if (c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r') {  // what \\s matches
                space = true;
                continue;
            }
            if (space) { b.append(' '); space = false; }
            b.append(c == '`' ? '\'' : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        if (space) b.append(' ');
        String n = b.toString().trim();
        return n.startsWith("the ") ? n.substring(4) : n;
    }

    // Compiled once: normalize runs for every span the mention stage's dictionary match tries.
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\u2018\u2019\u201B\u2032`]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\u201C\u201D\u201E\u2033]");
    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015\u2212]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static EntityType typeOf(String classIri) {
        if (!classIri.startsWith(DKG.NS)) return null;
        return switch (classIri.substring(DKG.NS.length())) {
            case "Person" -> EntityType.PERSON;
            case "Country" -> EntityType.COUNTRY;
            case "City", "Region", "Place" -> EntityType.PLACE;
            case "Organization", "GovernmentBody", "Government", "Ministry", "Legislature", "PoliticalParty",
                 "PartyOrgan", "ThinkTank", "University", "NewsOrganization", "IntergovernmentalOrganization" -> EntityType.ORGANIZATION;
            case "PoliticalDocument", "Treaty", "JointCommunique", "JointStatement", "JointDeclaration",
                 "DocumentCollection" -> EntityType.DOCUMENT;
            case "PolicyConcept" -> EntityType.CONCEPT;
            default -> null;
        };
    }
}
