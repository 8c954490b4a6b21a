package org.diplokg.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplokg.UserException;
import org.diplokg.vocab.DKG;

/**
 * Reads the KG's items for scoring, only through the SPARQL queries in {@code queries/eval/} (one per category,
 * each documenting how to get that kind of fact out of the graph), run once over the whole query view.
 * Rows arrive ordered by the queries' ORDER BY; where a query yields several rows for one item (an event with
 * two stated dates), the first is kept, so the result is deterministic.
 */
public final class KgReader {

    public static final List<String> QUERIES = List.of("entities.rq", "links.rq", "posts.rq", "events.rq", "quotes.rq",
            "stances.rq", "documents.rq", "concepts.rq");

    private final DatasetGraph view;
    private final Path queryDir;

    /** @param view the query view of the dataset (RDFS entailment, union default graph); @param queryDir queries/eval */
    public KgReader(DatasetGraph view, Path queryDir) {
        this.view = view;
        this.queryDir = queryDir;
    }

    /** The items of every article that has any, plus an empty entry for each of {@code stems} that has none. */
    public SystemItems read(Iterable<String> stems) {
        Map<String, SystemItems.Entity> entities = new TreeMap<>();
        Map<String, Builder> articles = new TreeMap<>();
        for (String s : stems) articles.put(s, new Builder());

        Map<String, Map<String, String>> seen = new LinkedHashMap<>();
        run("entities.rq", r -> {
            String iri = r.iri("entity");
            entities.computeIfAbsent(iri, k -> new SystemItems.Entity(iri, r.text("type"), r.text("label"),
                    r.list("names", "\\|"), new LinkedHashSet<>(r.list("represents", " "))));
            String stem = r.stem();
            if (stem != null && once(seen, "mention", stem + " " + iri))
                article(articles, stem).mentions.add(new SystemItems.Mention(iri, r.evidence()));
        });
        Map<String, String> wikidata = new TreeMap<>();
        run("links.rq", r -> wikidata.putIfAbsent(r.iri("entity"), r.text("wikidata")));
        run("posts.rq", r -> {
            if (once(seen, "post", r.stem() + " " + r.iri("holding")))
                article(articles, r.stem()).posts.add(new SystemItems.Post(r.iri("holding"), r.iri("holder"), r.text("postLabel"),
                        r.iri("of"), "true".equals(r.text("former")), r.evidence()));
        });
        run("events.rq", r -> {
            if (once(seen, "event", r.stem() + " " + r.iri("event")))
                article(articles, r.stem()).events.add(new SystemItems.Event(r.iri("event"), r.text("label"),
                        new LinkedHashSet<>(r.list("types", " ")), new LinkedHashSet<>(r.list("participants", " ")),
                        r.text("date"), r.text("start"), r.text("end"), r.text("earliest"), r.text("latest"), r.iri("place"),
                        new LinkedHashSet<>(r.list("placeWithin", " ")), r.text("status"), r.evidence()));
        });
        run("quotes.rq", r -> {
            if (once(seen, "quote", r.stem() + " " + r.iri("quote")))
                article(articles, r.stem()).quotes.add(new SystemItems.Quote(r.iri("quote"), r.text("text"),
                        "named".equals(r.text("speakerKind")) ? r.iri("speaker") : null, r.text("speakerLabel"),
                        !"named".equals(r.text("speakerKind")), r.evidence()));
        });
        run("stances.rq", r -> {
            if (once(seen, "stance", r.stem() + " " + r.iri("stance")))
                article(articles, r.stem()).stances.add(new SystemItems.Stance(r.iri("stance"), r.iri("holder"),
                        r.text("stanceType"), r.iri("issue"), r.list("issueLabels", "\\|"), r.evidence()));
        });
        run("documents.rq", r -> {
            if (once(seen, "document", r.stem() + " " + r.iri("document")))
                article(articles, r.stem()).documents.add(new SystemItems.Document(r.iri("document"), r.text("date"), r.evidence()));
        });
        run("concepts.rq", r -> {
            String key = r.stem() + " " + r.iri("concept") + " " + r.text("relation") + " " + r.iri("target");
            if (once(seen, "concept", key))
                article(articles, r.stem()).concepts.add(new SystemItems.ConceptRelation(r.iri("concept"), r.text("relation"),
                        r.iri("target"), r.text("targetDate"), r.evidence()));
        });

        Map<String, SystemItems.Article> out = new TreeMap<>();
        articles.forEach((stem, b) -> out.put(stem, b.build()));
        return new SystemItems(entities, wikidata, out);
    }

    private static boolean once(Map<String, Map<String, String>> seen, String kind, String key) {
        return seen.computeIfAbsent(kind, k -> new java.util.HashMap<>()).putIfAbsent(key, key) == null;
    }

    private static Builder article(Map<String, Builder> articles, String stem) {
        return articles.computeIfAbsent(stem, s -> new Builder());
    }

    private void run(String file, Consumer<Row> each) {
        Path path = queryDir.resolve(file);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(path + ": cannot read the eval query (" + UserException.oneLine(e.getMessage()) + ")", e);
        }
        Txn.executeRead(view, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(view)).query(text).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) each.accept(new Row(rs.next()));
            } catch (QueryParseException e) {
                throw new UserException(path + ": " + UserException.oneLine(e.getMessage()), e);
            }
        });
    }

    /** One result row, with the conversions every query needs. */
    private record Row(QuerySolution s) {
        String iri(String var) {
            RDFNode n = s.get(var);
            return n != null && n.isURIResource() ? n.asResource().getURI() : null;
        }

        String text(String var) {
            RDFNode n = s.get(var);
            if (n == null) return null;
            return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : null;
        }

        List<String> list(String var, String separator) {
            String t = text(var);
            if (t == null || t.isEmpty()) return List.of();
            return Arrays.stream(t.split(separator)).filter(x -> !x.isEmpty()).toList();
        }

        String stem() {
            String a = iri("article");
            return a != null && a.startsWith(DKG.ARTICLE_NS) ? a.substring(DKG.ARTICLE_NS.length()) : null;
        }

        SystemItems.Evidence evidence() {
            String b = text("evBegin"), e = text("evEnd");
            if (b == null || e == null) return SystemItems.Evidence.NONE;
            return new SystemItems.Evidence(Integer.parseInt(b), Integer.parseInt(e), text("evidence"), list("rules", " "));
        }
    }

    private static final class Builder {
        final List<SystemItems.Mention> mentions = new ArrayList<>();
        final List<SystemItems.Post> posts = new ArrayList<>();
        final List<SystemItems.Event> events = new ArrayList<>();
        final List<SystemItems.Quote> quotes = new ArrayList<>();
        final List<SystemItems.Stance> stances = new ArrayList<>();
        final List<SystemItems.Document> documents = new ArrayList<>();
        final List<SystemItems.ConceptRelation> concepts = new ArrayList<>();

        SystemItems.Article build() {
            return new SystemItems.Article(List.copyOf(mentions), List.copyOf(posts), List.copyOf(events), List.copyOf(quotes),
                    List.copyOf(stances), List.copyOf(documents), List.copyOf(concepts));
        }
    }
}
