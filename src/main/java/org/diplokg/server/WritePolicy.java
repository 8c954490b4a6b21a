package org.diplokg.server;

import java.util.Collection;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.UpdateBinaryOp;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.diplokg.vocab.DKG;

/**
 * What an update may change. The default graph is the read-only union of the named graphs (a triple written to the
 * store's own default graph would never be seen again), and the inferred graph is recomputed after every update,
 * so an update must name another graph. LOAD fetches only from endpoints the {@link ServicePolicy} allows, and
 * never from {@code file:} or any scheme but http(s): otherwise an editor could copy the server's files into a
 * public graph (and read them in the error messages).
 */
final class WritePolicy {

    static final String NAME_A_GRAPH = "the default graph is the read-only union of the named graphs: name the graph "
            + "to change (GRAPH <IRI> { ... }, WITH <IRI>, LOAD <url> INTO GRAPH <IRI>, or ?graph=IRI in the Graph Store Protocol)";

    private final ServicePolicy services;

    WritePolicy(ServicePolicy services) {
        this.services = services;
    }

    /** Throws {@link QueryDeniedException} naming the first operation of {@code request} that is not allowed. */
    void check(UpdateRequest request) {
        for (Update u : request.getOperations())
            check(u);
    }

    private void check(Update u) {
        if (u instanceof UpdateData d)
            quads(d.getQuads(), null);
        else if (u instanceof UpdateDeleteWhere d)
            quads(d.getQuads(), null);
        else if (u instanceof UpdateModify m) {
            quads(m.getInsertQuads(), m.getWithIRI());
            quads(m.getDeleteQuads(), m.getWithIRI());
        } else if (u instanceof UpdateLoad l) {
            if (l.getDest() == null)
                deny("LOAD <" + l.getSource() + ">: " + NAME_A_GRAPH);
            target(l.getDest());
            String src = l.getSource();
            if (!src.regionMatches(true, 0, "http://", 0, 7) && !src.regionMatches(true, 0, "https://", 0, 8))
                deny("LOAD <" + src + "> refused: only http(s) sources on this server's allowlist may be loaded");
            services.route(src);   // throws when the host is not on the allowlist
        } else if (u instanceof UpdateDropClear c) {
            // ALL is allowed: with every named graph cleared, the union is empty too, as ALL means.
            if (c.isDefault())
                deny(updateName(u) + " DEFAULT: " + NAME_A_GRAPH);
            if (c.isOneGraph())
                target(c.getGraph());
        } else if (u instanceof UpdateBinaryOp b) {
            if (b.getDest().isDefault() || (u instanceof UpdateMove && b.getSrc().isDefault()))
                deny(updateName(u) + ": " + NAME_A_GRAPH);
            if (b.getDest().isOneNamedGraph())
                target(b.getDest().getGraph());
        }
    }

    /** A Graph Store Protocol write to {@code graph} (null: the default graph). */
    void checkGraphStoreWrite(Node graph) {
        if (graph == null)
            deny("Graph Store Protocol write to the default graph: " + NAME_A_GRAPH);
        target(graph);
    }

    private void quads(Collection<Quad> quads, Node with) {
        for (Quad q : quads) {
            Node g = q.isDefaultGraph() ? with : q.getGraph();
            if (g == null)
                deny("triple " + q.asTriple() + " is in no graph: " + NAME_A_GRAPH);
            if (g.isURI())
                target(g);
        }
    }

    private static void target(Node graph) {
        if (graph != null && graph.isURI() && graph.getURI().equals(DKG.GRAPH_INFERRED))
            deny("<" + DKG.GRAPH_INFERRED + "> is computed from the other graphs after each update; write to another graph");
    }

    private static String updateName(Update u) {
        return u.getClass().getSimpleName().replace("Update", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static void deny(String message) {
        throw new QueryDeniedException("Update refused: " + message);
    }
}
