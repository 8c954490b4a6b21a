package org.diplokg.convert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.diplokg.convert.Lexicon;
import org.diplokg.convert.SemgrexRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;

/**
 * Every rule folder's examples file (convert/&lt;folder&gt;/examples.tsv): each example's hand-written parse must
 * give exactly the named nodes it lists under its rule (or no match, for "none"), and every rule of the folder
 * has at least one example it must match. No CoreNLP models are loaded: lemmas come from CoreNLP's
 * morphology, entity types from the example.
 */
class RuleExamplesTest {
    private static final List<String> FOLDERS = List.of("events");
    private static final Map<String, List<String>> RULE_FILES = Map.of("events", List.of("participants.semgrex", "triggers.semgrex"));

    private static Map<String, SemgrexRules.Rule> rules() {
        Map<String, SemgrexRules.Rule> out = new HashMap<>();
        for (String folder : FOLDERS)
            for (String file : RULE_FILES.get(folder))
                for (SemgrexRules.Rule r : SemgrexRules.load("/convert/" + folder + "/" + file, Map.of())) out.put(r.id(), r);
        return out;
    }

    static Stream<Arguments> examples() {
        List<Arguments> out = new ArrayList<>();
        for (String folder : FOLDERS)
            for (String[] row : Lexicon.rows("/convert/" + folder + "/examples.tsv"))
                out.add(Arguments.of(row[0], row[1], row[2], row[3], row[4]));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void example(String ruleId, String sentence, String parse, String entities, String expected) {
        SemgrexRules.Rule rule = rules().get(ruleId);
        assertTrue(rule != null, "no rule " + ruleId);
        SemanticGraph g = SemanticGraph.valueOf(parse);
        Map<String, String> ner = new HashMap<>();
        if (!entities.equals("-"))
            for (String kv : entities.split(",")) ner.put(kv.split("=")[0], kv.split("=")[1]);
        for (IndexedWord w : g.vertexSet()) {
            w.setLemma(Morphology.lemmaStatic(w.word(), w.tag()).toLowerCase(java.util.Locale.ROOT));
            w.set(CoreAnnotations.NamedEntityTagAnnotation.class, ner.getOrDefault(w.word(), "O"));
        }
        Set<String> found = new TreeSet<>();
        SemgrexMatcher m = rule.pattern().matcher(g);
        while (m.find()) {
            List<String> nodes = new ArrayList<>();
            for (String name : List.of("trigger", "participant"))
                if (m.getNodeNames().contains(name)) nodes.add(name + "=" + m.getNode(name).word());
            found.add(String.join(" ", nodes));
        }
        if (expected.equals("none")) assertTrue(found.isEmpty(), sentence + " should not match " + ruleId + " but gave " + found);
        else assertEquals(Set.of(expected), found, sentence);
    }

    @Test
    void everyRuleHasAnExampleItMustMatch() {
        Set<String> covered = new TreeSet<>();
        examples().forEach(a -> { if (!"none".equals(a.get()[4])) covered.add((String) a.get()[0]); });
        Set<String> missing = new TreeSet<>(rules().keySet());
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "rules without a positive example: " + missing);
        assertFalse(covered.isEmpty());
    }
}
