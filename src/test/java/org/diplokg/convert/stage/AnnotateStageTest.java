package org.diplokg.convert.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.diplokg.TestProject;
import org.diplokg.convert.AnnotationCache;
import org.diplokg.convert.ArticleLoader;
import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.ProtobufAnnotationSerializer;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.util.CoreMap;

/**
 * The one test that loads CoreNLP's models. Every other test that needs annotations reads the committed ones
 * (data/annotations/, src/test/annotations/), whose key covers the text, date, corenlp.properties and CoreNLP
 * version; what a key cannot cover is whether the models on the classpath still produce those annotations.
 * Loading the models takes tens of seconds on one core, so this class runs beside the others (it shares nothing
 * with them but the pipeline, which is built once per JVM under a lock).
 */
@Execution(ExecutionMode.CONCURRENT)
class AnnotateStageTest {

    @Test
    void committedAnnotationOfTheShortestSeedEqualsAFreshOne() throws IOException {
        Article shortest = ArticleLoader.load(TestProject.LAYOUT.articlesDir()).articles().stream()
                .min(Comparator.comparingInt((Article a) -> a.text().length())).orElseThrow();
        ArticleDocument doc = new ArticleDocument(shortest);
        new CleanStage().process(doc);
        String date = shortest.metadata().referenceDate().toString();
        String key = new AnnotateStage(AnnotationCache.NONE).key(doc.cleanText, date);
        List<String> unreadable = new ArrayList<>();
        Annotation committed = AnnotationCache.committedOnly(TestProject.LAYOUT).read(key, unreadable::add);
        assertEquals(List.of(), unreadable);
        assertNotNull(committed, shortest.stem() + ": no committed annotation; run ./kg convert and commit data/annotations/");

        // Compared as the cache holds them: the serialisation drops a little the converter never reads (e.g. a
        // SUTime value's range), so the fresh annotation goes through it too.
        byte[] fresh = bytes(AnnotateStage.annotate(doc.cleanText, date));
        List<String> expected = describe(committed), actual = describe(read(fresh));
        assertTrue(expected.size() > 500, "a whole article's tokens and edges: " + expected.size() + " lines");
        // Readable first (tokens, sentence splits, tags, entities, times, dependencies, quotes), then everything.
        assertEquals(List.of(), differences(expected, actual), "CoreNLP no longer annotates " + shortest.stem() + " as committed");
        assertArrayEquals(bytes(committed), fresh, "the protobuf serialisations differ beyond the fields compared above");
    }

    /** One line per token (offsets, word, POS, lemma, NER, normalised value, time) and per dependency edge, per sentence. */
    static List<String> describe(Annotation a) {
        List<String> out = new ArrayList<>();
        for (CoreMap sentence : a.get(CoreAnnotations.SentencesAnnotation.class)) {
            out.add("sentence " + sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class)
                    + "-" + sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
            for (CoreLabel t : sentence.get(CoreAnnotations.TokensAnnotation.class))
                out.add(String.join("\t", t.beginPosition() + "-" + t.endPosition(), t.word(), t.tag(), t.lemma(), t.ner(),
                        String.valueOf(t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class)),
                        String.valueOf(t.get(TimeAnnotations.TimexAnnotation.class))));
            SemanticGraph deps = sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
            for (SemanticGraphEdge e : deps.edgeListSorted())
                out.add("dep " + e.getRelation() + " " + e.getGovernor().index() + " " + e.getDependent().index());
        }
        for (CoreMap q : a.get(CoreAnnotations.QuotationsAnnotation.class) == null ? List.<CoreMap>of() : a.get(CoreAnnotations.QuotationsAnnotation.class))
            out.add("quote " + q.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class) + "-"
                    + q.get(CoreAnnotations.CharacterOffsetEndAnnotation.class) + " " + q.get(CoreAnnotations.TextAnnotation.class));
        return out;
    }

    /** The first few lines that differ, committed then fresh, and how many differ. */
    static List<String> differences(List<String> committed, List<String> fresh) {
        List<String> out = new ArrayList<>();
        int n = Math.max(committed.size(), fresh.size()), differing = 0;
        for (int i = 0; i < n; i++) {
            String c = i < committed.size() ? committed.get(i) : "(none)", f = i < fresh.size() ? fresh.get(i) : "(none)";
            if (c.equals(f)) continue;
            if (differing++ < 5) out.add("line " + i + ": committed " + c + " | fresh " + f);
        }
        if (differing > 5) out.add("... " + differing + " lines differ");
        return out;
    }

    static Annotation read(byte[] serialised) throws IOException {
        try {
            return new ProtobufAnnotationSerializer().read(new ByteArrayInputStream(serialised)).first;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Annotation a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProtobufAnnotationSerializer().write(a, out);
        return out.toByteArray();
    }
}
