package org.diplokg.convert.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.QuoteClaim;
import org.junit.jupiter.api.Test;

class StatementStageTest {
    private static final LocalDate DATE = LocalDate.of(2023, 6, 1);

    private static ArticleDocument run(String text) {
        ArticleDocument doc = StageFixture.annotate(text, DATE);
        new StatementStage(StageFixture.reference()).process(doc);
        return doc;
    }

    @Test
    void speakerAfterTheQuoteAndAddressee() {
        ArticleDocument doc = run("Officials from both countries met in Tokyo on Monday.\n\n"
                + "\u201CWe must keep the channels of communication open at every level,\u201D Xi Jinping told Fumio Kishida.");
        assertEquals(1, doc.quotes.size());
        QuoteClaim q = doc.quotes.get(0);
        assertEquals("Xi Jinping", q.speaker().label());
        assertNotNull(q.addressee());
        assertEquals("Fumio Kishida", q.addressee().label());
        assertTrue(q.text().startsWith("We must keep"));
        assertEquals(q.text(), doc.text(q.span()), "span is the quoted words without the marks");
    }

    @Test
    void saidBeforeTheQuoteWithApposition() {
        ArticleDocument doc = run("Kiyoshi Tanabe, a researcher at a Tokyo think tank, said that \u201Cthe two governments have little room to manoeuvre this year.\u201D");
        assertEquals(1, doc.quotes.size());
        assertNotNull(doc.quotes.get(0).speaker());
        assertTrue(doc.quotes.get(0).speaker().label().contains("Tanabe"));
    }

    @Test
    void unnamedSourcesStayUnnamed() {
        ArticleDocument doc = run("Fumio Kishida met Xi Jinping in Lima. Tokyo had hoped the talks would be \u201Ca chance to reset the relationship for good,\u201D"
                + " according to a senior government source.\n\nSeveral diplomats praised the meeting, with one saying, \u201CThe mood in the room was much better than last year.\u201D");
        assertEquals(2, doc.quotes.size());
        for (QuoteClaim q : doc.quotes) {
            assertNull(q.speaker(), () -> "given to a name: " + q.text());
            assertNotNull(q.unnamedSpeaker());
        }
    }

    @Test
    void pronounAndDefiniteDescription() {
        ArticleDocument doc = run("Hiroshi Sato, a professor at Kyoto University, has studied the relationship for decades.\n\n"
                + "\u201CBoth sides are cautious about moving first,\u201D the expert points out. \u201CNobody wants to look weak at home,\u201D he added.");
        assertEquals(2, doc.quotes.size());
        for (QuoteClaim q : doc.quotes)
            assertTrue(q.speaker() != null && q.speaker().label().contains("Sato"), () -> "speaker of " + q.text());
    }

    @Test
    void scareQuotesAreNotStatements() {
        ArticleDocument doc = run("Beijing criticised the so-called \u201Cde-risking\u201D agenda at the meeting in Jakarta.");
        assertTrue(doc.quotes.isEmpty());
    }
}
