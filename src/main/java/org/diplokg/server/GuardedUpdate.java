package org.diplokg.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * SPARQL Update that first checks the request against the {@link WritePolicy} (a refusal is a 422 naming the
 * operation and what to do instead) and, after a successful update, recomputes what the data entails. Protocol
 * dataset parameters that conflict with the update's own USING or WITH are a 400, as the SPARQL Protocol says.
 */
final class GuardedUpdate extends SPARQL_Update {

    private final WritePolicy policy;
    private final Runnable afterWrite;

    GuardedUpdate(WritePolicy policy, Runnable afterWrite) {
        this.policy = policy;
        this.afterWrite = afterWrite;
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UpdateRequest request = null;
        try {
            request = UpdateFactory.create(new String(body, StandardCharsets.UTF_8));
        } catch (QueryParseException e) {
            // Fuseki reports the syntax error itself (400).
        }
        if (request != null) {
            if ((action.getRequestParameter("using-graph-uri") != null || action.getRequestParameter("using-named-graph-uri") != null)
                    && request.getOperations().stream().anyMatch(u -> u instanceof UpdateWithUsing w
                            && (w.getWithIRI() != null || !w.getUsing().isEmpty() || !w.getUsingNamed().isEmpty())))
                // The protocol's rule; Fuseki itself answers 500 here.
                ServletOps.errorBadRequest("using-graph-uri / using-named-graph-uri conflict with USING, USING NAMED or WITH in the update");
            try {
                policy.check(request);
            } catch (QueryDeniedException e) {
                ServletOps.error(BoundedQuery.UNPROCESSABLE, e.getMessage());
            }
        }
        super.execute(action, new ByteArrayInputStream(body));
        afterWrite.run();
    }
}
