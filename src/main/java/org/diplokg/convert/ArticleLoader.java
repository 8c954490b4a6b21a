package org.diplokg.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.diplokg.UserException;
import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleMetadata;

/**
 * Loads a folder of articles: each {@code <stem>.txt} (plain UTF-8 text) with its {@code <stem>.json} metadata
 * sidecar. A bad file does not stop the others: its problem is collected as one line naming the file and the
 * cause, and the article is left out.
 */
public final class ArticleLoader {

    /**
     * What a folder held: the good articles and one error line per bad file, both sorted by stem so that
     * runs are reproducible.
     */
    public record Result(List<Article> articles, List<String> errors) {}

    /** Stems become graph names and IRIs, so they are kept to characters that need no escaping. */
    private static final Pattern STEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ArticleLoader() {}

    /** @throws UserException when the folder itself cannot be listed */
    public static Result load(Path dir) {
        if (!Files.isDirectory(dir)) throw new UserException(dir + ": no such directory");
        Map<String, Pair> byStem = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(f -> {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(f)) return;
                if (name.endsWith(".txt")) byStem.computeIfAbsent(stem(name), s -> new Pair()).text = f;
                else if (name.endsWith(".json")) byStem.computeIfAbsent(stem(name), s -> new Pair()).sidecar = f;
            });
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list (" + e.getMessage() + ")");
        }

        List<Article> articles = new ArrayList<>();
        List<Error> errors = new ArrayList<>();
        byStem.forEach((stem, pair) -> load(dir, stem, pair, articles, errors));
        errors.sort(Comparator.comparing(Error::stem).thenComparing(Error::line));
        return new Result(List.copyOf(articles), errors.stream().map(Error::line).toList());
    }

    private static void load(Path dir, String stem, Pair pair, List<Article> articles, List<Error> errors) {
        Path text = pair.text != null ? pair.text : dir.resolve(stem + ".txt");
        Path sidecar = pair.sidecar != null ? pair.sidecar : dir.resolve(stem + ".json");
        if (!STEM.matcher(stem).matches()) {
            Path named = pair.text != null ? text : sidecar;
            errors.add(new Error(stem, named + ": file name must start with a letter or digit and use only letters, "
                    + "digits, '.', '_' and '-' (it names the article's IRI)"));
            return;
        }
        if (pair.text == null) {
            errors.add(new Error(stem, sidecar + ": metadata without an article: no " + text.getFileName() + " beside it"));
            return;
        }
        String content = null;
        ArticleMetadata metadata = null;
        try {
            content = ArticleText.read(text);
        } catch (UserException | IOException e) {
            errors.add(new Error(stem, text + ": " + cause(e)));
        }
        if (pair.sidecar == null) {
            errors.add(new Error(stem, text + ": no metadata sidecar " + sidecar.getFileName()
                    + " beside it (title, language, publication date)"));
        } else {
            try {
                metadata = ArticleSidecar.read(sidecar);
            } catch (UserException | IOException e) {
                errors.add(new Error(stem, sidecar + ": " + cause(e)));
            }
        }
        if (content != null && metadata != null) articles.add(new Article(stem, text, content, metadata));
    }

    private static String cause(Exception e) {
        if (e instanceof UserException) return e.getMessage();
        return "cannot read (" + e.getClass().getSimpleName() + ": " + UserException.oneLine(e.getMessage()) + ")";
    }

    private static String stem(String fileName) {
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }

    /** The two files of one stem, either of which may be missing. */
    private static final class Pair {
        Path text;
        Path sidecar;
    }

    private record Error(String stem, String line) {}
}
