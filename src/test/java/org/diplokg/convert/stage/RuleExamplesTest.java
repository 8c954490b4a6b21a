package org.diplokg.convert.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.diplokg.convert.Iris;
import org.diplokg.convert.AnnotationCache;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.Stage;
import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.ArticleMetadata;
import org.diplokg.convert.model.ConceptClaim;
import org.diplokg.convert.model.DocumentClaim;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.EventClaim;
import org.diplokg.convert.model.QuoteClaim;
import org.diplokg.convert.model.StanceClaim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule examples of {@code src/test/resources/convert/examples/} (see its README): each line a text written for
 * the example and what the statement, stance or document stage must give for it, run over the committed CoreNLP
 * parse of the text, so no models are loaded. With {@code -Dexamples.annotate=true} a missing parse is made with
 * CoreNLP and written to {@code parses/}.
 */
class RuleExamplesTest {
    private static final Path DIR = Path.of("src/test/resources/convert/examples");
    private static final Path PARSES = DIR.resolve("parses");
    private static final LocalDate DATE = LocalDate.of(2024, 3, 1);
    private static final boolean ANNOTATE = Boolean.getBoolean("examples.annotate");
    private static final Set<Path> used = new HashSet<>();

    static Stream<Arguments> examples() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String kind : List.of("quotes", "stances", "documents", "concepts")) {
            List<String> lines = Files.readAllLines(DIR.resolve(kind + ".tsv"));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 3) throw new IllegalStateException(kind + ".tsv:" + (i + 1) + ": expected rule <TAB> text <TAB> expectation");
                out.add(Arguments.of(kind, kind + ".tsv:" + (i + 1), f[0], f[1].replace("\\n", "\n"), f[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("examples")
    void example(String kind, String where, String rule, String text, String expectation) {
        ArticleDocument doc = convert(where, text);
        switch (kind) {
            case "quotes" -> quote(doc, rule, expectation);
            case "stances" -> stances(doc, rule, expectation);
            case "concepts" -> concept(doc, rule, expectation);
            default -> document(doc, rule, expectation);
        }
    }

    private static void quote(ArticleDocument doc, String rule, String expectation) {
        Map<String, String> want = fields(expectation);
        QuoteClaim q = doc.quotes.stream().filter(x -> x.text().startsWith(want.get("starts"))).findFirst()
                .orElseThrow(() -> new AssertionError("no quote starting \"" + want.get("starts") + "\"; found " + doc.quotes.stream().map(QuoteClaim::text).toList()));
        if (want.containsKey("speaker")) {
            assertEquals(want.get("speaker"), q.speaker() == null ? null : q.speaker().label(), "speaker");
        } else if (want.containsKey("unnamed")) {
            assertEquals(null, q.speaker(), "an unnamed source is given to no name");
            assertEquals(want.get("unnamed"), q.unnamedSpeaker(), "unnamed source");
        }
        assertTrue(q.rule() != null && q.rule().contains(rule), () -> "rule " + q.rule() + " does not name " + rule);
    }

    private static void stances(ArticleDocument doc, String rule, String expectation) {
        if (expectation.startsWith("none ")) {
            String holder = fields(expectation.substring(5)).get("holder");
            List<StanceClaim> given = doc.stances.stream().filter(s -> s.holder().label().equals(holder)).toList();
            assertTrue(given.isEmpty(), () -> holder + " was given " + given);
            return;
        }
        for (String one : expectation.split(" && ")) {
            Map<String, String> want = fields(one);
            StanceClaim s = doc.stances.stream().filter(x -> x.holder().label().equals(want.get("holder")) && x.type().name().equals(want.get("type")))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + want.get("type") + " stance of " + want.get("holder") + "; found "
                            + doc.stances.stream().map(x -> x.holder().label() + " " + x.type() + " " + x.rule()).toList()));
            assertTrue(s.rule() != null && s.rule().startsWith(rule), () -> "rule " + s.rule() + " is not " + rule);
        }
    }

    private static void document(ArticleDocument doc, String rule, String expectation) {
        Map<String, String> want = fields(expectation);
        List<DocumentClaim> named = doc.documents.stream().filter(d -> d.document().label().equals(want.get("label"))).toList();
        if (named.isEmpty())
            fail("no document labelled \"" + want.get("label") + "\"; found " + doc.documents.stream().map(d -> d.document().label() + " (" + d.rule() + ")").toList());
        DocumentClaim d = named.stream().filter(x -> rule.equals(x.rule())).findFirst()
                .orElseThrow(() -> new AssertionError("no claim of rule " + rule + "; rules " + named.stream().map(DocumentClaim::rule).toList()));
        assertEquals("-".equals(want.get("date")) ? null : want.get("date"), d.impliedSigning(), "signing date");
    }

    private static void concept(ArticleDocument doc, String rule, String expectation) {
        Map<String, String> want = fields(expectation);
        assertTrue(doc.mentions.stream().anyMatch(m -> m.entity().type() == EntityType.CONCEPT && m.entity().label().equals(want.get("label"))),
                () -> "no concept labelled \"" + want.get("label") + "\"; concepts " + doc.mentions.stream()
                        .filter(m -> m.entity().type() == EntityType.CONCEPT).map(m -> m.entity().label()).toList());
        if (!want.containsKey("relation")) return;
        ConceptClaim c = doc.concepts.stream().filter(x -> x.concept().label().equals(want.get("label")) && x.relation().equals(want.get("relation")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + want.get("relation") + " for " + want.get("label") + "; found "
                        + doc.concepts.stream().map(x -> x.concept().label() + " " + x.relation()).toList()));
        assertTrue(c.rule() != null && c.rule().contains(rule), () -> "rule " + c.rule() + " does not name " + rule);
    }

    private static Map<String, String> fields(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : s.split(";\\s*")) {
            int eq = part.indexOf('=');
            if (eq > 0) out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return out;
    }

    /** The stages up to the document stage, over the committed parse. */
    private static ArticleDocument convert(String where, String text) {
        ReferenceIndex ref = StageFixture.reference();
        Article article = new Article("example", Path.of("example.txt"), text, new ArticleMetadata("Example", "Example", null, "en", DATE, DATE, DATE, null));
        ArticleDocument doc = new ArticleDocument(article);
        new CleanStage().process(doc);
        AnnotateStage annotate = new AnnotateStage(AnnotationCache.local(PARSES));
        Path parse = PARSES.resolve(annotate.key(doc.cleanText, DATE.toString()) + ".pb");
        used.add(parse.getFileName());
        if (!Files.isRegularFile(parse) && !ANNOTATE)
            fail(where + ": no committed parse " + parse.getFileName() + "; run mvn -q -B test -Dtest=RuleExamplesTest -Dexamples.annotate=true");
        List<Stage> stages = List.of(annotate, new MentionStage(ref), new PostStage(ref), new EventStage(ref));
        for (Stage s : stages) s.process(doc);
        assertTrue(doc.warnings.stream().noneMatch(w -> w.contains("unreadable")), () -> where + ": " + doc.warnings);
        for (EventClaim e : doc.events)   // what the merge stage would do
            if (e.iri == null) e.iri = Iris.resource("event", "example", Integer.toString(e.trigger.begin()));
        for (Stage s : List.<Stage>of(new StatementStage(ref), new StanceStage(ref), new DocumentStage(ref))) s.process(doc);
        return doc;
    }

    @AfterAll
    static void unusedParses() throws IOException {
        try (Stream<Path> files = Files.list(PARSES)) {
            List<Path> unused = files.map(Path::getFileName).filter(p -> p.toString().endsWith(".pb") && !used.contains(p)).sorted().toList();
            if (!unused.isEmpty()) System.err.println("RuleExamplesTest: parses no example uses (delete them): " + unused);
        }
    }
}
