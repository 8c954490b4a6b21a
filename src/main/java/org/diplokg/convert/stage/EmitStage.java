package org.diplokg.convert.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.diplokg.convert.CorpusStage;
import org.diplokg.convert.Iris;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.ArticleMetadata;
import org.diplokg.convert.model.ConceptClaim;
import org.diplokg.convert.model.DateValue;
import org.diplokg.convert.model.DocumentClaim;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.EventClaim;
import org.diplokg.convert.model.Mention;
import org.diplokg.convert.model.PlaceClaim;
import org.diplokg.convert.model.PostClaim;
import org.diplokg.convert.model.QuoteClaim;
import org.diplokg.convert.model.Span;
import org.diplokg.convert.model.StanceClaim;
import org.diplokg.rdf.TrigFiles;
import org.diplokg.vocab.DKG;

/**
 * Writes the knowledge graph: one TriG file and named graph per article (the article's own claims, each
 * with its evidence span), plus {@code merged.trig} for events several articles report. The whole output
 * directory is written beside the old one and swapped in at the end, so an interrupted run leaves the
 * previous KG intact.
 */
public final class EmitStage implements CorpusStage {
    public static final String MERGED_FILE = "merged.trig";

    private final Path outDir;
    private final ReferenceIndex reference;
    /** Counts of what was written, for the command's summary. */
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    /** Entities the converter minted, with how often each name was used for them (for a stable label). */
    private final Map<String, Entity> mintedTypes = new java.util.TreeMap<>();
    private final Map<String, Map<String, Integer>> mintedNames = new java.util.TreeMap<>();
    /** Which rule produced each evidence (PROV-O), kept apart from the facts themselves. */
    private final Provenance provenance = new Provenance();

    public EmitStage(Path outDir, ReferenceIndex reference) {
        this.outDir = outDir;
        this.reference = reference;
    }

    /** What the last run wrote. */
    public Map<String, Integer> counts() { return java.util.Collections.unmodifiableMap(counts); }

    @Override
    public void process(List<ArticleDocument> docs) {
        counts.clear();
        mintedTypes.clear();
        mintedNames.clear();
        provenance.clear();
        Map<String, List<Triple>> files = new LinkedHashMap<>();
        List<Triple> merged = new ArrayList<>();
        Map<String, List<EventClaim>> byIri = new HashMap<>();
        for (ArticleDocument d : docs)
            for (EventClaim e : d.events) byIri.computeIfAbsent(e.iri, k -> new ArrayList<>()).add(e);
        for (ArticleDocument doc : docs) {
            Graph g = new Graph(doc);
            g.article();
            doc.mentions.forEach(g::mention);
            doc.posts.forEach(g::post);
            doc.placesWithin.forEach(g::placeWithin);
            for (EventClaim e : doc.events)
                g.event(e, byIri.get(e.iri).size() > 1);
            doc.quotes.forEach(g::quote);
            doc.stances.forEach(g::stance);
            doc.documents.forEach(g::document);
            doc.concepts.forEach(g::concept);
            files.put(doc.article.stem() + ".trig", g.triples);
            count("articles", 1);
            count("entity mentions", doc.mentions.size());
            count("posts", doc.posts.size());
            count("quotes", doc.quotes.size());
            count("stances", doc.stances.size());
            count("warnings", doc.warnings.size());
            count("triples", g.triples.size());
        }
        // Events reported by several articles: their consolidated description lives in the merged graph.
        byIri.entrySet().stream().filter(e -> e.getValue().size() > 1).sorted(Map.Entry.comparingByKey())
                .forEach(e -> merged.addAll(Graph.eventFacts(e.getValue())));
        count("events", byIri.size());
        count("events reported more than once", (int) byIri.values().stream().filter(l -> l.size() > 1).count());
        count("entities", (int) docs.stream().flatMap(d -> d.mentions.stream()).map(m -> m.entity().iri()).distinct().count());
        merged.addAll(mintedEntities());
        count("minted entities", mintedTypes.size());
        merged.addAll(provenance.rulesAndAgent());
        count("rules used", provenance.rulesUsed());
        count("triples", merged.size());
        writeAll(files, merged);
    }

