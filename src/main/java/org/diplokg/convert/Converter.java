package org.diplokg.convert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.stage.AnnotateStage;
import org.diplokg.convert.stage.CleanStage;
import org.diplokg.convert.stage.DocumentStage;
import org.diplokg.convert.stage.EmitStage;
import org.diplokg.convert.stage.EventStage;
import org.diplokg.convert.stage.MentionStage;
import org.diplokg.convert.stage.MergeStage;
import org.diplokg.convert.stage.PostStage;
import org.diplokg.convert.stage.StanceStage;
import org.diplokg.convert.stage.StatementStage;

/**
 * News articles in, knowledge graph out. The stages, in order, are listed in one place ({@link #steps});
 * per-article stages run on several articles in parallel, corpus stages wait for all articles.
 * An article whose stage fails is reported and left out; the others are still converted.
 */
public final class Converter {

    /**
     * What a run produced.
     *
     * @param converted the articles that went through every stage
     * @param failures  one line per article left out: file, stage and cause
     * @param counts    what was written (articles, triples, entities, events, quotes, ...), in a stable order
     */
    public record Result(List<ArticleDocument> converted, List<String> failures, Map<String, Integer> counts) {}

    /** Told when an article has been through the per-article stages (for progress bars). */
    public interface Progress {
        /** @param stem the article, or null when it failed */
        void articleDone(String stem);
    }

    private final List<Object> steps;
    private final EmitStage emit;
    private final int threads;
    private final StageTimes times;

    /**
     * @param reference the curated entities mentions are linked to
     * @param cache     where CoreNLP annotations are looked up and kept ({@link AnnotationCache#NONE} for nowhere)
     * @param outDir    where the KG's TriG files go (replaced as a whole when the run succeeds)
     * @param threads   articles processed at once
     */
    public Converter(ReferenceIndex reference, AnnotationCache cache, Path outDir, int threads) {
        this(reference, cache, outDir, threads, null);
    }

    /** @param times where to add the time each stage takes (for {@code kg bench --stages}), or null */
    public Converter(ReferenceIndex reference, AnnotationCache cache, Path outDir, int threads, StageTimes times) {
        long t0 = System.nanoTime();
        this.threads = Math.max(1, threads);
        this.times = times;
        this.emit = new EmitStage(outDir, reference);
        this.steps = List.of(
                new CleanStage(),
                new AnnotateStage(cache, times),
                new MentionStage(reference),
                new PostStage(reference),
                new EventStage(reference),
                new MergeStage(reference),
                new StatementStage(reference),
                new StanceStage(reference),
                new DocumentStage(reference),
                emit);
        if (times != null) times.add("setup (rules, word lists)", System.nanoTime() - t0);
    }

    public Result run(List<Article> articles, Progress progress) {
        List<ArticleDocument> docs = new ArrayList<>(articles.stream().map(ArticleDocument::new).toList());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int i = 0;
            while (i < steps.size()) {
                if (steps.get(i) instanceof CorpusStage corpus) {
                    long t = System.nanoTime();
                    corpus.process(docs);
                    if (times != null) times.add(corpus.name(), System.nanoTime() - t);
                    i++;
                    continue;
                }
                // A run of consecutive per-article stages goes through each article as one task.
                int j = i;
                while (j < steps.size() && steps.get(j) instanceof Stage) j++;
                List<Stage> run = steps.subList(i, j).stream().map(Stage.class::cast).toList();
                boolean first = i == 0;
                List<Future<ArticleDocument>> futures = new ArrayList<>();
                for (ArticleDocument doc : docs)
                    futures.add(pool.submit(() -> runStages(doc, run, failures, times) ? doc : null));
                List<ArticleDocument> survivors = new ArrayList<>();
                for (Future<ArticleDocument> f : futures) {
                    ArticleDocument d = get(f);
                    if (d != null) survivors.add(d);
                    if (first && progress != null) progress.articleDone(d != null ? d.article.stem() : null);
                }
                docs = survivors;
                i = j;
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> sorted = new ArrayList<>(failures);
        Collections.sort(sorted);
        return new Result(docs, sorted, emit.counts());
    }

    private static boolean runStages(ArticleDocument doc, List<Stage> stages, List<String> failures, StageTimes times) {
        for (Stage s : stages) {
            try {
                long t = System.nanoTime();
                s.process(doc);
                if (times != null) times.add(s.name(), System.nanoTime() - t);
            } catch (RuntimeException e) {
                failures.add(doc.article.file() + ": " + s.name() + " failed: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    private static ArticleDocument get(Future<ArticleDocument> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
