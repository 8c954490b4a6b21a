package org.diplokg.server;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.ActionProcessor;
import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.diplokg.web.FrontDoor;
import org.diplokg.web.LabelService;
import org.apache.jena.system.Txn;
import org.diplokg.UserException;
import org.diplokg.rdf.CsvResults;
import org.diplokg.store.KgDataset;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The embedded SPARQL service: dataset {@code /kg}, read-only unless update is explicitly enabled with a
 * credential, the offline Wikidata slice at {@code /wikidata} (always read-only) when one is given, and the
 * standard Fuseki UI at {@code /}. SERVICE is enabled for the allowlist of {@link ServicePolicy} only. The UI gets only the read side of Fuseki's admin API
 * (server description, ping, statistics, query validation); nothing that creates, deletes, backs up or
 * uploads is mounted. Each request passes the {@link RequestGuard} (size, encoding, Origin); queries are answered
 * whole or refused ({@link BoundedQuery}); writes must name a graph ({@link WritePolicy}). {@link FrontDoor} adds the
 * linked-data paths (resource IRIs, entity and ontology pages, Service Description, VoID/DCAT, DiploKG's UI examples)
 * and {@link LabelService} WDQS's label service.
 */
public final class KgServer {
    private KgServer() {}

    static {
        CsvResults.install();   // blank nodes as _:label in CSV results, as the W3C Recommendation writes them
    }

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
                          boolean offline, List<String> allowedServices, long maxRows, long maxRequestBytes) {
        /** Default limits: answers of up to this many rows (or triples), requests of up to this many bytes. */
        public static final long MAX_ROWS = 100_000, MAX_REQUEST_BYTES = 1_000_000;

        public Options(String host, int port, Duration queryTimeout, String updateUser, Path passwordFile,
                       boolean offline, List<String> allowedServices) {
            this(host, port, queryTimeout, updateUser, passwordFile, offline, allowedServices, MAX_ROWS, MAX_REQUEST_BYTES);
        }
        public Options(String host, int port, Duration queryTimeout, String updateUser, Path passwordFile) {
            this(host, port, queryTimeout, updateUser, passwordFile, false, List.of());
        }
        public static Options defaults() {
            return new Options("127.0.0.1", 3030, Duration.ofSeconds(60), null, null);
        }
        public Options withPort(int p) { return new Options(host, p, queryTimeout, updateUser, passwordFile, offline, allowedServices, maxRows, maxRequestBytes); }
        public Options withUpdate(String user, Path file) { return new Options(host, port, queryTimeout, user, file, offline, allowedServices, maxRows, maxRequestBytes); }
        public Options withOffline(boolean off) { return new Options(host, port, queryTimeout, updateUser, passwordFile, off, allowedServices, maxRows, maxRequestBytes); }
        public Options withAllowedServices(List<String> urls) { return new Options(host, port, queryTimeout, updateUser, passwordFile, offline, List.copyOf(urls), maxRows, maxRequestBytes); }
        public Options withTimeout(Duration t) { return new Options(host, port, t, updateUser, passwordFile, offline, allowedServices, maxRows, maxRequestBytes); }
        public Options withLimits(long rows, long requestBytes) { return new Options(host, port, queryTimeout, updateUser, passwordFile, offline, allowedServices, rows, requestBytes); }
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
        Context cxt = serverContext(options, guard);
        FusekiServer.Builder builder = FusekiServer.create()
                .port(options.port())
                .enableCors(true, null)
                .enablePing(true)
                .enableStats(true)
                .staticFileBase(uiLocation())
                .addServlet("/$/server", new ActionServerStatus())
                .addServlet("/$/validate/query", new QueryValidator())
                .addFilter("/*", new RequestGuard(options.maxRequestBytes(), Set.of(DATASET + "/update", DATASET + "/data"), !options.updatable()))
                .add(DATASET, dataService(view, options, cxt, guard.policy()));
        FrontDoor.mount(builder, view, DATASET, options.updatable());
        if (wikidata != null)
            builder.add(WIKIDATA, readOnly(wikidata, cxt, options, new GSP_R()));
        if (options.updatable())
            builder.passwordFile(options.passwordFile().toString());
        FusekiServer server = builder.build();
        bindTo(server, options.host());
        server.getServletContext().setAttribute(GUARD_ATTRIBUTE, guard);
        self.set(server);
        return server;
    }

    /**
     * This server's settings (SERVICE guard, time limit), given to each of its endpoints: Fuseki merges an endpoint's
     * context into each request's, so two servers over the same data (tests, the benchmark) keep their own policy,
     * and the dataset itself is served unwrapped, which TDB2's query engine needs to take the query.
     */
    private static Context serverContext(Options options, GuardedServices guard) {
        Context cxt = new Context();
        cxt.set(ARQ.queryTimeout, Long.toString(options.queryTimeout().toMillis()));
        guard.install(cxt);
        LabelService.install(cxt);
        return cxt;
    }

    /**
     * Starts a server built here; a port already in use (or any other failure to listen) is a {@link UserException}
     * in one line instead of Jetty's stack trace.
     */
    public static FusekiServer start(FusekiServer server, String host) {
        try {
            return server.start();
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t != null && !(t instanceof java.net.BindException)) t = t.getCause();
            if (t == null) throw e;
            int port = ((ServerConnector) server.getJettyServer().getConnectors()[0]).getPort();
            throw new UserException("cannot listen on " + host + ":" + port + ": " + UserException.oneLine(t.getMessage())
                    + " (another server is using the port? choose one with --port)", e);
        }
    }

    /** The SERVICE guard of a server built here: its policy and the count of SERVICE requests sent. */
    public static GuardedServices serviceGuard(FusekiServer server) {
        return (GuardedServices) server.getServletContext().getAttribute(GUARD_ATTRIBUTE);
    }

    private static Endpoint endpoint(Operation op, String name, Context cxt, AuthPolicy auth, ActionProcessor processor) {
        return Endpoint.create().operation(op).endpointName(name).context(cxt).authPolicy(auth).processor(processor).build();
    }

    private static DataService.Builder readOnly(DatasetGraph dsg, Context cxt, Options options, ActionProcessor graphStore) {
        DataService.Builder svc = DataService.newBuilder(dsg);
        ActionProcessor query = new BoundedQuery(options.maxRows());
        for (String name : new String[] {"", "sparql", "query"})   // /kg?query=..., /kg/sparql, /kg/query
            svc.addEndpoint(endpoint(Operation.Query, name, cxt, null, query));
        return svc.addEndpoint(endpoint(Operation.GSP_R, "", cxt, null, graphStore))    // /kg?default, /kg?graph=...
                  .addEndpoint(endpoint(Operation.GSP_R, "get", cxt, null, graphStore));
    }

    private static DataService.Builder dataService(DatasetGraph view, Options options, Context cxt, ServicePolicy services) {
        DataService.Builder svc = readOnly(view, cxt, options, new UnionGraphStore.Read());
        if (options.updatable()) {
            AuthPolicy onlyUpdater = Auth.policyAllowSpecific(options.updateUser());
            WritePolicy writes = new WritePolicy(services);
            Runnable reinfer = () -> Txn.executeWrite(view, () -> KgDataset.infer(view));
            svc.addEndpoint(endpoint(Operation.Update, "update", cxt, onlyUpdater, new GuardedUpdate(writes, reinfer)))
               .addEndpoint(endpoint(Operation.GSP_RW, "data", cxt, onlyUpdater, new UnionGraphStore.ReadWrite(writes, reinfer)));
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
