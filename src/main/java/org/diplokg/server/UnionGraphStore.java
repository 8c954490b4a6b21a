package org.diplokg.server;

import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * The Graph Store Protocol over the served dataset, whose default graph is the union of the named graphs: TDB2's
 * {@code unionDefaultGraph} applies to queries only, so {@code GET ?default} would otherwise return the store's own
 * (empty) default graph. Writes ({@link ReadWrite}) must name a graph, as SPARQL Update must.
 */
final class UnionGraphStore {
    private UnionGraphStore() {}

    /** The dataset as the Graph Store Protocol should see it: default graph = union of the named graphs. */
    static DatasetGraph unionDefault(DatasetGraph dsg) {
        return new DatasetGraphWrapper(dsg) {
            @Override public Graph getDefaultGraph() { return dsg.getUnionGraph(); }
        };
    }

    static final class Read extends GSP_R {
        @Override
        protected DatasetGraph decideDataset(HttpAction action) {
            return unionDefault(super.decideDataset(action));
        }
    }

    static final class ReadWrite extends GSP_RW {
        private final WritePolicy policy;
        private final Runnable afterWrite;

        ReadWrite(WritePolicy policy, Runnable afterWrite) {
            this.policy = policy;
            this.afterWrite = afterWrite;
        }

        @Override
        protected DatasetGraph decideDataset(HttpAction action) {
            DatasetGraph dsg = super.decideDataset(action);
            return "GET".equals(action.getRequestMethod()) || "HEAD".equals(action.getRequestMethod()) ? unionDefault(dsg) : dsg;
        }

        @Override protected void doPut(HttpAction action) { write(action, () -> super.doPut(action)); }
        @Override protected void doPost(HttpAction action) { write(action, () -> super.doPost(action)); }
        @Override protected void doDelete(HttpAction action) { write(action, () -> super.doDelete(action)); }
        @Override protected void doPatch(HttpAction action) { ServletOps.errorMethodNotAllowed("PATCH"); }

        private void write(HttpAction action, Runnable op) {
            String graph = action.getRequestParameter("graph");
            try {
                if (graph == null && action.getRequestParameter("default") == null)
                    throw new QueryDeniedException("Update refused: a Graph Store Protocol write needs ?graph=IRI");
                policy.checkGraphStoreWrite(graph == null ? null : NodeFactory.createURI(graph));
            } catch (QueryDeniedException e) {
                ServletOps.error(BoundedQuery.UNPROCESSABLE, e.getMessage());
            }
            op.run();
            afterWrite.run();
        }
    }

}
