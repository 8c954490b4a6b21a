package org.diplokg.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.diplokg.TestProject;
import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.ArticleMetadata;
import org.diplokg.convert.stage.CleanStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CleanStageTest {

    private static final CleanStage STAGE = new CleanStage();

    static ArticleDocument clean(String text, String title) {
        ArticleMetadata m = new ArticleMetadata(title, null, null, "en", LocalDate.of(2023, 11, 17),
                LocalDate.of(2023, 11, 17), LocalDate.of(2023, 11, 17), null);
        ArticleDocument doc = new ArticleDocument(new Article("t", Path.of("t.txt"), text, m));
        STAGE.process(doc);
        assertMapsBack(doc);
        return doc;
    }

    static String clean(String text) {
        return clean(text, "Headline").cleanText;
    }

    /** The clean text is a subsequence of the original, and the map says exactly where each character came from. */
    static void assertMapsBack(ArticleDocument doc) {
        String original = doc.article.text();
        assertEquals(doc.cleanText.length(), doc.cleanToOriginal.length);
        for (int i = 0; i < doc.cleanText.length(); i++) {
            int o = doc.cleanToOriginal[i];
            assertTrue(i == 0 || o > doc.cleanToOriginal[i - 1], "strictly increasing at " + i);
            assertEquals(original.charAt(o), doc.cleanText.charAt(i), "character " + i);
        }
    }

    // --- the seed articles ---------------------------------------------------------------------

    static Stream<Article> seeds() {
        return ArticleLoader.load(TestProject.LAYOUT.articlesDir()).articles().stream();
    }

    /** Boilerplate lines seen in the seeds; none may survive. */
    private static final List<String> BOILERPLATE = List.of("file photo", "Tiananmen Square in Beijing",
            "Add new comment", "human visitor", "Enter the characters", "#backdrop", "Fecha de publicaci",
            "Imagen principal", "/ world today news/", "Hot News", "17 November 2023");

    @ParameterizedTest
    @MethodSource("seeds")
    void seedHasNoBoilerplateAndKeepsItsBody(Article article) {
        ArticleDocument doc = new ArticleDocument(article);
        STAGE.process(doc);
        assertMapsBack(doc);
        for (String b : BOILERPLATE)
            assertFalse(doc.cleanText.contains(b), () -> article.stem() + " still has " + b);

        // Every line that no rule targets is still there, whole.
        String original = article.text();
        for (String line : original.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || BOILERPLATE.stream().anyMatch(line::contains)) continue;
            if (t.startsWith("/ world today news/")) t = t.substring("/ world today news/".length()).strip();
            String body = t;
            assertTrue(doc.cleanText.contains(body), () -> article.stem() + " lost: " + body);
        }
        // The headline is kept once, even where the page repeats it.
        String headline = original.lines().findFirst().orElseThrow().strip();
        if (!headline.startsWith("/"))
            assertEquals(1, Pattern.compile(Pattern.quote(headline)).matcher(doc.cleanText).results().count());
        // Paragraphs stay apart; no run of blank lines, no white space at either end.
        assertFalse(doc.cleanText.contains("\n\n\n"));
        assertEquals(doc.cleanText.strip(), doc.cleanText);
    }

    // --- one hand-made text per rule -----------------------------------------------------------

    @Test
    void photoCreditWithItsCaption() {
        String text = "Headline\n\nExample Daily file photo\nA square in a capital\n\nThe leaders met on Monday.";
        assertEquals("Headline\n\nThe leaders met on Monday.", clean(text));
    }

    @Test
    void photoCreditInsideABodyBlockTakesOnlyItsLine() {
        String text = "Headline\nThe leaders met.\nPhoto: Reuters\nThey talked.\nThey agreed.\nThey left.";
        assertEquals("Headline\nThe leaders met.\nThey talked.\nThey agreed.\nThey left.", clean(text));
    }

    @Test
    void photoCreditNeverTakesTheHeadline() {
        assertEquals("Headline\n\nBody text.", clean("Headline\nPhoto by Jane Doe/AFP\n\nBody text."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Photo: Reuters", "Photo by Jane Doe", "Photograph: Kyodo", "Image credit: Getty Images",
            "AFP file photo", "Jane Doe/AFP", "John Smith/Reuters via Getty Images", "© Reuters 2023",
            "Copyright 2023 Example Times. All rights reserved.", "All rights reserved."})
    void creditLines(String line) {
        assertEquals("Headline\n\nFirst paragraph.\n\nSecond paragraph.",
                clean("Headline\n\nFirst paragraph.\n\n" + line + "\n\nSecond paragraph."));
    }

    @Test
    void inlinePhotoCredits() {
        assertEquals("Headline\nThe leaders shake hands.\nThe leaders met.",
                clean("Headline\nThe leaders shake hands. (Photo by Jane Doe)\nThe leaders met. (Xinhua/Li Hua)"));
        assertEquals("Headline\nThe leaders met.", clean("Headline\nThe leaders met. (File photo)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Add new comment", "Leave a Reply", "Comments", "12 Comments", "Related articles",
            "Related Stories:", "You may also like", "Most Read", "More stories from Asia",
            "This question is for testing whether or not you are a human visitor and to prevent automated spam submissions."})
    void trailingSections(String marker) {
        String text = "Headline\n\nThe leaders met.\n\n" + marker + "\n\nSome other story about ministers\n\nName\nComment text.";
        assertEquals("Headline\n\nThe leaders met.", clean(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Enter the characters shown in the image.", "Read more", "Read more: Ministers meet again",
            "ALSO READ | Leaders to meet", "Share this article", "Facebook Twitter WhatsApp Email", "Advertisement",
            "Hot News", "Breaking News", "Top Stories", "Sign up for our newsletter", "Tags: China, Japan, diplomacy",
            "#backdrop #China #Japan", "#Diplomacy", "Fecha de publicación:\u00a0", "Imagen principal:\u00a0",
            "Fuente: AFP", "Date de publication : 17 novembre 2023", "Published: 17 November 2023",
            "Updated Nov 17, 2023 10:15 am", "Posted on 2023-11-17 by admin", "17 November 2023",
            "Friday, 17 November 2023", "Nov. 17, 2023", "November 17, 2023 10:15 JST", "2023-11-17",
            "17/11/2023", "By Jane Doe", "By JANE DOE and John Roe | Example Daily", "By Reuters"})
    void boilerplateLines(String line) {
        assertEquals("Headline\n\nFirst paragraph.\nSecond paragraph.",
                clean("Headline\n\nFirst paragraph.\n" + line + "\nSecond paragraph."), line);
    }

    @Test
    void siteTagAtTheStartOfALine() {
        assertEquals("Leaders met in Tokyo.\nThey talked.", clean("/ example news/ Leaders met in Tokyo.\nThey talked.", "x").cleanText);
    }

    @Test
    void repeatedHeadlineGoes() {
        String text = "Leaders meet\n\nLeaders meet\nFecha de publicación:\u00a0\n17 November 2023\n\nThe leaders met.";
        assertEquals("Leaders meet\n\nThe leaders met.", clean(text, "Leaders meet").cleanText);
    }

    @Test
    void bodySentencesThatLookLikeBoilerplateStay() {
        String body = "Headline\nBy 2030, the two countries will double trade.\nRelated talks are planned for May.\n"
                + "Comments by the minister drew criticism.\nShare prices rose after the summit.\n"
                + "Updated figures show trade grew.\nThe photo showed the leaders in 2023.\n"
                + "He said:\n\"We agree.\"\nIn 2023, the leaders met on Nov. 16.";
        assertEquals(body, clean(body));
    }

    @Test
    void windowsLineBreaks() {
        assertEquals("Headline\r\n\r\nThe leaders met.", clean("Headline\r\n\r\nPhoto: AP\r\n\r\nThe leaders met.\r\n"));
    }

    @Test
    void nothingLeftIsAnError() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> clean("Advertisement\n\n#tag\n"));
        assertTrue(e.getMessage().contains("no article text left"));
    }
}
