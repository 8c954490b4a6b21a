package org.diplokg.server;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The embedded SPARQL service: dataset {@code /kg}, read-only unless update is explicitly enabled with a
 * credential, and the standard Fuseki UI at {@code /}. The UI gets only the read side of Fuseki's admin API
 * (server description, ping, statistics, query validation); nothing that creates, deletes, backs up or
 * uploads is mounted.
 */
public final class KgServer {
    private KgServer() {}

    public static final String DATASET = "/kg";

    /**
     * @param host         interface to listen on ("127.0.0.1" by default)
     * @param port         TCP port; 0 picks a free one
     * @param queryTimeout limit for each query's execution
     * @param updateUser   when not null, SPARQL Update and the read-write Graph Store Protocol are mounted
     *                     for this user only, authenticated against {@code passwordFile}
     * @param passwordFile Jetty realm file ({@code user: password}) holding {@code updateUser}'s credential
     */
    public record Options(String host, int port, Duration queryTimeout, String updateUser, Path passwordFile) {
        public static Options defaults() {
            return new Options("127.0.0.1", 3030, Duration.ofSeconds(60), null, null);
        }
        public Options withPort(int p) { return new Options(host, p, queryTimeout, updateUser, passwordFile); }
        public Options withUpdate(String user, Path file) { return new Options(host, port, queryTimeout, user, file); }
        boolean updatable() { return updateUser != null; }
    }

    /** Builds (does not start) the server for the query view of the dataset. */
    public static FusekiServer build(DatasetGraph view, Options options) {
        view.getContext().set(ARQ.queryTimeout, Long.toString(options.queryTimeout().toMillis()));
        FusekiServer.Builder builder = FusekiServer.create()
                .port(options.port())
                .enableCors(true, null)
                .enablePing(true)
                .enableStats(true)
                .staticFileBase(uiLocation())
                .addServlet("/$/server", new ActionServerStatus())
                .addServlet("/$/validate/query", new QueryValidator())
                .add(DATASET, dataService(view, options));
        if (options.updatable())
            builder.passwordFile(options.passwordFile().toString());
        FusekiServer server = builder.build();
        bindTo(server, options.host());
        return server;
    }

    private static DataService.Builder dataService(DatasetGraph view, Options options) {
        DataService.Builder svc = DataService.newBuilder(view)
                .addEndpoint(Operation.Query)            // /kg?query=...
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R)            // /kg?default, /kg?graph=...
                .addEndpoint(Operation.GSP_R, "get");
        if (options.updatable()) {
            AuthPolicy onlyUpdater = Auth.policyAllowSpecific(options.updateUser());
            svc.addEndpoint(Operation.Update, "update", onlyUpdater)
               .addEndpoint(Operation.GSP_RW, "data", onlyUpdater);
        }
        return svc;
    }

    /** The Fuseki UI's files, shipped in the jena-fuseki-ui jar under {@code webapp/}. */
    private static String uiLocation() {
        URL url = KgServer.class.getClassLoader().getResource("webapp");
        if (url == null)
            throw new IllegalStateException("Fuseki UI (jena-fuseki-ui) is not on the classpath");
        return url.toString();
    }

    /** The builder only knows "all interfaces" or "localhost"; the connector takes any address. */
    private static void bindTo(FusekiServer server, String host) {
        for (Connector c : server.getJettyServer().getConnectors())
            if (c instanceof ServerConnector sc)
                sc.setHost(host);
    }
}
