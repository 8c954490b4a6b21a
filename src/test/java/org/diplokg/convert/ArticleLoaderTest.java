package org.diplokg.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.diplokg.TestProject;
import org.diplokg.UserException;
import org.diplokg.convert.model.Article;
import org.diplokg.convert.model.ArticleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleLoaderTest {

    static final String TEXT = "Leaders meet\n\nThe two leaders met in Tokyo on Monday.\n";
    static final String META = """
            {"title": "Leaders meet", "publisher": "Example News", "url": null, "language": "en",
             "published": "2023-11-17", "dateNote": "stated"}""";

    @TempDir
    Path dir;

    private void article(String stem, String text, String json) throws IOException {
        if (text != null) Files.writeString(dir.resolve(stem + ".txt"), text);
        if (json != null) Files.writeString(dir.resolve(stem + ".json"), json);
    }

    /** Loads the folder with one good article beside the bad one, and checks both outcomes. */
    private String onlyError(String badStem) throws IOException {
        article("good", TEXT, META);
        ArticleLoader.Result r = ArticleLoader.load(dir);
        assertEquals(List.of("good"), r.articles().stream().map(Article::stem).toList(), "the good article still loads");
        assertEquals(1, r.errors().size(), () -> "one error expected: " + r.errors());
        String e = r.errors().get(0);
        assertTrue(e.startsWith(dir.resolve(badStem) + "."), () -> "names the file: " + e);
        assertFalse(e.contains("\n"), "one line");
        return e;
    }

    @Test
    void goodArticle() throws IOException {
        article("a", TEXT, META);
        ArticleLoader.Result r = ArticleLoader.load(dir);
        assertEquals(List.of(), r.errors());
        Article a = r.articles().get(0);
        assertEquals("a", a.stem());
        assertEquals(TEXT, a.text());
        assertEquals(dir.resolve("a.txt"), a.file());
        ArticleMetadata m = a.metadata();
        assertEquals("Leaders meet", m.title());
        assertEquals("Example News", m.publisher());
        assertNull(m.url());
        assertEquals(LocalDate.of(2023, 11, 17), m.published());
        assertEquals(m.published(), m.publishedEarliest());
        assertEquals(m.published(), m.publishedLatest());
        assertEquals(m.published(), m.referenceDate());
    }

    @Test
    void dateRange() throws IOException {
        article("a", TEXT, """
                {"title": "T", "language": "en", "publishedEarliest": "2023-11-22", "publishedLatest": "2023-11-26"}""");
        ArticleMetadata m = ArticleLoader.load(dir).articles().get(0).metadata();
        assertNull(m.published());
        assertEquals(LocalDate.of(2023, 11, 22), m.referenceDate());
        assertEquals(LocalDate.of(2023, 11, 26), m.publishedLatest());
    }

    @Test
    void sortedByStemWithErrorsSortedToo() throws IOException {
        article("c", TEXT, META);
        article("a", TEXT, META);
        article("b2", "", META);
        article("b1", TEXT, null);
        ArticleLoader.Result r = ArticleLoader.load(dir);
        assertEquals(List.of("a", "c"), r.articles().stream().map(Article::stem).toList());
        assertEquals(2, r.errors().size());
        assertTrue(r.errors().get(0).startsWith(dir.resolve("b1.txt").toString()));
        assertTrue(r.errors().get(1).startsWith(dir.resolve("b2.txt").toString()));
    }

    @Test
    void emptyFile() throws IOException {
        article("bad", "", META);
        assertTrue(onlyError("bad").endsWith("bad.txt: is empty"));
    }

    @Test
    void whitespaceOnlyFile() throws IOException {
        article("bad", " \n\n\t\n", META);
        assertTrue(onlyError("bad").endsWith("is empty"));
    }

    @Test
    void notUtf8() throws IOException {
        Files.write(dir.resolve("bad.txt"), "Caf\u00e9 talks".getBytes(StandardCharsets.ISO_8859_1));
        article("bad", null, META);
        String e = onlyError("bad");
        assertTrue(e.contains("bad.txt: is not valid UTF-8") && e.contains("byte offset 3"), e);
    }

    @Test
    void binaryWithNulBytes() throws IOException {
        Files.write(dir.resolve("bad.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        article("bad", null, META);
        assertTrue(onlyError("bad").contains("bad.txt: is binary, not text (NUL byte"));
    }

    @Test
    void binaryWithControlCharacters() throws IOException {
        article("bad", "Leaders\u0001\u0002 meet", META);
        assertTrue(onlyError("bad").contains("is binary, not text (control character U+0001 at line 1)"));
    }

    @Test
    void htmlDoctype() throws IOException {
        article("bad", "  <!DOCTYPE html>\n<html><body><p>Leaders met.</p></body></html>", META);
        assertTrue(onlyError("bad").contains("bad.txt: is HTML or XML, not plain text (starts with <!DOCTYPE html>)"));
    }

    @Test
    void htmlFragmentWithManyTags() throws IOException {
        article("bad", "Leaders meet\n<div class=\"story\">\n<p>The leaders met.</p>\n<p>They talked.</p>\n</div>", META);
        assertTrue(onlyError("bad").contains("bad.txt: is HTML, not plain text"));
    }

    @Test
    void aFewAngleBracketsAreFine() throws IOException {
        article("a", "Growth was <5% and the <b> key was A<B.", META);
        assertEquals(List.of(), ArticleLoader.load(dir).errors());
    }

    @Test
    void tooBig() throws IOException {
        article("bad", "x".repeat((int) ArticleText.MAX_BYTES + 1), META);
        assertTrue(onlyError("bad").contains("bad.txt: is 1000001 bytes, over the 1 MB limit"));
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        article("a", "\uFEFF" + TEXT, META);
        assertEquals(TEXT, ArticleLoader.load(dir).articles().get(0).text());
    }

    @Test
    void missingSidecar() throws IOException {
        article("bad", TEXT, null);
        assertTrue(onlyError("bad").endsWith("bad.txt: no metadata sidecar bad.json beside it (title, language, publication date)"));
    }

    @Test
    void sidecarWithoutText() throws IOException {
        article("bad", null, META);
        assertTrue(onlyError("bad").endsWith("bad.json: metadata without an article: no bad.txt beside it"));
    }

    @Test
    void invalidJson() throws IOException {
        article("bad", TEXT, "{\"title\": \"T\",\n \"language\" \"en\"}");
        String e = onlyError("bad");
        assertTrue(e.contains("bad.json: invalid JSON at line 2"), e);
    }

    @Test
    void jsonNotAnObject() throws IOException {
        article("bad", TEXT, "[\"title\"]");
        assertTrue(onlyError("bad").contains("bad.json: must be a JSON object"));
    }

    @Test
    void unknownField() throws IOException {
        article("bad", TEXT, "{\"title\": \"T\", \"language\": \"en\", \"publshed\": \"2023-11-17\"}");
        assertTrue(onlyError("bad").contains("bad.json: unknown field \"publshed\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"language\": \"en\", \"published\": \"2023-11-17\"}                  | missing required field \"title\"",
            "{\"title\": \"  \", \"language\": \"en\", \"published\": \"2023-11-17\"}  | missing required field \"title\"",
            "{\"title\": \"T\", \"published\": \"2023-11-17\"}                      | missing required field \"language\"",
            "{\"title\": \"T\", \"language\": \"es\", \"published\": \"2023-11-17\"} | language \"es\": only English",
            "{\"title\": \"T\", \"language\": \"en\"}                               | no publication date",
            "{\"title\": \"T\", \"language\": \"en\", \"published\": \"17 Nov 2023\"} | field \"published\": \"17 Nov 2023\" is not a date (YYYY-MM-DD)",
            "{\"title\": \"T\", \"language\": \"en\", \"published\": \"2023-02-30\"} | is not a date",
            "{\"title\": \"T\", \"language\": \"en\", \"publishedEarliest\": \"2023-11\", \"publishedLatest\": \"2023-12-01\"} | field \"publishedEarliest\": \"2023-11\" is not a date",
            "{\"title\": \"T\", \"language\": \"en\", \"publishedEarliest\": \"2023-12-01\", \"publishedLatest\": \"2023-11-01\"} | publishedEarliest 2023-12-01 is after publishedLatest 2023-11-01",
            "{\"title\": \"T\", \"language\": \"en\", \"publishedEarliest\": \"2023-12-01\"} | \"publishedEarliest\" without \"publishedLatest\"",
            "{\"title\": \"T\", \"language\": \"en\", \"published\": \"2023-11-17\", \"publishedLatest\": \"2023-11-20\"} | not both",
            "{\"title\": 7, \"language\": \"en\", \"published\": \"2023-11-17\"}     | field \"title\" must be a string or null, not 7",
            "{\"title\": \"T\", \"language\": \"en\", \"published\": \"2023-11-17\", \"url\": \"example.com/a\"} | is not an absolute http(s) URL",
    })
    void badMetadata(String json, String cause) throws IOException {
        article("bad", TEXT, json);
        String e = onlyError("bad");
        assertTrue(e.startsWith(dir.resolve("bad.json") + ": "), e);
        assertTrue(e.contains(cause), () -> e + " should contain " + cause);
    }

    @Test
    void badTextAndBadSidecarGiveOneLineEach() throws IOException {
        article("bad", "", "{");
        ArticleLoader.Result r = ArticleLoader.load(dir);
        assertEquals(2, r.errors().size(), r.errors().toString());
        assertTrue(r.articles().isEmpty());
    }

    @Test
    void stemThatCannotNameAnIri() throws IOException {
        article("my article", TEXT, META);
        assertTrue(onlyError("my article").contains("file name must start with a letter or digit"));
    }

    @Test
    void otherFilesAreIgnored() throws IOException {
        article("a", TEXT, META);
        Files.writeString(dir.resolve("README.md"), "notes");
        Files.writeString(dir.resolve(".hidden.txt"), "");
        Files.createDirectory(dir.resolve("sub.txt"));
        ArticleLoader.Result r = ArticleLoader.load(dir);
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.articles().size());
    }

    @Test
    void missingFolderIsAUserError() {
        UserException e = assertThrows(UserException.class, () -> ArticleLoader.load(dir.resolve("nope")));
        assertTrue(e.getMessage().endsWith("nope: no such directory"));
    }

    /** The shipped articles are the input of the committed KG: they must all load, and be the seeds. */
    @Test
    void shippedArticlesLoad() {
        ArticleLoader.Result r = ArticleLoader.load(TestProject.LAYOUT.articlesDir());
        assertEquals(List.of(), r.errors());
        assertEquals(5, r.articles().size());
        for (Article a : r.articles()) {
            ArticleMetadata m = a.metadata();
            assertEquals("en", m.language());
            assertTrue(m.dateNote() != null && !m.dateNote().isBlank(), a.stem() + " explains its date");
            assertFalse(m.publishedEarliest().isAfter(m.publishedLatest()));
        }
        Article a003 = r.articles().stream().filter(a -> a.stem().startsWith("003_")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2023, 11, 17), a003.metadata().published());
    }
}
