package org.diplokg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplokg.UserException;
import org.diplokg.links.WikidataSlice;
import org.diplokg.server.KgServer;
import org.diplokg.store.KgDataset;
import org.diplokg.store.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the knowledge graph over SPARQL with the Fuseki UI (read-only unless --update-user is given).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free port).")
    int port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "TDB2 database directory; filled from ontology/ and data/ when empty. In memory when absent.")
    Path data;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Query execution time limit in seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--update-user", paramLabel = "USER",
            description = "Enable SPARQL Update and the read-write Graph Store Protocol for this user only (needs --password-file).")
    String updateUser;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Jetty realm file with lines 'user: password'.")
    Path passwordFile;

    @Option(names = "--offline",
            description = "SERVICE calls to the Wikidata Query Service are answered by the local slice at /wikidata.")
    boolean offline;

    @Option(names = "--allow-service", paramLabel = "URL",
            description = "Also allow SERVICE calls to this endpoint (repeatable). Allowed without it: the Wikidata Query Service and this server's datasets.")
    List<String> allowedServices = new ArrayList<>();

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0)
            throw new UserException("--timeout must be a positive number of seconds");
        if (updateUser != null && (passwordFile == null || !Files.isReadable(passwordFile)))
            throw new UserException("--update-user needs a readable --password-file holding that user's credential");
        for (String url : allowedServices)
            if (!url.startsWith("http://") && !url.startsWith("https://"))
                throw new UserException("--allow-service " + url + ": not an http(s) URL");
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        DatasetGraph raw = data == null ? KgDataset.loadInMemory(layout) : KgDataset.openTdb2(data, layout);
        DatasetGraph wikidata = WikidataSlice.load(layout);
        var options = new KgServer.Options(host, port, Duration.ofSeconds(timeoutSeconds), updateUser, passwordFile,
                offline, allowedServices);
        FusekiServer server = KgServer.build(KgDataset.queryView(raw), wikidata, options);
        server.start();
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getHttpPort();
        System.out.printf("DiploKG is serving %,d triples in %d named graphs.%n", KgDataset.size(raw), KgDataset.graphCount(raw));
        System.out.println("  SPARQL endpoint: " + base + KgServer.DATASET + "/sparql");
        System.out.println("  Wikidata slice:  " + base + KgServer.WIKIDATA + "/sparql (offline development copy, not the authority)");
        System.out.println(offline ? "  Offline: SERVICE <https://query.wikidata.org/sparql> is answered by the slice."
                : "  SERVICE allowed to: the Wikidata Query Service, this server" + (allowedServices.isEmpty() ? "" : ", " + String.join(", ", allowedServices)) + ".");
        System.out.println("  Fuseki UI:       " + base + "/");
        System.out.println("  Linked data:     " + base + "/resource/... (pages " + base + "/page/...), " + base + "/ontology, "
                + base + "/.well-known/void");
        System.out.println(updateUser == null ? "  Read-only (update is disabled)." : "  SPARQL Update: " + base + KgServer.DATASET + "/update (user " + updateUser + ")");
        System.out.println("Press Ctrl-C to stop.");
        server.join();
        return 0;
    }
}
