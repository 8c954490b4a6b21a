package org.diplokg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import org.diplokg.UserException;
import org.diplokg.convert.ArticleLoader;
import org.diplokg.convert.AnnotationCache;
import org.diplokg.convert.Converter;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.StageTimes;
import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.stage.AnnotateStage;
import org.diplokg.convert.stage.CleanStage;
import org.diplokg.store.ProjectLayout;

import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.QuoteClaim;
import org.diplokg.convert.stage.EventStage;
import org.diplokg.convert.stage.MentionStage;
import org.diplokg.convert.stage.MergeStage;
import org.diplokg.convert.stage.PostStage;
import org.diplokg.convert.stage.StatementStage;

import edu.stanford.nlp.coref.CorefCoreAnnotations;
import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times the converter against a bare CoreNLP pipeline with the same annotators and properties on the same
 * cleaned texts, in one process, interleaved round by round, and prints medians: what DiploKG's own stages
 * cost on top of the NLP. Everything runs on one thread so the two sides compete for the same core.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = StoreBenchCommand.class,
        description = {"Benchmark kg convert against bare CoreNLP on the same cleaned texts (medians of interleaved rounds).",
                "Runs per round: bare CoreNLP; kg convert --no-cache (neither reads nor writes the annotation cache);",
                "kg convert on an empty cache (annotates and writes it: a first run); kg convert on the filled cache."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "DIR", description = "Articles to convert (default: data/articles).")
    Path articlesDir;

    @Option(names = "--repeat", defaultValue = "1",
            description = "Copies of the article set, for a larger workload; each copy gets a one-line marker so its text, and so its cache key, differs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "1",
            description = "Rounds run first and printed but left out of the medians: the JIT compiles CoreNLP during them (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--stages", description = "Also print the median time of each converter stage.")
    boolean stages;

    @Option(names = "--coref", paramLabel = "ALGORITHM",
            description = "Also time bare CoreNLP with the coref annotator added (coref.algorithm: statistical, neural or fastneural; mentions from the dependency parse).")
    String coref;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || rounds < 1 || warmup < 0) throw new UserException("--repeat and --rounds must be at least 1, --warmup at least 0");
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        ArticleLoader.Result loaded = ArticleLoader.load(articlesDir != null ? articlesDir : layout.articlesDir());
        if (loaded.articles().isEmpty()) throw new UserException("no articles to benchmark: " + loaded.errors());
        List<Article> set = workload(loaded.articles(), repeat);
        List<Annotation> cleaned = cleaned(set);
        ReferenceIndex reference = ReferenceIndex.load(layout);
        long t0 = System.nanoTime();
        StanfordCoreNLP pipeline = AnnotateStage.pipeline();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        StanfordCoreNLP corefPipeline = null;
        double corefLoadSeconds = 0;
        if (coref != null) {
            t0 = System.nanoTime();
            corefPipeline = corefPipeline(coref);
            corefLoadSeconds = (System.nanoTime() - t0) / 1e9;
        }
        Path scratch = Files.createTempDirectory("diplokg-bench-");

        // What each run does; the converter runs also fill a StageTimes for --stages.
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("bare CoreNLP", times -> bare(pipeline, cleaned));
        runs.put("kg convert --no-cache", times -> new Converter(reference, AnnotationCache.NONE, scratch.resolve("kg"), 1, times).run(set, null));
        if (corefPipeline != null) {
            StanfordCoreNLP cp = corefPipeline;
            runs.put("bare CoreNLP + coref", times -> bare(cp, cleaned));
        }
        List<String> rotating = new ArrayList<>(runs.keySet());
        String cold = "kg convert, empty cache", warm = "kg convert, cached";

        Map<String, List<Double>> seconds = new LinkedHashMap<>(), cpuSeconds = new LinkedHashMap<>();
        Map<String, List<Map<String, Double>>> stageSeconds = new LinkedHashMap<>();
        Map<String, Long> peak = new LinkedHashMap<>();
        for (String k : rotating) seconds.put(k, new ArrayList<>());
        seconds.put(cold, new ArrayList<>());
        seconds.put(warm, new ArrayList<>());
        seconds.keySet().forEach(k -> cpuSeconds.put(k, new ArrayList<>()));
        for (int round = 0; round < warmup + rounds; round++) {
            boolean measured = round >= warmup;
            Path cache = scratch.resolve("cache-" + round);
            // Rotate the order: whichever runs first in a round meets a different JIT and heap state.
            List<String> order = new ArrayList<>(rotating);
            Collections.rotate(order, -round);
            Map<String, Run> thisRound = new LinkedHashMap<>();
            for (String k : order) thisRound.put(k, runs.get(k));
            // The empty-cache run writes the cache the cached run then reads, so those two stay in this order.
            thisRound.put(cold, times -> new Converter(reference, AnnotationCache.local(cache), scratch.resolve("kg"), 1, times).run(set, null));
            thisRound.put(warm, times -> new Converter(reference, AnnotationCache.local(cache), scratch.resolve("kg"), 1, times).run(set, null));
            StringBuilder line = new StringBuilder(measured ? "round " + (round - warmup + 1) : "warm-up " + (round + 1)).append(':');
            for (var e : thisRound.entrySet()) {
                StageTimes times = new StageTimes();
                // Collect the previous run's garbage before the clock starts, so no run pays for another's.
                System.gc();
                resetPeaks();
                long cpu = processCpuNanos(), t = System.nanoTime();
                e.getValue().run(times);
                double s = (System.nanoTime() - t) / 1e9, c = (processCpuNanos() - cpu) / 1e9;
                line.append(String.format(" %s %.1f s (cpu %.1f s);", e.getKey(), s, c));
                if (!measured) continue;
                seconds.get(e.getKey()).add(s);
                cpuSeconds.get(e.getKey()).add(c);
                stageSeconds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(times.seconds());
                peak.merge(e.getKey(), peakHeapBytes(), Math::max);
            }
            System.out.println(line.substring(0, line.length() - 1));
        }

        long tokens = tokens(cleaned);
        System.out.printf("%d articles, %,d CoreNLP tokens (cleaned text); one thread; %d warm-up + %d measured rounds; CoreNLP model load %.1f s%s, not counted%n",
                set.size(), tokens, warmup, rounds, loadSeconds,
                coref != null ? String.format(" (+ %.1f s with coref)", corefLoadSeconds) : "");
        double bareMedian = median(seconds.get("bare CoreNLP")), bareCpu = median(cpuSeconds.get("bare CoreNLP"));
        for (var e : seconds.entrySet()) {
            double m = median(e.getValue()), c = median(cpuSeconds.get(e.getKey()));
            System.out.printf("%-24s median %6.2f s  %6.2f articles/s  %,7.0f tokens/s  %5.3f x bare | cpu %6.2f s  %5.3f x bare | peak heap %,6d MB%n",
                    e.getKey(), m, set.size() / m, tokens / m, m / bareMedian, c, c / bareCpu, peak.get(e.getKey()) >> 20);
        }
        System.out.printf("ratio to bare CoreNLP, wall-clock (cpu): kg convert --no-cache %.3f (%.3f); kg convert, empty cache %.3f (%.3f)%n",
                median(seconds.get("kg convert --no-cache")) / bareMedian, median(cpuSeconds.get("kg convert --no-cache")) / bareCpu,
                median(seconds.get(cold)) / bareMedian, median(cpuSeconds.get(cold)) / bareCpu);
        if (coref != null)
            System.out.printf("coref (%s) adds %.1f%% to bare CoreNLP%n", coref, (median(seconds.get("bare CoreNLP + coref")) / bareMedian - 1) * 100);
        if (corefPipeline != null) pronounSpeakers(corefPipeline, set, cleaned, reference);
        if (stages)
            for (String run : List.of("kg convert --no-cache", cold, warm)) printStages(run, stageSeconds.get(run));
        System.out.printf("process peak resident memory %,d MB (JVM %s)%n", peakRssKb() >> 10, maxHeap());
        return 0;
    }

    /** The measured work of one run. */
    private interface Run {
        void run(StageTimes times);
    }

    /**
     * The articles, repeated; copy r starts with a one-sentence marker line so no copy's annotation is found in
     * the cache (at the end, a boilerplate rule that cuts an article's tail could remove it).
     */
    static List<Article> workload(List<Article> articles, int repeat) {
        List<Article> set = new ArrayList<>();
        for (int r = 0; r < repeat; r++)
            for (Article a : articles)
                set.add(r == 0 ? a : new Article(a.stem() + "-copy" + r, a.file(), "Copy " + r + " of the article.\n\n" + a.text(), a.metadata()));
        return set;
    }

    /** The texts as the converter's clean stage leaves them, with the article date SUTime needs; done before timing. */
    private static List<Annotation> cleaned(List<Article> set) {
        CleanStage clean = new CleanStage();
        List<Annotation> out = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (Article a : set) {
            ArticleDocument doc = new ArticleDocument(a);
            clean.process(doc);
            if (!distinct.add(doc.cleanText + "\u0000" + a.metadata().referenceDate()))
                throw new UserException(a.file() + ": same clean text and date as another article; the cache would hide its NLP cost");
            Annotation ann = new Annotation(doc.cleanText);
            ann.set(CoreAnnotations.DocDateAnnotation.class, a.metadata().referenceDate().toString());
            out.add(ann);
        }
        return out;
    }

    /** The same annotate call AnnotateStage makes, on a fresh Annotation each time (annotating fills it in). */
    private static void bare(StanfordCoreNLP pipeline, List<Annotation> texts) {
        for (Annotation t : texts) {
            Annotation ann = new Annotation(t.get(CoreAnnotations.TextAnnotation.class));
            ann.set(CoreAnnotations.DocDateAnnotation.class, t.get(CoreAnnotations.DocDateAnnotation.class));
            pipeline.annotate(ann);
            if (t.get(CoreAnnotations.TokensAnnotation.class) == null)
                t.set(CoreAnnotations.TokensAnnotation.class, ann.get(CoreAnnotations.TokensAnnotation.class));
        }
    }

    /**
     * What coref would buy: for each quote the converter attributes through a personal pronoun ("..., he said"),
     * the speaker the converter's rule gives (the most recent person named before it) next to the head of the
     * coref chain the pronoun is in. Only the first copy of the set is looked at.
     */
    private static void pronounSpeakers(StanfordCoreNLP corefPipeline, List<Article> set, List<Annotation> cleaned,
                                        ReferenceIndex reference) {
        List<org.diplokg.convert.Stage> stages = List.of(new MentionStage(reference), new PostStage(reference), new EventStage(reference));
        MergeStage merge = new MergeStage(reference);
        StatementStage statements = new StatementStage(reference);
        int pronominal = 0, agree = 0, quotes = 0, noChain = 0;
        System.out.println("quotes attributed through a pronoun: converter's speaker vs coref's chain head");
        for (int i = 0; i < set.size() && !set.get(i).stem().contains("-copy"); i++) {
            Annotation ann = new Annotation(cleaned.get(i).get(CoreAnnotations.TextAnnotation.class));
            ann.set(CoreAnnotations.DocDateAnnotation.class, cleaned.get(i).get(CoreAnnotations.DocDateAnnotation.class));
            corefPipeline.annotate(ann);
            ArticleDocument doc = new ArticleDocument(set.get(i));
            new CleanStage().process(doc);
            doc.nlp = new CoreDocument(ann);
            for (org.diplokg.convert.Stage st : stages) st.process(doc);
            merge.process(List.of(doc));
            statements.process(doc);
            Map<Integer, CorefChain> chains = ann.get(CorefCoreAnnotations.CorefChainAnnotation.class);
            for (QuoteClaim q : doc.quotes) {
                quotes++;
                if (q.sentence() < 0) continue;
                CoreSentence sentence = doc.nlp.sentences().get(q.sentence());
                SemanticGraph g = sentence.dependencyParse();
                for (SemanticGraphEdge e : g.edgeIterable()) {
                    IndexedWord w = e.getDependent(), verb = e.getGovernor();
                    if (!e.getRelation().toString().startsWith("nsubj") || !Set.of("he", "she").contains(w.word().toLowerCase(java.util.Locale.ROOT))) continue;
                    if (!verb.tag().startsWith("VB") || doc.original(verb.beginPosition(), verb.endPosition()).begin() >= q.span().begin()
                            && doc.original(verb.beginPosition(), verb.endPosition()).end() <= q.span().end()) continue;
                    pronominal++;
                    String corefHead = null;
                    Entity corefEntity = null;
                    for (CorefChain chain : chains.values())
                        for (CorefChain.CorefMention m : chain.getMentionsInTextualOrder())
                            if (m.sentNum == q.sentence() + 1 && m.headIndex == w.index()) {
                                CorefChain.CorefMention rep = chain.getRepresentativeMention();
                                corefHead = rep.mentionSpan;
                                List<edu.stanford.nlp.ling.CoreLabel> toks = doc.nlp.sentences().get(rep.sentNum - 1).tokens();
                                var span = doc.original(toks.get(rep.startIndex - 1).beginPosition(), toks.get(rep.endIndex - 2).endPosition());
                                for (var mention : doc.mentions)
                                    if (mention.span().begin() < span.end() && span.begin() < mention.span().end()
                                            && mention.entity().type() == org.diplokg.convert.model.EntityType.PERSON) corefEntity = mention.entity();
                            }
                    String converter = q.speaker() == null ? "-" : q.speaker().label();
                    String byCoref = corefHead == null ? "(no chain)" : corefHead + " -> " + (corefEntity == null ? "-" : corefEntity.label());
                    if (corefHead == null) noChain++;
                    if (corefEntity != null && q.speaker() != null && corefEntity.iri().equals(q.speaker().iri())) agree++;
                    System.out.printf("  %s \"%s...\" %s %s: converter %s | coref %s%n", set.get(i).stem().substring(0, 3),
                            abbreviate(q.text(), 40), w.word(), verb.word(), converter, byCoref);
                }
            }
        }
        System.out.printf("quotes %d, attributed through he/she %d, coref's chain head is the converter's speaker in %d, no coref chain for %d%n",
                quotes, pronominal, agree, noChain);
    }

    private static String abbreviate(String s, int n) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= n ? one : one.substring(0, n);
    }

    /** The converter's CoreNLP properties with coref added after the dependency parse. */
    private static StanfordCoreNLP corefPipeline(String algorithm) {
        Properties props = new Properties();
        try (InputStream in = AnnotateStage.class.getResourceAsStream("/convert/corenlp.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.setProperty("annotators", props.getProperty("annotators") + ",coref");
        props.setProperty("coref.algorithm", algorithm);
        return new StanfordCoreNLP(props);
    }

    private static long tokens(List<Annotation> texts) {
        long n = 0;
        for (Annotation t : texts) n += t.get(CoreAnnotations.TokensAnnotation.class).size();
        return n;
    }

    private static void printStages(String run, List<Map<String, Double>> rounds) {
        if (rounds == null) return;
        System.out.printf("stages of \"%s\" (median s over measured rounds; annotate: parts are inside annotate):%n", run);
        Map<String, List<Double>> by = new LinkedHashMap<>();
        for (Map<String, Double> r : rounds)
            r.forEach((stage, s) -> by.computeIfAbsent(stage, k -> new ArrayList<>()).add(s));
        double total = 0, nlp = 0;
        for (var e : by.entrySet()) {
            double m = median(e.getValue());
            if (!e.getKey().contains(":")) total += m;
            if (e.getKey().equals("annotate: CoreNLP")) nlp = m;
            System.out.printf("  %-28s %7.3f%n", e.getKey(), m);
        }
        System.out.printf("  %-28s %7.3f (of which outside CoreNLP %.3f)%n", "sum", total, total - nlp);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** CPU time of the whole JVM (the run's thread, the GC and the JIT): steadier than wall-clock on a shared machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound on the heap in use at any one time. */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        return peak;
    }

    /** VmHWM of this process (Linux), 0 where /proc is not there. */
    private static long peakRssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status")))
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D", ""));
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return 0;
    }

    private static String maxHeap() {
        return "-Xmx " + (Runtime.getRuntime().maxMemory() >> 20) + " MB";
    }
}