    /**
     * Minted entities are described once, in the merged graph, so that two articles naming one person
     * differently ("Kamo Tomoki", "Tomoki Kamo") give one label: the name used most, ties broken alphabetically.
     */
    private List<Triple> mintedEntities() {
        List<Triple> out = new ArrayList<>();
        for (var e : mintedTypes.entrySet()) {
            Node n = uri(e.getKey());
            Map<String, Integer> names = mintedNames.get(e.getKey());
            String label = names.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<String, Integer> x) -> -x.getValue()).thenComparing(Map.Entry::getKey))
                    .orElseThrow().getKey();
            out.add(Triple.create(n, RDF.type.asNode(), dkg(e.getValue().type().ontologyClass)));
            out.add(Triple.create(n, RDFS.label.asNode(), en(label)));
            for (String alias : names.keySet())
                if (!alias.equals(label)) out.add(Triple.create(n, SKOS.altLabel.asNode(), en(alias)));
        }
        return out;
    }

    private void count(String what, int n) { counts.merge(what, n, Integer::sum); }

    private void writeAll(Map<String, List<Triple>> files, List<Triple> merged) {
        try {
            Path parent = outDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path fresh = Files.createTempDirectory(parent, ".kg-new-");
            for (var f : files.entrySet()) {
                String stem = f.getKey().substring(0, f.getKey().length() - ".trig".length());
                TrigFiles.write(fresh.resolve(f.getKey()), NodeFactory.createURI(Iris.article(stem)), f.getValue(), DKG.PREFIXES);
            }
            TrigFiles.write(fresh.resolve(MERGED_FILE), NodeFactory.createURI(DKG.GRAPH_MERGED), merged, DKG.PREFIXES);
            Path old = parent.resolve(".kg-old");
            deleteTree(old);
            if (Files.exists(outDir)) Files.move(outDir, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(fresh, outDir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The triples of one article's graph. */
    private final class Graph {
        final ArticleDocument doc;
        final Node article;
        final List<Triple> triples = new ArrayList<>();

        /** Whether the text has characters outside the BMP, where UTF-16 and code-point offsets part. */
        final boolean surrogates;
        /** The rules whose extraction of this article is described already, and the sentences written. */
        final java.util.Set<String> activities = new java.util.HashSet<>();
        final java.util.Set<Span> sentencesWritten = new java.util.HashSet<>();

        Graph(ArticleDocument doc) {
            this.doc = doc;
            this.article = uri(Iris.article(doc.article.stem()));
            this.surrogates = doc.article.text().chars().anyMatch(c -> Character.isSurrogate((char) c));
        }

        void add(Node s, Node p, Node o) { triples.add(Triple.create(s, p, o)); }
        void add(Node s, String dkgProperty, Node o) { add(s, dkg(dkgProperty), o); }

        void article() {
            ArticleMetadata m = doc.article.metadata();
            add(article, RDF.type.asNode(), dkg("Article"));
            add(article, schema("headline"), lit(m.title()));
            add(article, RDFS.label.asNode(), en(m.title()));
            if (m.publisher() != null && !m.publisher().equalsIgnoreCase("unknown")) add(article, schema("publisher"), publisher(m.publisher()));
            if (m.url() != null) add(article, schema("url"), uri(m.url()));
            add(article, schema("inLanguage"), lit(m.language()));
            if (m.published() != null) add(article, schema("datePublished"), date(m.published().toString()));
            else {
                add(article, "publishedEarliest", date(m.publishedEarliest().toString()));
                add(article, "publishedLatest", date(m.publishedLatest().toString()));
            }
            if (m.dateNote() != null) add(article, "datePublishedNote", lit(m.dateNote()));
        }

        /** The publisher as an agent: the reference news organisation of that name, else a minted one. */
        Node publisher(String name) {
            Entity e = reference.lookup(name, EntityType.ORGANIZATION)
                    .orElseGet(() -> new Entity(Iris.resource("org", Iris.slug(name)), EntityType.ORGANIZATION, name, java.util.Set.of(name), false));
            entity(e);
            return uri(e.iri());
        }

        /** A UTF-16 index of the article text as the Unicode code point offset the KG publishes. */
        int codePoint(int index) {
            // Counting is linear in the text, per evidence node: skip it when every character is one code point.
            if (!surrogates) return index;
            return doc.article.text().codePointCount(0, index);
        }

        /** The quotation's IRI: the article and where the quoted words begin. */
        Node statement(QuoteClaim q) {
            return uri(Iris.resource("statement", doc.article.stem(), Integer.toString(codePoint(q.span().begin()))));
        }

        /**
         * An evidence node for a span of this article, as a claim of {@code kind} made by {@code rule}: where, the
         * exact words, the sentences the span lies in, and the rule that produced it. One node per span and rule,
         * so a node names exactly one rule.
         */
        Node evidence(Span span, String kind, String rule) {
            String ruleId = provenance.ruleId(kind, rule);
            Node ev = uri(Iris.resource("evidence", doc.article.stem(), codePoint(span.begin()) + "-" + codePoint(span.end()),
                    Provenance.segment(ruleId)));
            add(ev, RDF.type.asNode(), dkg("Evidence"));
            textSpan(ev, span);
            for (Span s : doc.sentences())
                if (s.overlaps(span)) add(ev, "sentence", sentence(s));
            provenance.generated(triples, ev, article, doc.article.stem(), ruleId, activities);
            return ev;
        }

        /** A sentence of this article (CoreNLP's split, mapped back to the original text) as a dkg:Sentence. */
        Node sentence(Span s) {
            Node n = uri(Iris.resource("sentence", doc.article.stem(), codePoint(s.begin()) + "-" + codePoint(s.end())));
            if (sentencesWritten.add(s)) {
                add(n, RDF.type.asNode(), dkg("Sentence"));
                textSpan(n, s);
            }
            return n;
        }

        /** The article, code-point offsets and exact text of a span node. */
        void textSpan(Node n, Span span) {
            add(n, "article", article);
            add(n, "beginIndex", NodeFactory.createLiteralDT(Integer.toString(codePoint(span.begin())), XSDDatatype.XSDnonNegativeInteger));
            add(n, "endIndex", NodeFactory.createLiteralDT(Integer.toString(codePoint(span.end())), XSDDatatype.XSDnonNegativeInteger));
            add(n, "exactText", lit(doc.article.text().substring(span.begin(), span.end())));
        }

        /** Notes a minted entity for the merged graph; reference entities are described in the reference graph. */
        void entity(Entity e) {
            if (e.reference()) return;
            mintedTypes.putIfAbsent(e.iri(), e);
            Map<String, Integer> names = mintedNames.computeIfAbsent(e.iri(), k -> new java.util.TreeMap<>());
            for (String alias : e.aliases()) names.merge(alias, 1, Integer::sum);
        }

        /** "Vientiane, Laos": the article says where a place lies (dkg:countryOf a country, else dkg:partOf). */
        void placeWithin(PlaceClaim p) {
            entity(p.place());
            entity(p.within());
            add(uri(p.place().iri()), p.within().type() == EntityType.COUNTRY ? "countryOf" : "partOf", uri(p.within().iri()));
        }

        void mention(Mention m) {
            entity(m.entity());
            add(uri(m.entity().iri()), "evidence", evidence(m.span(), "mention", m.rule()));
        }

        void post(PostClaim p) {
            Node holding = uri(p.holding());
            Node post = uri(p.post());
            entity(p.holder());
            if (!reference.describes(p.holding())) {  // a reference holding is described there already
                add(holding, RDF.type.asNode(), dkg("PostHolding"));
                add(holding, "holder", uri(p.holder().iri()));
                add(holding, "post", post);
                add(holding, RDFS.label.asNode(), en(p.holder().label() + " as " + p.postLabel()));
            }
            if (p.former()) add(holding, "describedAsFormer", bool(true));
            add(holding, "evidence", evidence(p.evidence(), "post", p.rule()));
            if (p.newPost()) {
                add(post, RDF.type.asNode(), dkg(p.diplomatic() ? "DiplomaticPost" : "Post"));
                add(post, RDFS.label.asNode(), en(p.postLabel()));
                add(post, "role", uri(p.roleIri()));
                if (p.of() != null) { entity(p.of()); add(post, "postIn", uri(p.of().iri())); }
                if (p.to() != null) { entity(p.to()); add(post, "accreditedTo", uri(p.to().iri())); }
            }
            if (p.newRole()) {
                add(uri(p.roleIri()), RDF.type.asNode(), dkg("Role"));
                add(uri(p.roleIri()), RDFS.label.asNode(), en(p.role()));
            }
        }

        void event(EventClaim e, boolean shared) {
            Node n = uri(e.iri);
            // A span names the rule that made it a report of this event; the trigger's, with the rules that then
            // gave the event participants, a date, a place or a status ("trigger:meet+pronoun-subject").
            List<String> chain = new ArrayList<>(e.rules);
            if (e.rule != null) chain.add(0, e.rule);
            String shaped = chain.isEmpty() ? null : String.join("+", chain);
            for (Span s : e.evidence) add(n, "evidence", evidence(s, "event", e.evidenceRules.getOrDefault(s, shaped)));
            e.participants.forEach(this::entity);
            if (e.place != null) entity(e.place);
            if (!shared) triples.addAll(eventFacts(List.of(e)));
        }

        /** The description of an event from one or several articles' reports of it (assumed compatible). */
        static List<Triple> eventFacts(List<EventClaim> reports) {
            List<Triple> out = new ArrayList<>();
            EventClaim first = reports.get(0);
            Node n = uri(first.iri);
            EventClaim best = MergeStage.best(reports);
            out.add(Triple.create(n, RDF.type.asNode(), dkg(best.type.ontologyClass)));
            out.add(Triple.create(n, RDFS.label.asNode(), en(MergeStage.label(best))));
            out.add(Triple.create(n, dkg("status"), dkg(best.status.individual)));
            for (EventClaim r : reports) {
                for (Entity p : r.participants) out.add(Triple.create(n, dkg("participant"), uri(p.iri())));
                if (r.host != null) out.add(Triple.create(n, dkg("host"), uri(r.host.iri())));
                if (r.sidelinesOf != null) out.add(Triple.create(n, dkg("onSidelinesOf"), uri(r.sidelinesOf.iri)));
                if (r.commemorates != null) out.add(Triple.create(n, dkg("commemorates"), uri(r.commemorates.iri())));
            }
            // The most specific place any report gives: "San Francisco" over "the United States".
            EventClaim placed = reports.stream().filter(r -> r.place != null)
                    .min(Comparator.comparing((EventClaim r) -> r.place.type() == EntityType.COUNTRY)).orElse(null);
            if (placed != null) out.add(Triple.create(n, dkg("place"), uri(placed.place.iri())));
            DateValue d = best.date;
            if (d != null) {
                if (d.date() != null) out.add(Triple.create(n, dkg("date"), date(d.date())));
                if (d.start() != null) out.add(Triple.create(n, dkg("startDate"), date(d.start())));
                if (d.end() != null) out.add(Triple.create(n, dkg("endDate"), date(d.end())));
                if (d.earliest() != null) out.add(Triple.create(n, dkg("earliestDate"), date(d.earliest())));
                if (d.latest() != null) out.add(Triple.create(n, dkg("latestDate"), date(d.latest())));
                if (d.text() != null) out.add(Triple.create(n, dkg("dateText"), lit(d.text())));
            }
            reports.stream().filter(r -> r.duration != null).findFirst()
                    .ifPresent(r -> out.add(Triple.create(n, dkg("duration"), NodeFactory.createLiteralDT(r.duration, XSDDatatype.XSDduration))));
            reports.stream().filter(r -> r.ordinal != null).findFirst().ifPresent(r -> {
                out.add(Triple.create(n, dkg("ordinal"), NodeFactory.createLiteralDT(r.ordinal.toString(), XSDDatatype.XSDpositiveInteger)));
                if (r.ordinalScope != null) out.add(Triple.create(n, dkg("ordinalScope"), lit(r.ordinalScope)));
            });
            reports.stream().filter(r -> r.anniversaryNumber != null).findFirst().ifPresent(r ->
                    out.add(Triple.create(n, dkg("anniversaryNumber"), NodeFactory.createLiteralDT(r.anniversaryNumber.toString(), XSDDatatype.XSDpositiveInteger))));
            return out;
        }

        void quote(QuoteClaim q) {
            Node st = statement(q);
            add(st, RDF.type.asNode(), dkg("Quotation"));
            String who = q.speaker() != null ? q.speaker().label() : q.unnamedSpeaker() != null ? q.unnamedSpeaker() : "unattributed";
            add(st, RDFS.label.asNode(), en("Quotation of " + who + ": \u201C" + abbreviate(q.text()) + "\u201D"));
            add(st, "quotedText", lit(q.text()));
            add(st, "evidence", evidence(q.span(), "quote", q.rule()));
            if (q.speaker() != null) {
                entity(q.speaker());
                add(st, "speaker", uri(q.speaker().iri()));
            } else if (q.unnamedSpeaker() != null) {
                Node source = uri(Iris.resource("source", doc.article.stem(), Iris.slug(q.unnamedSpeaker())));
                add(source, RDF.type.asNode(), dkg("UnnamedSource"));
                add(source, RDFS.label.asNode(), en(q.unnamedSpeaker()));
                add(st, "speaker", source);
            }
            if (q.addressee() != null) { entity(q.addressee()); add(st, "addressee", uri(q.addressee().iri())); }
            if (q.event() != null) add(st, "saidAt", uri(q.event().iri));
        }

        void stance(StanceClaim s) {
            int begin = codePoint(s.evidence().begin());
            Node n = uri(Iris.resource("stance", doc.article.stem(), begin + "-" + Iris.lastSegment(s.holder().iri())
                    + "-" + Iris.lastSegment(s.issueIri()) + "-" + Iris.slug(s.type().individual)));
            entity(s.holder());
            add(n, RDF.type.asNode(), dkg("Stance"));
            String issueName = s.issueLabel() != null ? s.issueLabel() : reference.label(s.issueIri()).orElse(Iris.lastSegment(s.issueIri()));
            add(n, RDFS.label.asNode(), en(s.holder().label() + ": " + s.type().individual.toLowerCase(java.util.Locale.ROOT) + " (" + issueName + ")"));
            add(n, "stanceHolder", uri(s.holder().iri()));
            add(n, "onIssue", uri(s.issueIri()));
            add(n, "stanceType", dkg(s.type().individual));
            add(n, "evidence", evidence(s.evidence(), "stance", s.rule()));
            if (s.statement() != null)
                add(n, "expressedIn", statement(s.statement()));
            if (s.issueLabel() != null) {  // a minted issue: describe it in the scheme
                Node issue = uri(s.issueIri());
                add(issue, RDF.type.asNode(), dkg("Issue"));
                add(issue, RDFS.label.asNode(), en(s.issueLabel()));
                add(issue, SKOS.prefLabel.asNode(), en(s.issueLabel()));
                add(issue, SKOS.inScheme.asNode(), uri(Iris.resource("issues")));
            }
        }

        void document(DocumentClaim d) {
            entity(d.document());
            Node n = uri(d.document().iri());
            add(n, "evidence", evidence(d.evidence(), "document", d.rule()));
            if (d.impliedSigning() != null && !d.document().reference())
                add(n, "signingDate", date(d.impliedSigning()));
        }

        void concept(ConceptClaim c) {
            entity(c.concept());
            Node n = uri(c.concept().iri());
            Node target = c.agent() != null ? uri(c.agent().iri()) : uri(c.event().iri);
            if (c.agent() != null) entity(c.agent());
            add(n, c.relation(), target);
            add(n, "evidence", evidence(c.evidence(), "concept", c.rule()));
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, s.lastIndexOf(' ', 60) > 20 ? s.lastIndexOf(' ', 60) : 60) + "\u2026";
    }

    /** Characters of the date's anchor; a day range ranks above a single day within it ("Nov 15 to 17" over "Nov 16"). */
    static int precision(EventClaim e) {
        if (e.date == null) return 0;
        String a = e.date.anchor();
        return a == null ? 0 : a.length() + (e.date.start() != null && e.date.end() != null ? 1 : 0);
    }

    static Node uri(String iri) { return NodeFactory.createURI(iri); }
    static Node dkg(String local) { return NodeFactory.createURI(DKG.NS + local); }

    static Node schema(String local) { return NodeFactory.createURI(DKG.SCHEMA + local); }
    static Node lit(String s) { return NodeFactory.createLiteralString(s); }
    static Node en(String s) { return NodeFactory.createLiteralLang(s, "en"); }
    static Node bool(boolean b) { return NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean); }

    /** A date literal typed by its precision: xsd:date, xsd:gYearMonth or xsd:gYear. */
    static Node date(String lexical) {
        XSDDatatype dt = switch (lexical.length()) {
            case 4 -> XSDDatatype.XSDgYear;
            case 7 -> XSDDatatype.XSDgYearMonth;
            default -> XSDDatatype.XSDdate;
        };
        return NodeFactory.createLiteralDT(lexical, dt);
    }
}
