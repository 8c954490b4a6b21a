package org.diplokg.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The one-pass ASCII normalisation must give exactly what the general (NFKC and regex) one gives. */
class NormalizeTest {

    @Test
    void asciiFastPathEqualsGeneralPath() {
        String alphabet = "aZ. `'\t\n\u000b\f\r\u0001-\"theTHE";
        Random random = new Random(42);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = s.toString();
            assertEquals(ReferenceIndex.normalizeUnicode(text), ReferenceIndex.normalizeAscii(text), () -> "for \"" + text + "\"");
        }
        for (String text : new String[] {"The U.S.", "  the  People's Republic of China ", "U.S.-China", "the", "the ", ". the x"})
            assertEquals(ReferenceIndex.normalizeUnicode(text), ReferenceIndex.normalizeAscii(text), text);
        assertNull(ReferenceIndex.normalizeAscii("Tōkyō"));
    }
}
