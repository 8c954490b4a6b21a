package org.diplokg.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.diplokg.UserException;
import org.diplokg.convert.ArticleLoader;
import org.diplokg.convert.Converter;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.stage.AnnotateStage;
import org.diplokg.convert.stage.CleanStage;
import org.diplokg.store.ProjectLayout;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times the converter against a bare CoreNLP pipeline with the same annotators on the same texts, in one
 * process and interleaved round by round, and prints medians: what DiploKG's own stages cost on top of the NLP.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark kg convert against bare CoreNLP on the same articles (prints medians of interleaved rounds).")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "DIR", description = "Articles to convert (default: data/articles).")
    Path articlesDir;

    @Option(names = "--repeat", defaultValue = "1", description = "Copies of the article set per round, for a larger workload (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--rounds", defaultValue = "3", description = "Interleaved rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || rounds < 1) throw new UserException("--repeat and --rounds must be at least 1");
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        ArticleLoader.Result loaded = ArticleLoader.load(articlesDir != null ? articlesDir : layout.articlesDir());
        if (loaded.articles().isEmpty()) throw new UserException("no articles to benchmark: " + loaded.errors());
        List<Article> set = new ArrayList<>();
        for (int r = 0; r < repeat; r++)
            for (Article a : loaded.articles())
                set.add(new Article(a.stem() + (r == 0 ? "" : "-copy" + r), a.file(), a.text(), a.metadata()));
        ReferenceIndex reference = ReferenceIndex.load(layout);
        long t0 = System.nanoTime();
        AnnotateStage.pipeline();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long tokens = tokens(set);
        Path scratch = Files.createTempDirectory("diplokg-bench-");
        List<Double> bare = new ArrayList<>(), cold = new ArrayList<>(), warm = new ArrayList<>();
        // Alternate which goes first: a first run in a round pays for the garbage the previous round left.
        for (int round = 0; round < rounds; round++) {
            Path cache = scratch.resolve("cache-" + round), out = scratch.resolve("kg-" + round);
            if (round % 2 == 0) bare.add(time(() -> bareCoreNlp(set)));
            cold.add(time(() -> new Converter(reference, cache, out, 1).run(set, null)));
            if (round % 2 == 1) bare.add(time(() -> bareCoreNlp(set)));
            warm.add(time(() -> new Converter(reference, cache, out, 1).run(set, null)));
            System.out.printf("round %d: bare %.1f s, convert %.1f s, cached %.1f s%n", round + 1,
                    bare.get(round), cold.get(round), warm.get(round));
        }
        double b = median(bare), c = median(cold), w = median(warm);
        System.out.printf("articles %d, tokens %,d, rounds %d (one thread; CoreNLP model load %.1f s, not counted)%n", set.size(), tokens, rounds, loadSeconds);
        System.out.printf("bare CoreNLP         median %6.1f s  %6.2f articles/s  %,8.0f tokens/s%n", b, set.size() / b, tokens / b);
        System.out.printf("kg convert, no cache median %6.1f s  %6.2f articles/s  %,8.0f tokens/s%n", c, set.size() / c, tokens / c);
        System.out.printf("kg convert, cached   median %6.1f s  %6.2f articles/s%n", w, set.size() / w);
        System.out.printf("ratio converter / bare CoreNLP: %.3f (DiploKG's own stages add %.1f%%)%n", c / b, (c / b - 1) * 100);
        System.out.printf("peak heap %,d MB%n", peakHeapBytes() >> 20);
        return 0;
    }

    private static long tokens(List<Article> set) {
        long n = 0;
        for (Article a : set) n += a.text().split("\\s+").length;  // whitespace tokens: a stable workload measure
        return n;
    }

    /** The same texts (cleaned as the converter cleans them) through CoreNLP alone, with the same annotators and date. */
    private static void bareCoreNlp(List<Article> set) {
        CleanStage clean = new CleanStage();
        for (Article a : set) {
            ArticleDocument doc = new ArticleDocument(a);
            clean.process(doc);
            Annotation ann = new Annotation(doc.cleanText);
            ann.set(CoreAnnotations.DocDateAnnotation.class, a.metadata().referenceDate().toString());
            AnnotateStage.pipeline().annotate(ann);
        }
    }

    private static double time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e9;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        return peak;
    }
}
