package org.diplokg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.diplokg.UserException;
import org.diplokg.store.KgDataset;
import org.diplokg.store.ProjectLayout;
import org.diplokg.store.SyntheticKg;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The store benchmark: a synthetic KG shaped like {@code data/kg} ({@link SyntheticKg}) loaded twice on disk, once
 * as plain TDB2 (TDB2's phased bulk loader, the stated quads only, {@code unionDefaultGraph}) and once the way
 * {@code kg serve --data} loads it (the same loader, then the entailment materialised, served by
 * {@link KgDataset#queryView}); then every competency query in {@code queries/} timed on both, interleaved round
 * by round (the order alternating) after warm-up rounds, in one process.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Benchmark the SPARQL store: DiploKG's served view against plain TDB2 with unionDefaultGraph on the same synthetic data.",
                "Prints load times, and per competency query its rows and p50/p95 wall-clock time on each store, and the geometric mean of the p50 ratios."})
final class StoreBenchCommand implements Callable<Integer> {

    @Option(names = "--triples", defaultValue = "1000000", description = "Stated quads to generate, about (default: ${DEFAULT-VALUE}).")
    long triples;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds per query and store (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "Rounds run first and left out (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the two databases (default: a temporary directory, deleted afterwards).")
    Path dir;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS", description = "Time limit for one query (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (triples < 1 || rounds < 1 || warmup < 0) throw new UserException("--triples and --rounds must be positive");
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        List<Path> queryFiles;
        try (Stream<Path> s = Files.list(layout.queriesDir())) {
            queryFiles = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        Path work = dir != null ? dir : Files.createTempDirectory("diplokg-bench-store-");
        boolean temporary = dir == null;
        try {
            SyntheticKg synth = new SyntheticKg(layout);
            int copies = synth.copiesFor(triples);
            System.out.printf("Synthetic KG: ontology and reference data (%,d quads) + %,d copies of data/kg's article graphs (%,d quads each)%n",
                    synth.fixedSize(), copies, synth.copySize());
            System.out.printf("Java %s, %d processors, max heap %,d MB; databases in %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, work);

            DatasetGraph plain = DatabaseMgr.connectDatasetGraph(work.resolve("plain").toString());
            long t0 = System.nanoTime();
            DataLoader loader = LoaderFactory.phasedLoader(plain, (fmt, args) -> {});
            loader.startBulk();
            loader.stream().start();
            long stated = synth.emit(copies, loader.stream());
            loader.stream().finish();
            loader.finishBulk();
            long plainLoad = System.nanoTime() - t0;
            plain.getContext().set(TDB2.symUnionDefaultGraph, true);

            DatasetGraph kg = DatabaseMgr.connectDatasetGraph(work.resolve("diplokg").toString());
            t0 = System.nanoTime();
            KgDataset.bulkLoad(kg, out -> synth.emit(copies, out));
            long kgLoad = System.nanoTime() - t0;
            DatasetGraph view = KgDataset.queryView(kg);
            long served = KgDataset.size(kg);

            System.out.printf("Load, plain TDB2 (phased loader):              %,d quads in %.1f s (%,.0f quads/s)%n",
                    stated, plainLoad / 1e9, stated / (plainLoad / 1e9));
            System.out.printf("Load, DiploKG (same loader + entailment):      %,d quads (%,d entailed) in %.1f s, %.2fx plain%n",
                    served, served - stated, kgLoad / 1e9, (double) kgLoad / plainLoad);

            System.out.printf("%nQueries: %d warm-up + %d measured rounds each, stores alternating; wall-clock ms, all rows consumed; p95 is the nearest rank.%n",
                    warmup, rounds);
            System.out.printf("%-38s %9s %9s | %9s %9s | %9s %9s | %6s%n", "query", "rows", "rows", "plain", "", "DiploKG", "", "ratio");
            System.out.printf("%-38s %9s %9s | %9s %9s | %9s %9s | %6s%n", "", "plain", "DiploKG", "p50", "p95", "p50", "p95", "p50");
            double logSum = 0;
            int n = 0;
            for (Path f : queryFiles) {
                Query q = QueryFactory.create(Files.readString(f));
                List<Long> tp = new ArrayList<>(), tk = new ArrayList<>();
                long rowsPlain = -1, rowsKg = -1;
                for (int r = 0; r < warmup + rounds; r++) {
                    boolean plainFirst = r % 2 == 0;
                    for (int side = 0; side < 2; side++) {
                        boolean isPlain = (side == 0) == plainFirst;
                        long start = System.nanoTime();
                        long rows = run(isPlain ? plain : view, q);
                        long took = System.nanoTime() - start;
                        if (isPlain) rowsPlain = rows; else rowsKg = rows;
                        if (r >= warmup) (isPlain ? tp : tk).add(took);
                    }
                }
                double p50p = pct(tp, 50), p50k = pct(tk, 50);
                logSum += Math.log(p50k / p50p);
                n++;
                System.out.printf("%-38s %,9d %,9d | %9.1f %9.1f | %9.1f %9.1f | %6.2f%n", f.getFileName(), rowsPlain, rowsKg,
                        p50p / 1e6, pct(tp, 95) / 1e6, p50k / 1e6, pct(tk, 95) / 1e6, p50k / p50p);
            }
            System.out.printf("Geometric mean of the p50 ratios (DiploKG / plain TDB2): %.2f over %d queries%n", Math.exp(logSum / n), n);
            System.out.println("(Row counts differ where a query relies on entailment, which plain TDB2 does not have.)");
            System.out.println(virtuoso());
            return 0;
        } finally {
            if (temporary) deleteTree(work);
        }
    }

    private long run(DatasetGraph dsg, Query q) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q)
                    .timeout(timeoutSeconds, TimeUnit.SECONDS).build()) {
                ResultSet rs = qe.execSelect();
                long rows = 0;
                while (rs.hasNext()) { rs.next(); rows++; }
                return rows;
            }
        });
    }

    /** The nearest-rank percentile of the timings. */
    static double pct(List<Long> times, int p) {
        List<Long> s = times.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, rank - 1));
    }

    /** Virtuoso is optional: it is compared only where its server binary is installed. */
    static String virtuoso() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":"))
            if (Files.isExecutable(Path.of(d, "virtuoso-t")))
                return "Virtuoso: virtuoso-t found at " + d + ", but this benchmark does not drive it yet: not compared.";
        return "Virtuoso: not installed (apt-get install virtuoso-opensource-7-bin): not compared.";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
