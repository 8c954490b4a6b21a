package org.diplokg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        description = {"Score the knowledge graph against gold annotations (data/gold/FORMAT.md): per category and article,",
                "precision, recall and F1 with their counts. Converts the gold set's articles afresh (data/kg is not",
                "touched), or scores an existing KG with --kg. The KG is read only through queries/eval/*.rq."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, paramLabel = "DIR",
            description = "Gold directory: entities.json and one <stem>.json per article.")
    Path gold;

    @Option(names = "--articles", paramLabel = "DIR",
            description = "Articles (<stem>.txt with <stem>.json metadata) matched to the gold files by stem (default: data/articles).")
    Path articles;

    @Option(names = "--kg", paramLabel = "DIR",
            description = "Score the TriG files in DIR (e.g. data/kg) instead of converting the articles.")
    Path kg;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the scores as JSON to FILE.")
    Path json;

    @Option(names = "--explain", description = "List every false positive and false negative with its evidence sentence.")
    boolean explain;

    @Option(names = "--no-cache", description = "Do not read or write the CoreNLP annotation cache (.cache/corenlp).")
    boolean noCache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        GoldSet goldSet = GoldLoader.load(gold);
        List<String> stems = goldSet.articles().stream().map(GoldSet.Article::stem).toList();
        Path articleDir = articles != null ? articles : layout.articlesDir();
        Map<String, Article> byStem = articles(articleDir, stems);

        DatasetGraph view;
        List<String> failures = new ArrayList<>();
        if (kg != null) {
            for (String stem : stems)
                if (!Files.isRegularFile(kg.resolve(stem + ".trig")))
                    throw new UserException(gold.resolve(stem + ".json") + ": no article " + stem + " in the KG (" + kg.resolve(stem + ".trig") + " is missing)");
            view = EvalKg.fromTrig(layout, kg);
        } else {
            List<Article> input = new ArrayList<>();
            for (String stem : stems) {
                Article a = byStem.get(stem);
                if (a == null) throw new UserException(gold.resolve(stem + ".json") + ": no article " + stem + ".txt in " + articleDir);
                input.add(a);
            }
            Path cache = noCache ? null : layout.annotationCacheDir();
            view = EvalKg.convert(layout, input, cache, ConvertCommand.defaultThreads(), failures);
        }

        SystemItems system = new KgReader(view, layout.queriesDir().resolve("eval")).read(stems);
        EvalResult result = Scorer.score(goldSet, system);

        PrintWriter out = spec.commandLine().getOut();
        out.print(Report.tables(result));
        if (explain) {
            Map<String, String> texts = new TreeMap<>();
            byStem.forEach((stem, a) -> texts.put(stem, a.text()));
            out.print(Report.explain(result, texts));
        }
        out.flush();
        if (json != null) Report.writeJson(result, json);
        // An article the converter failed on is scored as extracting nothing, so one bad article does not hide
        // the scores of the others; the failure is still reported and makes the exit status 1.
        for (String f : failures) spec.commandLine().getErr().println(f + " (scored as extracting nothing)");
        spec.commandLine().getErr().flush();
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * The articles of the gold stems found in {@code dir}. A gold stem whose article is unreadable is an error
     * when converting; when scoring an existing KG the text only serves to quote sentences, so it may be missing.
     */
    private Map<String, Article> articles(Path dir, List<String> stems) {
        Map<String, Article> out = new TreeMap<>();
        if (kg != null && !Files.isDirectory(dir)) return out;
        ArticleLoader.Result loaded = ArticleLoader.load(dir);
        for (Article a : loaded.articles()) if (stems.contains(a.stem())) out.put(a.stem(), a);
        if (kg == null)
            for (String e : loaded.errors())
                for (String stem : stems)
                    if (!out.containsKey(stem) && e.contains(stem + ".")) throw new UserException(e);
        return out;
    }
}
