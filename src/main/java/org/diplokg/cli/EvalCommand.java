package org.diplokg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.diplokg.UserException;
import org.diplokg.convert.ArticleLoader;
import org.diplokg.convert.model.Article;
import org.diplokg.eval.EvalKg;
import org.diplokg.eval.EvalResult;
import org.diplokg.eval.GoldLoader;
import org.diplokg.eval.GoldSet;
import org.diplokg.eval.KgReader;
import org.diplokg.eval.Report;
import org.diplokg.eval.Scorer;
import org.diplokg.eval.SystemItems;
import org.diplokg.store.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score the knowledge graph against gold annotations (data/gold/FORMAT.md): per category, precision,",
                "recall and F1 with their counts, and per-attribute diagnostics, for one or several gold sets. Converts",
                "all the sets' articles afresh in one run (data/kg is not touched), or scores an existing KG with --kg.",
                "The KG is read only through queries/eval/*.rq."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, paramLabel = "DIR",
            description = {"Gold directory: entities.json and one <stem>.json per article. Repeatable: each set gets",
                    "its own table and diagnostics, and a line in the totals."})
    List<Path> gold;

    @Option(names = "--articles", paramLabel = "DIR",
            description = {"Articles (<stem>.txt with <stem>.json metadata) of a gold set, matched to its gold files by",
                    "stem. Repeatable: the i-th --articles goes with the i-th --gold; a --gold without one uses",
                    "data/articles."})
    List<Path> articles = new ArrayList<>();

    @Option(names = "--kg", paramLabel = "DIR",
            description = "Score the TriG files in DIR (e.g. data/kg), which must hold every set's articles, instead of converting.")
    Path kg;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the scores as JSON to FILE (several sets: {\"sets\": {NAME: {...}}}).")
    Path json;

    @Option(names = "--by-article", description = "Also print each article's table.")
    boolean byArticle;

    @Option(names = "--by-rule", description = {"Also print each extraction rule's true and false positives per category (the",
            "rule of an item is read from its evidence, dkg:extractedBy), so a misfiring rule shows; with --json, a",
            "\"byRule\" object per set."})
    boolean byRule;

    @Option(names = "--explain", description = "List every false positive and false negative with its evidence sentence.")
    boolean explain;

    @Option(names = "--no-cache", description = "Do not read or write the CoreNLP annotation cache (.cache/corenlp).")
    boolean noCache;

    @Spec
    CommandSpec spec;

    /** One gold set with the articles it is scored on. */
    private record Input(String name, Path goldDir, GoldSet gold, Path articleDir, Map<String, Article> byStem) {
        List<String> stems() { return gold.articles().stream().map(GoldSet.Article::stem).toList(); }
    }

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        if (articles.size() > gold.size())
            throw new UserException("--articles given " + articles.size() + " times but --gold only " + gold.size()
                    + " (the i-th --articles goes with the i-th --gold)");
        List<Input> inputs = inputs(layout);

        // All sets are converted (or read) together, as one corpus, so that cross-article merging sees every
        // article as it would in real use; each set is then scored on its own articles only.
        Map<String, Article> corpus = new TreeMap<>();
        List<String> stems = new ArrayList<>();
        for (Input in : inputs) for (String stem : in.stems()) if (!stems.contains(stem)) stems.add(stem);
        DatasetGraph view;
        List<String> failures = new ArrayList<>();
        if (kg != null) {
            for (Input in : inputs)
                for (String stem : in.stems())
                    if (!Files.isRegularFile(kg.resolve(stem + ".trig")))
                        throw new UserException(in.goldDir().resolve(stem + ".json") + ": no article " + stem + " in the KG ("
                                + kg.resolve(stem + ".trig") + " is missing)");
            view = EvalKg.fromTrig(layout, kg);
        } else {
            Map<String, Input> owner = new HashMap<>();
            for (Input in : inputs)
                for (String stem : in.stems()) {
                    Article a = in.byStem().get(stem);
                    if (a == null)
                        throw new UserException(in.goldDir().resolve(stem + ".json") + ": no article " + stem + ".txt in " + in.articleDir());
                    Article before = corpus.putIfAbsent(stem, a);
                    if (before != null && !sameFile(before.file(), a.file()))
                        throw new UserException(in.goldDir().resolve(stem + ".json") + ": article " + stem + " is " + a.file()
                                + " here but " + before.file() + " in gold set " + owner.get(stem).name()
                                + " (a stem names one article of the KG)");
                    owner.putIfAbsent(stem, in);
                }
            Path cache = noCache ? null : layout.annotationCacheDir();
            view = EvalKg.convert(layout, List.copyOf(corpus.values()), cache, ConvertCommand.defaultThreads(), failures);
        }

        SystemItems system = new KgReader(view, layout.queriesDir().resolve("eval")).read(stems);
        Map<String, EvalResult> results = new LinkedHashMap<>();
        PrintWriter out = spec.commandLine().getOut();
        for (Input in : inputs) {
            EvalResult result = Scorer.score(in.gold(), system);
            results.put(in.name(), result);
            out.print("== Gold set " + in.name() + " (" + in.goldDir() + ", " + in.stems().size() + " articles"
                    + (kg != null ? ", KG " + kg : ", from " + in.articleDir()) + ")\n\n");
            out.print(Report.tables(result, byArticle));
            if (byRule) out.print('\n' + Report.byRule(result));
            if (explain) {
                Map<String, String> texts = new TreeMap<>();
                in.byStem().forEach((stem, a) -> texts.put(stem, a.text()));
                out.print(Report.explain(result, texts));
            }
            out.print('\n');
        }
        if (inputs.size() > 1) out.print(Report.totals(results));
        out.flush();
        if (json != null) Report.writeJson(inputs.size() == 1 ? Report.json(results.values().iterator().next(), byRule) : Report.json(results, byRule), json);
        // An article the converter failed on is scored as extracting nothing, so one bad article does not hide
        // the scores of the others; the failure is still reported and makes the exit status 1.
        for (String f : failures) spec.commandLine().getErr().println(f + " (scored as extracting nothing)");
        spec.commandLine().getErr().flush();
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * The gold sets in command-line order, each with its articles. A set is named by its directory's name
     * ("dev", "wide"), or by the path as given when two sets' directories share a name.
     */
    private List<Input> inputs(ProjectLayout layout) {
        Map<Path, Path> seen = new HashMap<>();
        Map<String, Integer> nameCount = new HashMap<>();
        for (Path g : gold) {
            Path key = g.toAbsolutePath().normalize();
            if (seen.put(key, g) != null) throw new UserException(g + ": given twice as --gold");
            nameCount.merge(dirName(g), 1, Integer::sum);
        }
        Map<Path, ArticleLoader.Result> loaded = new HashMap<>();
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            Path g = gold.get(i);
            GoldSet set = GoldLoader.load(g);
            Path dir = i < articles.size() ? articles.get(i) : layout.articlesDir();
            String name = nameCount.get(dirName(g)) > 1 ? g.toString() : dirName(g);
            List<String> stems = set.articles().stream().map(GoldSet.Article::stem).toList();
            out.add(new Input(name, g, set, dir, articles(dir, stems, loaded)));
        }
        return out;
    }

    private static String dirName(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * The articles of the gold stems found in {@code dir} (each folder is read once). A gold stem whose article is
     * unreadable is an error when converting; when scoring an existing KG the text only serves to quote sentences,
     * so it may be missing.
     */
    private Map<String, Article> articles(Path dir, List<String> stems, Map<Path, ArticleLoader.Result> loadedDirs) {
        Map<String, Article> out = new TreeMap<>();
        if (kg != null && !Files.isDirectory(dir)) return out;
        if (!Files.isDirectory(dir)) throw new UserException(dir + ": no such articles directory");
        ArticleLoader.Result loaded = loadedDirs.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> ArticleLoader.load(dir));
        for (Article a : loaded.articles()) if (stems.contains(a.stem())) out.put(a.stem(), a);
        if (kg == null)
            for (String e : loaded.errors())
                for (String stem : stems)
                    if (!out.containsKey(stem) && e.contains(stem + ".")) throw new UserException(e);
        return out;
    }
}
