package org.diplokg.convert;

import java.text.Normalizer;
import java.util.Locale;

import org.diplokg.vocab.DKG;

/** How the converter mints IRIs: readable slugs derived from content, never from run order. */
public final class Iris {
    private Iris() {}

    /** Lower-case ASCII words joined by hyphens: "Xi Jinping" -> "xi-jinping", "Tōkyō" -> "tokyo". */
    public static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "x" : s;
    }

    public static String resource(String... segments) {
        return DKG.RESOURCE + String.join("/", segments);
    }

    public static String article(String stem) {
        return DKG.ARTICLE_NS + stem;
    }

    /** The last path segment of a DiploKG resource IRI ("…/person/xi-jinping" -> "xi-jinping"). */
    public static String lastSegment(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
