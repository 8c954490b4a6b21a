package org.diplokg.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.diplokg.TestProject;
import org.junit.jupiter.api.Test;

/** The rule catalog behind the KG's provenance: ids, comments, files and definitions of the extraction rules. */
class RuleCatalogTest {

    static final RuleCatalog CATALOG = RuleCatalog.load();

    @Test
    void aClaimsRuleIsQualifiedByItsKindAndNeverMissing() {
        assertEquals("quote.subject", RuleCatalog.qualify("quote", "subject", "StatementStage"));
        assertEquals("event.trigger:meet", RuleCatalog.qualify("event", "event.trigger:meet", "EventStage"), "already qualified");
        assertEquals("event.trigger:summit-meeting", RuleCatalog.qualify("event", "trigger:summit meeting", "EventStage"));
        assertEquals("quote.StatementStage", RuleCatalog.qualify("quote", null, "StatementStage"), "no rule: the stage");
        assertEquals("quote.StatementStage", RuleCatalog.qualify("quote", " ", "StatementStage"));
    }

    @Test
    void rulesOfAFileTakeTheirIdsAndDefinitionsFromIt() {
        RuleCatalog.Rule subject = CATALOG.describe("quote.subject");
        assertEquals(List.of("src/main/resources/convert/speaker-patterns.semgrex"), subject.sources());
        assertTrue(subject.definition().startsWith("subject\t"), subject.definition());
        RuleCatalog.Rule meet = CATALOG.describe("event.trigger:meet");
        assertEquals("meet\tMEETING", meet.definition());
        assertEquals("event.trigger:summit-meeting", CATALOG.describe("event.trigger:summit-meeting").id());
        assertEquals("summit meeting\tSUMMIT", CATALOG.describe("event.trigger:summit-meeting").definition());
    }

    @Test
    void aCommentIsTheLineBeforeEachRuleOnlyWhereEveryRuleHasOne() {
        // document-patterns.tsv writes a comment line before every pattern ("# dated: ..."), without repeating the name
        String dated = CATALOG.describe("document.dated").comment();
        assertTrue(dated.startsWith("\"the 2008 Joint Statement\""), dated);
        // stance-cues.tsv is a word list under a header: its header says nothing about the first cue
        assertNull(CATALOG.describe("stance.cue:support").comment());
        assertNull(CATALOG.describe("event.trigger:summit").comment());
    }

    @Test
    void javaRulesAndCombinationsAreDescribed() {
        RuleCatalog.Rule pronoun = CATALOG.describe("quote.pronoun");
        assertEquals("src/main/java/org/diplokg/convert/stage/StatementStage.java", pronoun.sources().get(0));
        assertNull(pronoun.definition());
        RuleCatalog.Rule both = CATALOG.describe("quote.subject+pronoun");
        assertTrue(both.comment().startsWith("The rules subject (") && both.comment().contains("), then pronoun ("), both.comment());
        assertEquals(List.of("src/main/resources/convert/speaker-patterns.semgrex", "src/main/java/org/diplokg/convert/stage/StatementStage.java"),
                both.sources());
        RuleCatalog.Rule unknown = CATALOG.describe("event.nowhere");
        assertNull(unknown.comment());
        assertEquals(List.of(), unknown.sources());
    }

    @Test
    void everyFileTheCatalogNamesExistsAndEveryJavaRuleIsCommented() {
        List<String> bad = new ArrayList<>();
        for (RuleCatalog.Rule r : CATALOG.all()) {
            for (String f : r.sources())
                if (!Files.isRegularFile(TestProject.LAYOUT.root().resolve(f))) bad.add(r.id() + ": no file " + f);
            if (r.definition() == null && (r.comment() == null || r.comment().isBlank())) bad.add(r.id() + ": a Java rule without a comment");
            if (!r.id().matches("(mention|post|event|quote|stance|document|concept)\\.\\S+")) bad.add(r.id() + ": not <kind>.<id>");
        }
        assertTrue(CATALOG.all().size() > 100, "the rule files' entries are rules: " + CATALOG.all().size());
        assertEquals(List.of(), bad);
    }
}
