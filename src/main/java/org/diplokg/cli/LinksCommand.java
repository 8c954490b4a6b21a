package org.diplokg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplokg.UserException;
import org.diplokg.links.FederationBench;
import org.diplokg.links.KgLinks;
import org.diplokg.links.Link;
import org.diplokg.links.LinkSuggester;
import org.diplokg.links.LinkVerifier;
import org.diplokg.links.PoliteSparqlClient;
import org.diplokg.links.WikidataSlice;
import org.diplokg.server.KgServer;
import org.diplokg.server.ServicePolicy;
import org.diplokg.store.KgDataset;
import org.diplokg.store.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "links", mixinStandardHelpOptions = true,
        description = "Wikidata links: verify them, suggest new ones, benchmark federated queries.",
        subcommands = {LinksCommand.Verify.class, LinksCommand.Suggest.class, LinksCommand.Bench.class})
final class LinksCommand {

    /** Options shared by the commands that ask a Wikidata endpoint. */
    static class EndpointOptions {
        @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "https://query.wikidata.org/sparql",
                description = "Wikidata SPARQL endpoint (default: ${DEFAULT-VALUE}).")
        String endpoint;

        @Option(names = "--batch", defaultValue = "50", description = "Items per request (VALUES block), default ${DEFAULT-VALUE}.")
        int batch;

        @Option(names = "--interval-ms", defaultValue = "1000", description = "Minimum time between requests, default ${DEFAULT-VALUE} ms.")
        long intervalMs;

        @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Time limit per request, default ${DEFAULT-VALUE} s.")
        long timeoutSeconds;

        PoliteSparqlClient client() {
            if (batch < 1) throw new UserException("--batch must be at least 1");
            if (timeoutSeconds <= 0) throw new UserException("--timeout must be a positive number of seconds");
            return new PoliteSparqlClient(endpoint, PoliteSparqlClient.Settings.polite()
                    .withTimeout(Duration.ofSeconds(timeoutSeconds)).withMinInterval(Duration.ofMillis(Math.max(0, intervalMs))));
        }
    }

    static List<Link> links() {
        return KgLinks.read(KgDataset.loadInMemory(ProjectLayout.fromEnvironment()));
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every owl:sameAs link's label, type and existence against Wikidata; exit 1 on any problem.")
    static final class Verify implements Callable<Integer> {
        @picocli.CommandLine.Mixin EndpointOptions endpoint = new EndpointOptions();

        @Override public Integer call() {
            List<Link> links = links();
            PoliteSparqlClient client = endpoint.client();
            List<LinkVerifier.Finding> findings = new LinkVerifier(client, endpoint.batch).verify(links);
            long linked = links.stream().filter(l -> l.item() != null).count();
            findings.forEach(f -> System.out.println(f.line()));
            System.out.printf("%d links checked against %s in %d requests: %d problems.%n",
                    linked, client.endpoint(), client.requests(), findings.size());
            return findings.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = "Look up Wikidata candidates for unlinked entities by English label and type; write a review file.")
    static final class Suggest implements Callable<Integer> {
        @picocli.CommandLine.Mixin EndpointOptions endpoint = new EndpointOptions();

        @Option(names = "--output", paramLabel = "FILE", defaultValue = "link-suggestions.tsv",
                description = "Review file (TSV), default ${DEFAULT-VALUE}.")
        Path output;

        @Option(names = "--accepted", paramLabel = "FILE",
                description = "Also write the unique, type-agreeing matches as Turtle links (dkg:LabelTypeMatch) to FILE.")
        Path accepted;

        @Override public Integer call() {
            List<LinkSuggester.Suggestion> suggestions = new LinkSuggester(endpoint.client(), endpoint.batch).suggest(links());
            write(output, w -> {
                w.write("verdict\tentity\tlabel\tdkg_type\tcandidate\tcandidate_types\ttype_agrees\n");
                for (var s : suggestions)
                    for (var c : s.candidates().isEmpty() ? List.<LinkSuggester.Candidate>of(new LinkSuggester.Candidate("", java.util.Set.of(), false)) : s.candidates())
                        w.write(String.join("\t", s.verdict().name(), s.entity().entity(), s.entity().label(), s.entity().type(),
                                c.item(), LinkVerifierTypes.qids(c.types()), Boolean.toString(c.typeAgrees())) + "\n");
            });
            List<LinkSuggester.Suggestion> sure = suggestions.stream().filter(s -> s.verdict() == LinkSuggester.Verdict.LINK).toList();
            if (accepted != null)
                write(accepted, w -> {
                    w.write("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix dkg: <https://w3id.org/diplokg/ontology#> .\n\n");
                    for (var s : sure)
                        w.write("<" + s.entity().entity() + "> owl:sameAs <" + s.candidates().get(0).item() + "> ;\n    dkg:wikidataLabel \""
                                + s.entity().label().replace("\\", "\\\\").replace("\"", "\\\"") + "\" ;\n    dkg:linkMethod dkg:LabelTypeMatch .\n\n");
                });
            long review = suggestions.stream().filter(s -> s.verdict() == LinkSuggester.Verdict.REVIEW_AMBIGUOUS || s.verdict() == LinkSuggester.Verdict.REVIEW_TYPE).count();
            System.out.printf("%d unlinked entities: %d unique type-agreeing matches, %d to review, %d without candidates. Review file: %s%n",
                    suggestions.size(), sure.size(), review, suggestions.size() - sure.size() - review, output);
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Run queries/federated/*.rq offline (loopback server over the slice): requests and median time, as written, per binding, batched.")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "Timed runs per query and mode (median reported), default ${DEFAULT-VALUE}.") int runs;
        @Option(names = "--bulk", defaultValue = "10", description = "Bindings per batched request, default ${DEFAULT-VALUE}.") int bulk;

        @Override public Integer call() {
            if (runs < 1 || bulk < 1) throw new UserException("--runs and --bulk must be at least 1");
            // Fuseki logs every request; for a benchmark that is noise on stdout and time in the measurement.
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.jena.fuseki", org.apache.logging.log4j.Level.WARN);
            ProjectLayout layout = ProjectLayout.fromEnvironment();
            DatasetGraph raw = KgDataset.loadInMemory(layout);
            FusekiServer server = KgServer.build(KgDataset.queryView(raw), WikidataSlice.load(layout),
                    KgServer.Options.defaults().withPort(0).withOffline(true)).start();
            try {
                List<Path> queries;
                try (Stream<Path> s = Files.list(layout.queriesDir().resolve("federated"))) {
                    queries = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
                }
                System.out.println("Offline server on 127.0.0.1:" + server.getHttpPort() + "; SERVICE " + ServicePolicy.WDQS.get(0) + " -> /wikidata.");
                FederationBench.print(new FederationBench(server).run(queries, runs, bulk), System.out);
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server.stop();
            }
        }
    }

    interface WriterBody { void accept(Writer w) throws IOException; }

    static void write(Path file, WriterBody body) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.accept(w);
        } catch (IOException e) {
            throw new UserException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    /** Q-ids for the review file. */
    static final class LinkVerifierTypes {
        static String qids(java.util.Set<String> iris) {
            return iris.stream().map(s -> s.substring(s.lastIndexOf('/') + 1)).sorted().reduce((a, b) -> a + "," + b).orElse("");
        }
    }
}
