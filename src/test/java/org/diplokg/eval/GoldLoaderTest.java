package org.diplokg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.diplokg.TestProject;
import org.diplokg.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading gold sets: the dev set loads, and a broken annotation is one line naming the file and the field. */
class GoldLoaderTest {

    @Test
    void theDevSetLoads() {
        GoldSet g = GoldLoader.load(TestProject.LAYOUT.root().resolve("data/gold/dev"));
        assertEquals(5, g.articles().size());
        assertEquals("Q17", g.entities().get("japan").wikidata());
        GoldSet.Article a = g.articles().get(0);
        assertEquals("000_a1616eb868bb02d1", a.stem());
        assertEquals(4, a.concepts().size(), "introducedBy, agreedIn, codifiedIn and reaffirmedIn are four items");
        assertEquals(Boolean.FALSE, a.posts().get(0).current());
    }

    @Test
    void aPhoneCallIsAnEventType(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("entities.json"), "{\"entities\": [{\"id\": \"x\", \"type\": \"Person\", \"names\": [\"X\"]}]}");
        Files.writeString(dir.resolve("a.json"), "{\"article\": \"a\", \"events\": [{\"id\": \"c\", \"type\": \"PhoneCall\", "
                + "\"participants\": [\"x\"], \"date\": \"2024-07\", \"status\": \"held\"}]}");
        GoldSet.Event e = GoldLoader.load(dir).articles().get(0).events().get(0);
        assertEquals("PhoneCall", e.type());
        assertEquals("Meeting", Scorer.family(e.type()));
    }

    static String error(Path dir) {
        UserException e = assertThrows(UserException.class, () -> GoldLoader.load(dir));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void problemsNameTheFileAndTheCause(@TempDir Path dir) throws Exception {
        assertTrue(error(dir.resolve("nope")).contains("no such gold directory"));
        assertTrue(error(dir).contains("entities.json: missing"));

        Files.writeString(dir.resolve("entities.json"), "{\"entities\": [{\"id\": \"x\", \"type\": \"Person\", \"names\": [\"X\"]}]}");
        Files.writeString(dir.resolve("a.json"), "{\"article\": \"a\", \"quotes\": [{\"speaker\": \"x\", \"starts\": ");
        String m = error(dir);
        assertTrue(m.contains("a.json") && m.contains("invalid JSON"), m);
        Files.writeString(dir.resolve("a.json"), "{\"article\": \"a\",\n \"quotes\": [}");
        m = error(dir);
        assertTrue(m.contains("a.json: invalid JSON at line 2"), m);

        Files.writeString(dir.resolve("a.json"), "{\"article\": \"a\", \"quotes\": [{\"speaker\": \"y\", \"starts\": \"Hi\"}]}");
        m = error(dir);
        assertTrue(m.contains("a.json") && m.contains("quotes[0].speaker") && m.contains("\"y\""), m);

        Files.writeString(dir.resolve("a.json"), "{\"article\": \"a\", \"events\": [{\"id\": \"e\", \"type\": \"Party\", \"participants\": []}]}");
        m = error(dir);
        assertTrue(m.contains("events[0].type") && m.contains("Party"), m);

        Files.writeString(dir.resolve("a.json"), "{\"article\": \"a\", \"events\": [{\"id\": \"e\", \"type\": \"Visit\", \"date\": \"Nov 2023\"}]}");
        assertTrue(error(dir).contains("events[0].date"));
    }
}
