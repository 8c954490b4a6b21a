package org.diplokg.web;

import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.diplokg.store.KgDataset;
import org.diplokg.vocab.DKG;

/**
 * The dataset's descriptions: VoID and DCAT (fixed metadata in {@code web/dataset.ttl}, statistics by
 * {@code web/void.rq}) and the SPARQL 1.1 Service Description ({@code web/service.ttl}, graphs by
 * {@code web/graphs.rq}). Statistics are computed from the data once, on first use, and kept: the served data
 * changes only through SPARQL Update, which is off by default.
 */
final class Descriptions {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private final Supplier<Graph> statistics;
    private final Supplier<Graph> graphs;
    private final boolean updatable;

    Descriptions(Sparql kg, boolean updatable) {
        this.statistics = memoize(() -> kg.construct(KgDataset.resource("/web/void.rq")));
        this.graphs = memoize(() -> kg.construct(KgDataset.resource("/web/graphs.rq")));
        this.updatable = updatable;
    }

    /** VoID and DCAT, with the endpoint and dump IRIs of the server at {@code base} (ending in '/'). */
    Graph dataset(String base) {
        Graph g = template("/web/dataset.ttl", base);
        statistics.get().find().forEachRemaining(g::add);
        return g;
    }

    /** The Service Description of the endpoint at {@code endpoint}. */
    Graph service(String endpoint) {
        Graph g = template("/web/service.ttl", endpoint);
        if (updatable)
            g.add(NodeFactory.createURI(endpoint + "#service"), NodeFactory.createURI(SD + "supportedLanguage"),
                    NodeFactory.createURI(SD + "SPARQL11Update"));
        graphs.get().find().forEachRemaining(g::add);
        return g;
    }

    private static <T> Supplier<T> memoize(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;
            @Override public synchronized T get() {
                if (value == null) value = compute.get();
                return value;
            }
        };
    }

    private static Graph template(String resource, String base) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(KgDataset.resource(resource), Lang.TURTLE).base(base).parse(g);
        DKG.PREFIXES.forEach(g.getPrefixMapping()::setNsPrefix);
        g.getPrefixMapping().setNsPrefix("void", "http://rdfs.org/ns/void#")
                .setNsPrefix("dcat", "http://www.w3.org/ns/dcat#")
                .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
                .setNsPrefix("sd", SD);
        return g;
    }
}
