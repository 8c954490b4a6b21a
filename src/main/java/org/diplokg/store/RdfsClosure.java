package org.diplokg.store;

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
     * Adds to graph {@code target} of {@code dsg} each RDFS consequence of the triples in its named graphs that no
     * named graph holds yet. Call inside a write transaction.
     *
     * @return the number of triples added
     */
    static long addTo(DatasetGraph dsg, Graph schema, Node target) {
        SetupRDFS setup = RDFSFactory.setupRDFS(schema);
        // Collected first: a store cannot be written while one of its iterators is open. The stream repeats each
        // input triple before its consequences; those, and consequences some graph already states, are skipped.
        Set<Triple> entailed = new LinkedHashSet<>();
        Triple[] current = new Triple[1];
        StreamRDF collect = RDFSFactory.removeGeneralizedRDF(new StreamRDFBase() {
            @Override public void triple(Triple t) {
                if (!t.equals(current[0]) && !entailed.contains(t)
                        && !dsg.contains(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()))
                    entailed.add(t);
            }
        });
        StreamRDF rdfs = RDFSFactory.streamRDFS(collect, setup);
        dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            current[0] = q.asTriple();
            rdfs.triple(current[0]);
        });
        for (Triple t : entailed)
            dsg.add(target, t.getSubject(), t.getPredicate(), t.getObject());
        return entailed.size();
    }
}
