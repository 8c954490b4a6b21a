package org.diplokg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplokg.QueryRows;
import org.diplokg.TestProject;
import org.diplokg.store.KgDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each competency question in {@code queries/} with its expected answer, run against the query view that
 * {@code kg serve} publishes. A row is written as its values' lexical forms joined by " | ".
 */
class CompetencyQueriesTest {

    static DatasetGraph view;

    @BeforeAll
    static void load() {
        view = KgDataset.queryView(TestProject.dataset());
    }

    static List<String> rows(String file) throws Exception {
        String query = Files.readString(TestProject.LAYOUT.queriesDir().resolve(file));
        assertTrue(query.startsWith("# Question:"), file + " must start with its question in English");
        return Txn.calculateRead(view, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(view)).query(query).build()) {
                return QueryRows.of(qe.execSelect());
            }
        });
    }

    @Test
    void everyQueryFileIsCovered() throws Exception {
        Set<String> files;
        try (Stream<Path> s = Files.list(TestProject.LAYOUT.queriesDir())) {
            files = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".rq")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> tested = Set.of("foreign-ministers-of-china.rq", "china-japan-political-documents.rq",
                "leaders-on-a-date.rq", "diplomats.rq", "wikidata-links.rq", "issues.rq",
                "meetings.rq", "events-of-a-day.rq", "quotes.rq", "stances-on-fukushima.rq", "posts-held.rq", "concept-history.rq",
                "events-by-rule.rq", "facts-by-rule.rq");
        assertEquals(new TreeSet<>(tested), files, "each competency query needs an expected answer here");
    }

    @Test
    void foreignMinistersOfChina() throws Exception {
        assertEquals(List.of(
                "Yang Jiechi | 2007-04-27 | 2013-03-16",
                "Wang Yi | 2013-03-16 | 2022-12-30",
                "Qin Gang | 2022-12-30 | 2023-07-25",
                "Wang Yi | 2023-07-25 | "), rows("foreign-ministers-of-china.rq"));
    }

    @Test
    void fourPoliticalDocuments() throws Exception {
        List<String> rows = rows("china-japan-political-documents.rq");
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("Joint Communique of the Government of Japan and the Government of the People's Republic of China | Joint communique | 1972-09-29"), rows.get(0));
        assertTrue(rows.get(1).startsWith("Treaty of Peace and Friendship between Japan and the People's Republic of China | Treaty | 1978-08-12"), rows.get(1));
        assertTrue(rows.get(2).contains("Joint Declaration") && rows.get(2).endsWith("1998-11-26"), rows.get(2));
        assertTrue(rows.get(3).contains("Joint Statement") && rows.get(3).contains("Mutually Beneficial Relationship Based on Common Strategic Interests")
                && rows.get(3).endsWith("2008-05-07"), rows.get(3));
    }

    @Test
    void leadersOnTheDayOfTheSanFranciscoMeetings() throws Exception {
        assertEquals(List.of(
                "China | Premier of China | Li Qiang",
                "China | President of China | Xi Jinping",
                "Japan | Prime Minister of Japan | Fumio Kishida",
                "South Korea | President of South Korea | Yoon Suk Yeol",
                "United States | President of the United States | Joe Biden"), rows("leaders-on-a-date.rq"));
    }

    @Test
    void diplomatsAreClassifiedFromTheirPosts() throws Exception {
        List<String> rows = rows("diplomats.rq");
        assertTrue(rows.contains("Wang Yi | Minister of Foreign Affairs of China"), rows.toString());
        assertTrue(rows.contains("Antony Blinken | United States Secretary of State"), rows.toString());
        assertTrue(rows.contains("Yoko Kamikawa | Minister for Foreign Affairs of Japan"), rows.toString());
        assertTrue(rows.stream().noneMatch(r -> r.startsWith("Xi Jinping") || r.startsWith("Joe Biden")),
                "heads of state hold no diplomatic post in the reference data: " + rows);
    }

    @Test
    void wikidataLinksCarryTheirCheckedLabel() throws Exception {
        List<String> rows = rows("wikidata-links.rq");
        assertTrue(rows.contains("https://w3id.org/diplokg/resource/country/china | China | http://www.wikidata.org/entity/Q148 | People's Republic of China"), rows.toString());
        assertTrue(rows.contains("https://w3id.org/diplokg/resource/country/japan | Japan | http://www.wikidata.org/entity/Q17 | Japan"), rows.toString());
        assertTrue(rows.contains("https://w3id.org/diplokg/resource/person/xi-jinping | Xi Jinping | http://www.wikidata.org/entity/Q15031 | Xi Jinping"), rows.toString());
        assertEquals(rows.size(), rows.stream().map(r -> r.split(" \\| ")[2]).distinct().count(), "a Q-id is used for one entity only");
    }

    @Test
    void issueSchemeCoversTheCoreIssues() throws Exception {
        String all = String.join("\n", rows("issues.rq"));
        for (String keyword : List.of("Taiwan", "treated water", "seafood", "export control", "decoupling"))
            assertTrue(all.contains(keyword), "issue scheme lacks " + keyword);
    }

    // Questions about what the converter extracted from the articles (data/kg/).

    @Test
    void meetingsWithParticipantsPlaceAndDate() throws Exception {
        List<String> rows = rows("meetings.rq");
        assertTrue(rows.stream().anyMatch(r -> r.contains("| Talks | 2022-08-17 |") && r.contains("Takeo Akiba") && r.contains("Yang Jiechi")), String.join("\n", rows));
        assertTrue(rows.stream().noneMatch(r -> r.contains("/summit/") && r.contains("| Meeting |")), "each event under its most specific class");
    }

    @Test
    void eventsOfOneDayAcrossArticles() throws Exception {
        List<String> rows = rows("events-of-a-day.rq");
        // The Xi-Kishida meeting is reported by four articles (one undated, one only as "the Japan-China summit
        // meeting in November") and the APEC gathering on whose sidelines it took place by three.
        assertTrue(rows.stream().anyMatch(r -> r.contains("Fumio Kishida, Xi Jinping (2023-11-16)") && r.endsWith("| 4")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.contains("/conference/apec-in-san-francisco") && r.endsWith("| 3")),
                "the APEC summit is one event reported by three articles: " + rows);
    }

    @Test
    void whoSaidWhatToWhom() throws Exception {
        List<String> rows = rows("quotes.rq");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Xi Jinping | Fumio Kishida | Currently, the international situation")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("a Japanese Foreign Ministry source |  | a first step toward")),
                "an unnamed source stays unnamed: " + rows);
    }

    @Test
    void positionsOnTheFukushimaWaterRelease() throws Exception {
        List<String> rows = rows("stances-on-fukushima.rq");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("China | oppose | 2023-11-22")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Xi Jinping | urge | 2023-11-17")), String.join("\n", rows));
    }

    @Test
    void postsHeldAccordingToTheArticles() throws Exception {
        List<String> rows = rows("posts-held.rq");
        assertTrue(rows.contains("Hideo Tarumi | Ambassador of Japan to China | true | 1"), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Fumio Kishida | Prime Minister of Japan | false |")), String.join("\n", rows));
    }

    @Test
    void whichRuleProducedEachEventReport() throws Exception {
        List<String> rows = rows("events-by-rule.rq");
        String all = String.join("\n", rows);
        // The 2022 Akiba-Yang talks, found by the lexicon entry "talk" and named again later as "the meeting".
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("https://w3id.org/diplokg/resource/event/2022-08-17/talks/takeo-akiba--yang-jiechi | event.trigger:talk | talks |")), all);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("https://w3id.org/diplokg/resource/event/2022-08-17/talks/takeo-akiba--yang-jiechi | event.trigger:meeting+antecedent | meeting |")), all);
        // "X visited ... to meet Y": the visit is a report of the meeting, by the visit-for-meeting mechanism.
        assertTrue(rows.stream().anyMatch(r -> r.contains("| event.trigger:visit+visit-for-meeting | visited |")), all);
        for (String r : rows) {
            String[] v = r.split(" \\| ", 4);
            assertEquals(4, v.length, r);
            assertTrue(v[1].startsWith("event."), "an event's rule is an event rule: " + r);
            assertTrue(v[3].contains(v[2]), "the evidence words lie in its sentence: " + r);
        }
    }

    @Test
    void factsByRuleNameEveryRulesFile() throws Exception {
        List<String> rows = rows("facts-by-rule.rq");
        String all = String.join("\n", rows);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("mention.reference-name | ") && r.contains("| src/main/java/org/diplokg/convert/stage/MentionStage.java | A name of a reference entity")), all);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("quote.subject | ") && r.contains("| src/main/resources/convert/speaker-patterns.semgrex |")), all);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("event.trigger:meet | ") && r.contains("| src/main/resources/convert/event-triggers.tsv |")), all);
        for (String r : rows) {
            String[] v = r.split(" \\| ", -1);
            assertTrue(Integer.parseInt(v[1]) > 0, r);
            assertTrue(!v[2].isEmpty(), "every rule the KG names is in convert/rules.tsv (or a rule file it lists): " + r);
            assertTrue(java.nio.file.Files.isRegularFile(TestProject.LAYOUT.root().resolve(v[2])), "the rule's file exists: " + r);
        }
    }

    @Test
    void historyOfAPolicyConcept() throws Exception {
        List<String> rows = rows("concept-history.rq");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("codified in | https://w3id.org/diplokg/resource/document/joint-statement-2008 |")), String.join("\n", rows));
        assertTrue(rows.contains("introduced by | https://w3id.org/diplokg/resource/person/hideo-tarumi | Hideo Tarumi"), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("agreed in | ") && r.contains("(2006)")), String.join("\n", rows));
    }
}
