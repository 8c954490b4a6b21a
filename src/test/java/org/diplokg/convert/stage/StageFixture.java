package org.diplokg.convert.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diplokg.convert.Iris;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.Stage;
import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.ArticleMetadata;
import org.diplokg.convert.model.EventClaim;
import org.diplokg.store.ProjectLayout;

/** Documents for the statement, stance and document stage tests: the stages before them, run on hand-written text. */
final class StageFixture {
    private StageFixture() {}

    private static ReferenceIndex reference;

    static synchronized ReferenceIndex reference() {
        if (reference == null) reference = ReferenceIndex.load(new ProjectLayout(Path.of("").toAbsolutePath()));
        return reference;
    }

    static ArticleDocument annotate(String text, LocalDate date) {
        return annotate(new Article("test", Path.of("test.txt"), text,
                new ArticleMetadata("Test", "Test", null, "en", date, date, date, null)));
    }

    static ArticleDocument annotate(Article article) {
        ReferenceIndex ref = reference();
        ArticleDocument doc = new ArticleDocument(article);
        try {
            new CleanStage().process(doc);
        } catch (UnsupportedOperationException e) {
            doc.cleanText = article.text();
            doc.cleanToOriginal = new int[article.text().length()];
            for (int i = 0; i < doc.cleanToOriginal.length; i++) doc.cleanToOriginal[i] = i;
        }
        AnnotateStage.pipeline();
        for (Stage s : List.<Stage>of(new AnnotateStage(null), new MentionStage(ref), new PostStage(ref))) s.process(doc);
        try {
            new EventStage(ref).process(doc);
        } catch (UnsupportedOperationException e) {
            // the event stage is not written yet
        }
        for (EventClaim e : doc.events)   // what the merge stage would do
            if (e.iri == null) e.iri = Iris.resource("event", "test", Integer.toString(e.trigger.begin()));
        return doc;
    }

    /** The seed articles with their development gold (/work/shared), when present; for printed checks only. */
    static List<Path> seeds() throws Exception {
        Path dir = Path.of("/work/shared/seeds");
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    static ArticleDocument seed(Path txt) throws Exception {
        String stem = txt.getFileName().toString().replace(".txt", "");
        Path sidecar = Path.of("data/articles", stem + ".json");
        LocalDate date = LocalDate.of(2023, 11, 20);
        if (Files.isRegularFile(sidecar)) {
            Matcher m = Pattern.compile("\"published(?:Earliest)?\"\\s*:\\s*\"(\\d{4}-\\d\\d-\\d\\d)\"").matcher(Files.readString(sidecar));
            if (m.find()) date = LocalDate.parse(m.group(1));
        }
        return annotate(new Article(stem, txt, Files.readString(txt), new ArticleMetadata("seed", "seed", null, "en", date, date, date, null)));
    }

    /** The objects of one section of a gold file, as raw JSON text. */
    static List<String> gold(String stem, String section) throws Exception {
        Path f = Path.of("/work/shared/eval/dev", stem + ".json");
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) return out;
        String json = Files.readString(f);
        int at = json.indexOf("\"" + section + "\"");
        if (at < 0) return out;
        int open = json.indexOf('[', at), depth = 0, start = -1;
        for (int i = open + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{' && depth++ == 0) start = i;
            else if (c == '}' && --depth == 0) out.add(json.substring(start, i + 1));
            else if (c == ']' && depth == 0) break;
        }
        return out;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\")").matcher(json);
        return m.find() && m.group(2) != null ? m.group(2).replace("\\u2019", "\u2019") : null;
    }
}
