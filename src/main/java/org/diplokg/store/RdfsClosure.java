package org.diplokg.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.rdfs.SetupRDFS;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Materialises the RDFS consequences (subclass, subproperty, domain, range) of every named graph's triples under the
 * ontology's schema, using Jena's forward RDFS stream. They are computed once when the dataset is built, so queries
 * run on the store's own engine and each entailed triple is stored once, in one graph, instead of being re-derived
 * (once per derivation) by a backward-chaining view at every query.
 * <p>
 * Generalized RDF (a datatype property's range gives {@code "1978-08-12" rdf:type xsd:date}, a literal subject) is
 * dropped: it is not RDF and no researcher asked for it.
 */
final class RdfsClosure {
    private RdfsClosure() {}

    /**
     * The RDFS consequences of the triples in {@code dsg}'s graphs and of {@code extra} (triples about to be added)
     * that neither states, in a deterministic order. Reads only: call inside a transaction.
     */
    static Set<Triple> entailed(DatasetGraph dsg, Graph schema, Collection<Triple> extra) {
        SetupRDFS setup = RDFSFactory.setupRDFS(schema);
        // The stream repeats each input triple before its consequences; those, and consequences some graph
        // already states (remembered, as many triples are derived many times over), are skipped.
        Set<Triple> entailed = new LinkedHashSet<>();
        Set<Triple> stated = new HashSet<>(extra);
        Triple[] current = new Triple[1];
        StreamRDF collect = RDFSFactory.removeGeneralizedRDF(new StreamRDFBase() {
            @Override public void triple(Triple t) {
                if (t.equals(current[0]) || entailed.contains(t) || stated.contains(t)) return;
                if (dsg.contains(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject())) stated.add(t);
                else entailed.add(t);
            }
        });
        StreamRDF rdfs = RDFSFactory.streamRDFS(collect, setup);
        dsg.find().forEachRemaining(q -> {
            current[0] = q.asTriple();
            rdfs.triple(current[0]);
        });
        for (Triple t : extra) {
            current[0] = t;
            rdfs.triple(t);
        }
        return entailed;
    }
}
