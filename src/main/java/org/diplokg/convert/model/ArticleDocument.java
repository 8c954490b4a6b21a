package org.diplokg.convert.model;

import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.pipeline.CoreDocument;

/**
 * The document model that flows through the converter's stages; each stage adds one kind of annotation
 * (the way CoreNLP's pipeline fills an {@code Annotation}). Stages run in the order {@code Converter} lists.
 */
public final class ArticleDocument {
    public final Article article;

    /** Set by the clean stage: the article body without boilerplate. */
    public String cleanText;
    /** Set by the clean stage: for each index of {@link #cleanText}, the index in the original text. */
    public int[] cleanToOriginal;

    /** Set by the annotate stage: CoreNLP's analysis of {@link #cleanText}. */
    public CoreDocument nlp;

    public final List<Mention> mentions = new ArrayList<>();
    public final List<PostClaim> posts = new ArrayList<>();
    public final List<EventClaim> events = new ArrayList<>();
    public final List<QuoteClaim> quotes = new ArrayList<>();
    public final List<StanceClaim> stances = new ArrayList<>();
    public final List<DocumentClaim> documents = new ArrayList<>();
    public final List<ConceptClaim> concepts = new ArrayList<>();
    /** Problems worth telling the user about; they do not stop the conversion. */
    public final List<String> warnings = new ArrayList<>();

    public ArticleDocument(Article article) {
        this.article = article;
    }

    /** The original-text span of clean-text range [begin, end). */
    public Span original(int cleanBegin, int cleanEnd) {
        if (cleanEnd <= cleanBegin) {
            int at = cleanBegin < cleanToOriginal.length ? cleanToOriginal[cleanBegin] : article.text().length();
            return new Span(at, at);
        }
        return new Span(cleanToOriginal[cleanBegin], cleanToOriginal[cleanEnd - 1] + 1);
    }

    private List<Span> sentences;

    /** Each sentence CoreNLP split the clean text into, as a span of the original text, in text order. */
    public List<Span> sentences() {
        if (sentences == null) {
            List<Span> out = new ArrayList<>();
            for (var s : nlp.sentences()) out.add(original(s.charOffsets().first, s.charOffsets().second));
            sentences = List.copyOf(out);
        }
        return sentences;
    }

    /** The original text of a span. */
    public String text(Span span) {
        return article.text().substring(span.begin(), span.end());
    }
}
