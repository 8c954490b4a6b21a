package org.diplokg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplokg.UserException;
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

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0)
            throw new UserException("--timeout must be a positive number of seconds");
        if (updateUser != null && (passwordFile == null || !Files.isReadable(passwordFile)))
            throw new UserException("--update-user needs a readable --password-file holding that user's credential");
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        DatasetGraph raw = data == null ? KgDataset.loadInMemory(layout) : KgDataset.openTdb2(data, layout);
        var options = new KgServer.Options(host, port, Duration.ofSeconds(timeoutSeconds), updateUser, passwordFile);
        FusekiServer server = KgServer.build(KgDataset.queryView(raw), options);
        server.start();
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getHttpPort();
        System.out.printf("DiploKG is serving %,d triples in %d named graphs.%n", KgDataset.size(raw), KgDataset.graphCount(raw));
        System.out.println("  SPARQL endpoint: " + base + KgServer.DATASET + "/sparql");
        System.out.println("  Fuseki UI:       " + base + "/");
        System.out.println(updateUser == null ? "  Read-only (update is disabled)." : "  SPARQL Update: " + base + KgServer.DATASET + "/update (user " + updateUser + ")");
        System.out.println("Press Ctrl-C to stop.");
        server.join();
        return 0;
    }
}
