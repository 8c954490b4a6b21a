package org.diplokg.links;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.diplokg.server.GuardedServices;
import org.diplokg.server.KgServer;

/**
 * Runs each federated query against a running offline server in three ways and reports requests sent to the
 * SERVICE endpoint and the median wall time: as written (Jena's own plan), {@code SERVICE <loop:URL>} (one
 * request per binding) and {@code SERVICE <loop:bulk+N:URL>} (bindings sent in batches of N by Jena's
 * service enhancer). Row counts are printed so that a mode that changes the answer is noticed.
 */
public final class FederationBench {

    private static final Pattern WDQS = Pattern.compile("SERVICE\\s*<(https://query\\.wikidata\\.org/[^>]*)>");

    public record Mode(String name, String prefix) {}

    public static List<Mode> modes(int bulkSize) {
        return List.of(new Mode("as written", ""), new Mode("loop", "loop:"), new Mode("loop:bulk+" + bulkSize, "loop:bulk+" + bulkSize + ":"));
    }

    public record Result(String query, String mode, int rows, long requests, double medianMillis) {}

    private final FusekiServer server;
    private final String endpoint;

    public FederationBench(FusekiServer server) {
        this.server = server;
        this.endpoint = "http://127.0.0.1:" + server.getHttpPort() + KgServer.DATASET + "/sparql";
    }

    public static String rewrite(String query, String prefix) {
        Matcher m = WDQS.matcher(query);
        return m.replaceAll(r -> Matcher.quoteReplacement("SERVICE <" + prefix + r.group(1) + ">"));
    }

    public List<Result> run(List<Path> queries, int runs, int bulkSize) {
        GuardedServices guard = KgServer.serviceGuard(server);
        List<Result> out = new ArrayList<>();
        for (Path file : queries) {
            String text = read(file);
            for (Mode mode : modes(bulkSize)) {
                String q = rewrite(text, mode.prefix());
                execute(q); // warm-up: class loading and JIT would otherwise dominate the first mode
                double[] millis = new double[runs];
                long requests = 0;
                int rows = 0;
                for (int i = 0; i < runs; i++) {
                    long before = guard.requestsSent();
                    long t0 = System.nanoTime();
                    rows = execute(q);
                    millis[i] = (System.nanoTime() - t0) / 1e6;
                    requests = guard.requestsSent() - before;
                }
                Arrays.sort(millis);
                out.add(new Result(file.getFileName().toString(), mode.name(), rows, requests, millis[runs / 2]));
            }
        }
        return out;
    }

    private int execute(String q) {
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(q).build()) {
            int[] n = {0};
            qe.execSelect().forEachRemaining(s -> n[0]++);
            return n[0];
        }
    }

    public static void print(List<Result> results, PrintStream out) {
        out.printf("%-40s %-16s %5s %9s %11s%n", "query", "mode", "rows", "requests", "median ms");
        for (Result r : results)
            out.printf("%-40s %-16s %5d %9d %11.1f%n", r.query(), r.mode(), r.rows(), r.requests(), r.medianMillis());
    }

    private static String read(Path p) {
        try { return Files.readString(p); } catch (IOException e) { throw new UncheckedIOException(e); }
    }
}
