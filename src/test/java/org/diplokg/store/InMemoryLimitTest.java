package org.diplokg.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diplokg.UserException;
import org.junit.jupiter.api.Test;

/** kg serve without --data refuses data that cannot fit the heap, in one line that says to use --data. */
class InMemoryLimitTest {

    @Test
    void dataTooBigForTheHeapIsRefusedPointingToData() {
        long gb = 1L << 30;
        UserException e = assertThrows(UserException.class, () -> KgDataset.checkFitsInMemory(2 * gb, 8 * gb));
        assertTrue(e.getMessage().contains("--data DIR") && e.getMessage().contains("-Xmx"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertDoesNotThrow(() -> KgDataset.checkFitsInMemory(10L << 20, 8 * gb), "10 MB of RDF fits 8 GB");
    }
}
