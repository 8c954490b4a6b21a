package org.diplokg.convert.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.ConceptClaim;
import org.diplokg.convert.model.DocumentClaim;
import org.diplokg.convert.model.EventType;
import org.junit.jupiter.api.Test;

class DocumentStageTest {
    private static final String DOC = "https://w3id.org/diplokg/resource/document/";

    private static ArticleDocument run(String text, LocalDate date) {
        ArticleDocument doc = StageFixture.annotate(text, date);
        new DocumentStage(StageFixture.reference()).process(doc);
        return doc;
    }

    private static String dump(ArticleDocument doc) {
        return doc.documents.stream().map(d -> d.document().iri() + "@" + doc.text(d.evidence()) + " implied " + d.impliedSigning()).toList()
                + " " + doc.concepts.stream().map(c -> c.relation() + " " + (c.agent() != null ? c.agent().iri() : c.event().iri)).toList()
                + " " + doc.warnings;
    }

    @Test
    void typeAndYearResolveToReferenceDocuments() {
        ArticleDocument doc = run("Japan and China agreed in a joint declaration in 1998 to build a partnership. Both sides said the 1972 Joint Communique remains the basis of ties.",
                LocalDate.of(2022, 9, 29));
        assertTrue(doc.documents.stream().anyMatch(d -> d.document().iri().equals(DOC + "joint-declaration-1998")), () -> dump(doc));
        assertTrue(doc.documents.stream().anyMatch(d -> d.document().iri().equals(DOC + "joint-communique-1972")), () -> dump(doc));
    }

    @Test
    void anniversaryImpliesTheSigningYear() {
        ArticleDocument doc = run("This year marks the 40th anniversary of the signing of the Japan-China Treaty of Peace and Friendship, the minister said."
                + " The Treaty set out the principles of peace between the two countries.", LocalDate.of(2018, 8, 12));
        DocumentClaim treaty = doc.documents.stream().filter(d -> d.impliedSigning() != null).findFirst().orElseThrow(() -> new AssertionError(dump(doc)));
        assertEquals("1978", treaty.impliedSigning());
        assertTrue(doc.warnings.isEmpty(), () -> dump(doc));
        assertTrue(doc.documents.stream().filter(d -> d.document().iri().equals(treaty.document().iri())).count() >= 2, "\"the Treaty\" refers back");
    }

    @Test
    void wrongAnniversaryIsWarned() {
        ArticleDocument doc = run("Officials marked the 30th anniversary of the signing of the Japan-China Treaty of Peace and Friendship.", LocalDate.of(2018, 8, 12));
        assertFalse(doc.warnings.isEmpty(), () -> dump(doc));
    }

    @Test
    void conceptHistory() {
        ArticleDocument doc = run("The idea of a mutually beneficial relationship based on common strategic interests was first proposed by Shinzo Abe"
                + " and agreed upon by the leaders of Japan and China in 2006. The concept was later codified in the 2008 Joint Statement.",
                LocalDate.of(2023, 11, 20));
        ConceptClaim intro = doc.concepts.stream().filter(c -> c.relation().equals("introducedBy")).findFirst().orElseThrow(() -> new AssertionError(dump(doc)));
        assertTrue(intro.agent().label().contains("Abe"), () -> dump(doc));
        ConceptClaim agreed = doc.concepts.stream().filter(c -> c.relation().equals("agreedIn")).findFirst().orElseThrow(() -> new AssertionError(dump(doc)));
        assertEquals(EventType.AGREEMENT, agreed.event().type);
        assertEquals("2006", agreed.event().date.anchor());
        assertTrue(doc.events.contains(agreed.event()));
        assertTrue(agreed.event().iri.contains("/event/2006/agreement/"));
        assertTrue(doc.concepts.stream().anyMatch(c -> c.relation().equals("codifiedIn") && c.agent().iri().equals(DOC + "joint-statement-2008")), () -> dump(doc));
    }
}
