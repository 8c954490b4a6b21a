package org.diplokg.store;

import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;

/**
 * An in-memory dataset whose default graph is the union of its named graphs, the way a researcher expects
 * {@code SELECT * { ?s ?p ?o }} to see everything while {@code GRAPH ?g} still tells where each triple lives.
 * The in-memory store's union yields each triple once. Writes pass through to the underlying dataset unchanged.
 * (TDB2 does the same itself with {@code unionDefaultGraph}; see {@link KgDataset#queryView}.) It is marked as a
 * view because ARQ otherwise unwraps a dataset wrapper and queries the store's own (empty) default graph.
 */
final class UnionDefaultGraph extends DatasetGraphWrapper implements DatasetGraphWrapperView {
    UnionDefaultGraph(DatasetGraph dsg) {
        super(dsg);
    }

    @Override
    public Graph getDefaultGraph() {
        return getUnionGraph();
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return Quad.isDefaultGraph(graphNode) ? getUnionGraph() : super.getGraph(graphNode);
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return Quad.isDefaultGraph(g) ? super.find(Quad.unionGraph, s, p, o) : super.find(g, s, p, o);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return Quad.isDefaultGraph(g) ? super.contains(Quad.unionGraph, s, p, o) : super.contains(g, s, p, o);
    }
}
