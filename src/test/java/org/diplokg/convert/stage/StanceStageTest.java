package org.diplokg.convert.stage;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.StanceClaim;
import org.diplokg.convert.model.StanceType;
import org.junit.jupiter.api.Test;

class StanceStageTest {
    private static final String ISSUE = "https://w3id.org/diplokg/resource/issue/";

    private static ArticleDocument run(String text) {
        ReferenceIndex ref = StageFixture.reference();
        ArticleDocument doc = StageFixture.annotate(text, LocalDate.of(2023, 6, 1));
        new StatementStage(ref).process(doc);
        new StanceStage(ref).process(doc);
        return doc;
    }

    private static boolean has(ArticleDocument doc, String holderPart, StanceType type, String issueSlug) {
        for (StanceClaim s : doc.stances)
            if (s.holder().label().contains(holderPart) && s.type() == type && s.issueIri().equals(ISSUE + issueSlug)) return true;
        return false;
    }

    private static String dump(ArticleDocument doc) {
        return doc.stances.stream().map(s -> s.holder().label() + " " + s.type() + " " + s.issueIri()).toList().toString();
    }

    @Test
    void urgeAndOpposeOnReferenceIssues() {
        ArticleDocument doc = run("China condemned Japan's plan to release treated water into the Pacific.\n\n"
                + "Fumio Kishida said he had urged Xi Jinping to lift the seafood ban as soon as possible.");
        assertTrue(has(doc, "China", StanceType.OPPOSE, "fukushima-treated-water"), () -> dump(doc));
        assertTrue(has(doc, "Kishida", StanceType.URGE, "seafood-import-ban"), () -> dump(doc));
        for (StanceClaim s : doc.stances) assertNull(s.issueLabel(), "reference issues have no minted label");
    }

    @Test
    void reaffirmAndConcern() {
        ArticleDocument doc = run("Japan and the United States reaffirmed their commitment to peace and stability across the Taiwan Strait.\n\n"
                + "Xi Jinping expressed concern about Japan's export controls on chipmaking equipment.");
        assertTrue(has(doc, "Japan", StanceType.REAFFIRM, "taiwan"), () -> dump(doc));
        assertTrue(has(doc, "Xi", StanceType.CONCERN, "export-controls"), () -> dump(doc));
    }

    @Test
    void mintedIssueFromTheCuesObject() {
        ArticleDocument doc = run("Yoon Suk Yeol stressed the importance of joint lunar exploration between the two nations.");
        StanceClaim s = doc.stances.stream().filter(x -> x.type() == StanceType.SUPPORT).findFirst().orElseThrow(() -> new AssertionError(dump(doc)));
        assertTrue(s.issueLabel() != null && s.issueLabel().contains("exploration"), () -> dump(doc));
        assertTrue(s.issueIri().startsWith(ISSUE));
    }

    @Test
    void unnamedSourcesHoldNoStance() {
        ArticleDocument doc = run("A senior government official urged Beijing to lift the seafood ban.");
        assertTrue(doc.stances.isEmpty(), () -> dump(doc));
    }
}
