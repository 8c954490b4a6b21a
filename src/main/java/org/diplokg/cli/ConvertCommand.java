package org.diplokg.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diplokg.UserException;
import org.diplokg.convert.ArticleLoader;
import org.diplokg.convert.AnnotationCache;
import org.diplokg.convert.Converter;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.model.Article;
import org.diplokg.store.ProjectLayout;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert the news articles (<stem>.txt with its <stem>.json metadata) into the knowledge graph.",
                "Bad articles are reported one line each and left out; the others are still converted.",
                "Exit code 1 when any article failed or none was converted."})
final class ConvertCommand implements Callable<Integer> {

    /** CoreNLP's models and annotators take about this much heap per article processed at once. */
    static final long HEAP_PER_THREAD = 1536L * 1024 * 1024;
    /** Fewer articles than this finish before a progress bar would say anything useful. */
    static final int PROGRESS_BAR_MIN_ARTICLES = 6;

    @Option(names = "--articles", paramLabel = "DIR",
            description = "Folder of articles (default: data/articles of the project).")
    Path articles;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the TriG files of the KG go, replacing what is there (default: data/kg of the project).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Articles processed at once (default: the processors, at most one per 1.5 GB of heap).")
    Integer threads;

    @Option(names = "--no-cache", description = "Do not read or write the CoreNLP annotation caches (data/annotations, .cache/corenlp).")
    boolean noCache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        Path articleDir = articles != null ? articles : layout.articlesDir();
        Path outDir = out != null ? out : layout.kgDir();
        // The project's own articles keep their annotations in the committed data/annotations; any other folder's
        // go to the local .cache/corenlp only.
        boolean ownArticles = articleDir.toAbsolutePath().normalize().equals(layout.articlesDir().toAbsolutePath().normalize());
        AnnotationCache cache = noCache ? AnnotationCache.NONE : ownArticles ? AnnotationCache.committing(layout) : AnnotationCache.of(layout);
        if (threads != null && threads < 1) throw new UserException("--threads " + threads + ": must be at least 1");
        int n = threads != null ? threads : defaultThreads();
        if (Files.exists(outDir) && !Files.isDirectory(outDir))
            throw new UserException("--out " + outDir + ": exists and is not a directory");

        PrintWriter err = spec.commandLine().getErr();
        ArticleLoader.Result loaded = ArticleLoader.load(articleDir);
        for (String e : loaded.errors()) err.println("kg convert: " + e);
        List<Article> input = loaded.articles();
        if (input.isEmpty()) {
            err.println("kg convert: no article to convert in " + articleDir
                    + (loaded.errors().isEmpty() ? " (it needs <stem>.txt files with <stem>.json metadata)" : ""));
            return 1;
        }

        Converter converter = new Converter(reference(layout), cache, outDir, n);
        Converter.Result result;
        try {
            if (input.size() >= PROGRESS_BAR_MIN_ARTICLES) {
                try (ProgressBar bar = progressBar(input.size())) {
                    result = converter.run(input, stem -> bar.step());
                }
            } else {
                result = converter.run(input, null);
            }
        } catch (UncheckedIOException e) {
            // Reading the cache or writing the KG failed: a problem with the disk, not a bug.
            throw new UserException(outDir + ": " + UserException.oneLine(e.getCause().getMessage()), e);
        }
        for (String f : result.failures()) err.println("kg convert: " + UserException.oneLine(f));

        int failed = failedArticles(loaded, result);
        // data/annotations holds exactly the annotations of the current articles: drop those no article used.
        if (ownArticles && !noCache && failed == 0) cache.removeUnused();
        PrintWriter outWriter = spec.commandLine().getOut();
        outWriter.println(summary(result.converted().size(), failed, outDir, emitCounts(result)));
        outWriter.flush();
        return failed > 0 || result.converted().isEmpty() ? 1 : 0;
    }

    /** Articles left out: those the loader refused (one stem may have two error lines) plus conversion failures. */
    private static int failedArticles(ArticleLoader.Result loaded, Converter.Result result) {
        long refused = loaded.errors().stream().map(ConvertCommand::fileOf).map(ConvertCommand::stemOf).distinct().count();
        return (int) refused + result.failures().size();
    }

    private static String fileOf(String errorLine) {
        int colon = errorLine.indexOf(": ");
        return colon < 0 ? errorLine : errorLine.substring(0, colon);
    }

    private static String stemOf(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    static String summary(int converted, int failed, Path outDir, Map<String, Integer> counts) {
        StringBuilder s = new StringBuilder("Converted " + converted + " article" + (converted == 1 ? "" : "s"));
        if (failed > 0) s.append(", ").append(failed).append(" failed");
        s.append("; knowledge graph in ").append(outDir);
        counts.forEach((what, count) -> s.append(System.lineSeparator()).append("  ").append(what).append(": ").append(count));
        return s.toString();
    }

    /** What the emit stage wrote (triples, entities, events, ...), in display order. */
    private static Map<String, Integer> emitCounts(Converter.Result result) {
        return result.counts();
    }

    private static ReferenceIndex reference(ProjectLayout layout) {
        return ReferenceIndex.load(layout);
    }

    /** As many threads as processors, but no more than the heap can hold CoreNLP pipelines for. */
    static int defaultThreads() {
        int cpus = Runtime.getRuntime().availableProcessors();
        long byMemory = Runtime.getRuntime().maxMemory() / HEAP_PER_THREAD;
        return (int) Math.max(1, Math.min(cpus, byMemory));
    }

    private static ProgressBar progressBar(int articles) {
        return new ProgressBarBuilder()
                .setTaskName("Converting")
                .setInitialMax(articles)
                .setUnit(" articles", 1)
                .showSpeed(new DecimalFormat("0.00"))
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate()
                .build();
    }
}
