package org.diplokg.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the converter's word lists (src/main/resources/convert/*.tsv): '#' comments, tab-separated columns. */
public final class Lexicon {
    private Lexicon() {}

    /** The words of one class of word-classes.tsv ("light-verb", "place-noun", ...); an unknown class fails. */
    public static java.util.Set<String> wordClass(String name) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String[] row : rows("/convert/word-classes.tsv")) if (row[0].equals(name)) out.add(row[1]);
        if (out.isEmpty()) throw new IllegalStateException("no word class " + name + " in /convert/word-classes.tsv");
        return java.util.Collections.unmodifiableSet(out);
    }

    public static List<String[]> rows(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing lexicon " + resource);
            List<String[]> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split("\t"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
