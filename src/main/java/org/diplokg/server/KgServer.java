package org.diplokg.server;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.diplokg.web.FrontDoor;
import org.diplokg.web.LabelService;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The embedded SPARQL service: dataset {@code /kg}, read-only unless update is explicitly enabled with a
 * credential, the offline Wikidata slice at {@code /wikidata} (always read-only) when one is given, and the
 * standard Fuseki UI at {@code /}. SERVICE is enabled for the allowlist of {@link ServicePolicy} only. The UI gets only the read side of Fuseki's admin API
 * (server description, ping, statistics, query validation); nothing that creates, deletes, backs up or
 * uploads is mounted. {@link FrontDoor} adds the linked-data paths (resource IRIs, entity and ontology pages,
 * Service Description, VoID/DCAT, DiploKG's UI examples) and {@link LabelService} WDQS's label service.
 */
public final class KgServer {
    private KgServer() {}

    public static final String DATASET = "/kg";
    /** The offline Wikidata slice; see {@code data/wikidata/README.md}. */
    public static final String WIKIDATA = "/wikidata";
    private static final String GUARD_ATTRIBUTE = GuardedServices.class.getName();

    /**
     * @param host         interface to listen on ("127.0.0.1" by default)
     * @param port         TCP port; 0 picks a free one
     * @param queryTimeout limit for each query's execution
     * @param updateUser   when not null, SPARQL Update and the read-write Graph Store Protocol are mounted
     *                     for this user only, authenticated against {@code passwordFile}
     * @param passwordFile Jetty realm file ({@code user: password}) holding {@code updateUser}'s credential
     * @param offline      SERVICE calls to the Wikidata Query Service go to this server's {@code /wikidata} slice
     * @param allowedServices SERVICE endpoints allowed besides the Wikidata Query Service and this server
     */
    public record Options(String host, int port, Duration queryTimeout, String updateUser, Path passwordFile,
                          boolean offline, List<String> allowedServices) {
        public Options(String host, int port, Duration queryTimeout, String updateUser, Path passwordFile) {
            this(host, port, queryTimeout, updateUser, passwordFile, false, List.of());
        }
        public static Options defaults() {
            return new Options("127.0.0.1", 3030, Duration.ofSeconds(60), null, null);
        }
        public Options withPort(int p) { return new Options(host, p, queryTimeout, updateUser, passwordFile, offline, allowedServices); }
        public Options withUpdate(String user, Path file) { return new Options(host, port, queryTimeout, user, file, offline, allowedServices); }
        public Options withOffline(boolean off) { return new Options(host, port, queryTimeout, updateUser, passwordFile, off, allowedServices); }
        public Options withAllowedServices(List<String> urls) { return new Options(host, port, queryTimeout, updateUser, passwordFile, offline, List.copyOf(urls)); }
        boolean updatable() { return updateUser != null; }
    }

    /** Builds (does not start) the server for the query view of the dataset, without a Wikidata slice. */
    public static FusekiServer build(DatasetGraph view, Options options) {
        return build(view, null, options);
    }

    /** Builds (does not start) the server for the query view of the dataset and, when not null, the Wikidata slice. */
    public static FusekiServer build(DatasetGraph view, DatasetGraph wikidata, Options options) {
        if (options.offline() && wikidata == null)
            throw new IllegalArgumentException("offline mode needs the Wikidata slice");
        AtomicReference<FusekiServer> self = new AtomicReference<>();
        GuardedServices guard = new GuardedServices(new ServicePolicy(options.offline(), options.allowedServices(),
                options.host(), () -> self.get().getHttpPort()));
        view = ownContext(view, options, guard);
        wikidata = wikidata == null ? null : ownContext(wikidata, options, guard);
        FusekiServer.Builder builder = FusekiServer.create()
                .port(options.port())
                .enableCors(true, null)
                .enablePing(true)
                .enableStats(true)
                .staticFileBase(uiLocation())
                .addServlet("/$/server", new ActionServerStatus())
                .addServlet("/$/validate/query", new QueryValidator())
                .add(DATASET, dataService(view, options));
        FrontDoor.mount(builder, view, DATASET, options.updatable());
        if (wikidata != null)
            builder.add(WIKIDATA, readOnly(wikidata));
        if (options.updatable())
            builder.passwordFile(options.passwordFile().toString());
        FusekiServer server = builder.build();
        bindTo(server, options.host());
        server.getServletContext().setAttribute(GUARD_ATTRIBUTE, guard);
        self.set(server);
        return server;
    }

    /**
     * The dataset with a context of its own: the guard and time limit are per server, and two servers over the same
     * data (tests, the benchmark) must not overwrite each other's SERVICE policy in a shared context.
     */
    private static DatasetGraph ownContext(DatasetGraph dsg, Options options, GuardedServices guard) {
        Context cxt = Context.setupContextForDataset(dsg.getContext(), dsg);
        cxt.set(ARQ.queryTimeout, Long.toString(options.queryTimeout().toMillis()));
        guard.install(cxt);
        LabelService.install(cxt);
        return new DatasetGraphWrapper(dsg, cxt);
    }

    /** The SERVICE guard of a server built here: its policy and the count of SERVICE requests sent. */
    public static GuardedServices serviceGuard(FusekiServer server) {
        return (GuardedServices) server.getServletContext().getAttribute(GUARD_ATTRIBUTE);
    }

    private static DataService.Builder readOnly(DatasetGraph dsg) {
        return DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R)
                .addEndpoint(Operation.GSP_R, "get");
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
