package org.diplokg.server;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The SPARQL query operation with answers that are either whole or an error, never a truncated 200.
 * <p>
 * Fuseki streams SELECT results as they are computed, so a query that times out after the first row was sent ends
 * as an HTTP 200 whose body stops mid-document. Here the whole answer is computed, within the time limit, before
 * the first byte is written: a timeout is then a 503 with nothing sent, and the body that follows a 200 is complete.
 * To keep that buffering bounded, an answer larger than {@code maxRows} (rows for SELECT, triples for CONSTRUCT and
 * DESCRIBE) is refused up front with a 422 that names the limit and how to page, rather than cut: a silently short
 * answer is a wrong answer. A SERVICE call the {@link ServicePolicy} refuses is a 422 too.
 */
final class BoundedQuery extends SPARQL_QueryDataset {

    static final int UNPROCESSABLE = 422;

    private final long maxRows;

    BoundedQuery(long maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        try {
            QueryExecResult result = super.executeQuery(action, exec, query, queryStringLog);
            if (result.isRowSet())
                return new QueryExecResult(buffer(result.rowSet(), exec));
            if (result.isGraph() && result.graph().size() > maxRows)
                tooLarge(result.graph().size() + " triples");
            if (result.isDataset() && result.dataset().stream().limit(maxRows + 1).count() > maxRows)
                tooLarge("more than " + maxRows + " quads");
            return result;
        } catch (QueryDeniedException e) {
            ServletOps.error(UNPROCESSABLE, e.getMessage());
            throw e;   // not reached: error() throws
        }
    }

    /** All rows, computed now, so that a timeout (QueryCancelledException, Fuseki's 503) comes before any byte. */
    private RowSet buffer(RowSet rows, QueryExec exec) {
        List<Binding> kept = new ArrayList<>();
        while (rows.hasNext()) {
            if (kept.size() == maxRows) {
                exec.abort();
                tooLarge("more than " + maxRows + " rows");
            }
            kept.add(rows.next());
        }
        return RowSetStream.create(rows.getResultVars(), kept.iterator());
    }

    private void tooLarge(String what) {
        ServletOps.error(UNPROCESSABLE, "The answer has " + what + ", over this server's limit of " + maxRows
                + " (kg serve --max-rows). Ask for less: add LIMIT, page with ORDER BY and LIMIT/OFFSET, or use COUNT.");
    }
}
