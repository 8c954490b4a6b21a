package org.diplokg.store;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Hides the "generalized RDF" that RDFS entailment produces: a datatype property's range makes the rules
 * derive triples such as {@code "1978-08-12" rdf:type xsd:date}, with a literal as subject. They are not RDF,
 * serialisers write them as broken Turtle, and no researcher asked for them.
 */
final class StandardRdfView extends DatasetGraphWrapper implements DatasetGraphWrapperView {
    StandardRdfView(DatasetGraph dsg) {
        super(dsg);
    }

    @Override public Graph getDefaultGraph() { return new Filtered(super.getDefaultGraph()); }
    @Override public Graph getUnionGraph() { return new Filtered(super.getUnionGraph()); }

    @Override
    public Graph getGraph(Node graphNode) {
        Graph g = super.getGraph(graphNode);
        return g == null ? null : new Filtered(g);
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return Iter.filter(super.find(g, s, p, o), q -> !q.getSubject().isLiteral());
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return Iter.filter(super.findNG(g, s, p, o), q -> !q.getSubject().isLiteral());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return !s.isLiteral() && super.contains(g, s, p, o);
    }

    private static final class Filtered extends GraphWrapper {
        Filtered(Graph g) { super(g); }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            return super.find(s, p, o).filterDrop(t -> t.getSubject().isLiteral());
        }

        @Override
        public ExtendedIterator<Triple> find(Triple t) {
            return find(t.getSubject(), t.getPredicate(), t.getObject());
        }

        @Override
        public boolean contains(Node s, Node p, Node o) {
            return !s.isLiteral() && super.contains(s, p, o);
        }

        @Override
        public boolean contains(Triple t) {
            return contains(t.getSubject(), t.getPredicate(), t.getObject());
        }
    }
}
