package org.diplokg.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.atlas.json.JsonValue;
import org.diplokg.UserException;

/**
 * Reads a gold directory ({@code entities.json} plus one {@code <stem>.json} per article) and checks it, so that
 * a typo in an annotation is reported as one line naming the file and the field rather than scored as an error
 * of the converter.
 */
public final class GoldLoader {
    private GoldLoader() {}

    public static final String ENTITIES_FILE = "entities.json";
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** @throws UserException for a missing directory or file, invalid JSON, or an annotation that breaks FORMAT.md */
    public static GoldSet load(Path dir) {
        if (!Files.isDirectory(dir)) throw new UserException(dir + ": no such gold directory");
        Path entitiesFile = dir.resolve(ENTITIES_FILE);
        if (!Files.isRegularFile(entitiesFile))
            throw new UserException(entitiesFile + ": missing (a gold set needs its reference entities)");
        Map<String, GoldSet.Entity> entities = entities(entitiesFile, parse(entitiesFile));

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals(ENTITIES_FILE)).sorted().toList();
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) throw new UserException(dir + ": no annotated article (<stem>.json) beside " + ENTITIES_FILE);
        List<GoldSet.Article> articles = new ArrayList<>();
        for (Path f : files) articles.add(new ArticleReader(f, entities).read(parse(f)));
        for (int i = 0; i < articles.size(); i++) checkConcepts(files.get(i), articles.get(i), entities);
        return new GoldSet(entities, List.copyOf(articles));
    }

    private static JsonObject parse(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonValue v = JSON.parseAny(text);
            if (!v.isObject()) throw new UserException(file + ": not a JSON object");
            return v.getAsObject();
        } catch (JsonParseException e) {
            throw new UserException(file + ": invalid JSON at line " + e.getLine() + ", column " + e.getColumn() + ": "
                    + UserException.oneLine(e.getMessage()).replaceAll("\\s*\\[line: \\d+, col: \\d+\\]$", ""), e);
        } catch (JsonException e) {
            throw new UserException(file + ": invalid JSON: " + UserException.oneLine(e.getMessage()), e);
        } catch (NullPointerException e) {
            // Jena's JSON tokenizer fails this way on a file that ends inside a value (Jena 5.6).
            throw new UserException(file + ": invalid JSON: it ends before the value is complete", e);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + UserException.oneLine(e.getMessage()) + ")", e);
        }
    }

    private static Map<String, GoldSet.Entity> entities(Path file, JsonObject root) {
        JsonArray list = array(file, root, "entities", true);
        Map<String, GoldSet.Entity> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "entities[" + i + "]";
            JsonObject o = object(file, list.get(i), where);
            String id = string(file, o, "id", where, true);
            String type = string(file, o, "type", where, true);
            if (!GoldSet.ENTITY_TYPES.contains(type))
                throw new UserException(file + ": " + where + ".type \"" + type + "\": not one of " + GoldSet.ENTITY_TYPES);
            List<String> names = strings(file, o, "names", where);
            if (names.isEmpty()) throw new UserException(file + ": " + where + " (" + id + "): no names");
            String qid = string(file, o, "wikidata", where, false);
            if (qid != null && !qid.matches("Q[1-9][0-9]*"))
                throw new UserException(file + ": " + where + ".wikidata \"" + qid + "\": not a Wikidata Q-id");
            if (out.put(id, new GoldSet.Entity(id, type, names, qid)) != null)
                throw new UserException(file + ": " + where + ": entity id \"" + id + "\" given twice");
        }
        return out;
    }

    /** Concept values may name events of the same article, so they are checked once the article is read. */
    private static void checkConcepts(Path file, GoldSet.Article a, Map<String, GoldSet.Entity> entities) {
        Set<String> events = new HashSet<>();
        a.events().forEach(e -> events.add(e.id()));
        for (GoldSet.ConceptRelation c : a.concepts())
            if (!DATE.matcher(c.value()).matches() && !entities.containsKey(c.value()) && !events.contains(c.value()))
                throw new UserException(file + ": concepts (" + c.concept() + ")." + c.relation() + " \"" + c.value()
                        + "\": neither a date, a gold entity nor an event of this article");
    }

    /** Reads one article file, naming the file and the field in each problem. */
    private record ArticleReader(Path file, Map<String, GoldSet.Entity> entities) {

        GoldSet.Article read(JsonObject root) {
            String name = file.getFileName().toString();
            String stem = name.substring(0, name.length() - ".json".length());
            String declared = string(file, root, "article", "", false);
            if (declared != null && !declared.equals(stem))
                throw new UserException(file + ": \"article\" is \"" + declared + "\" but the file is named for " + stem);
            JsonObject ents = root.hasKey("entities") ? object(file, root.get("entities"), "entities") : new JsonObject();
            List<String> required = ids(ents, "required", "entities");
            List<String> optional = ids(ents, "optional", "entities");

            List<GoldSet.Post> posts = new ArrayList<>();
            each(root, "posts", (o, w) -> {
                Boolean current = o.hasKey("current") && !o.get("current").isNull() ? bool(o, "current", w) : null;
                posts.add(new GoldSet.Post(entity(o, "holder", w, true), string(file, o, "role", w, true),
                        entity(o, "of", w, false), current, optional(o, w)));
            });
            List<GoldSet.Event> events = new ArrayList<>();
            Set<String> eventIds = new HashSet<>();
            each(root, "events", (o, w) -> {
                String id = string(file, o, "id", w, true);
                if (!eventIds.add(id)) throw new UserException(file + ": " + w + ": event id \"" + id + "\" given twice");
                String type = string(file, o, "type", w, true);
                if (!GoldSet.EVENT_TYPES.contains(type))
                    throw new UserException(file + ": " + w + ".type \"" + type + "\": not one of " + GoldSet.EVENT_TYPES);
                String status = string(file, o, "status", w, false);
                if (status != null && !GoldSet.STATUSES.contains(status))
                    throw new UserException(file + ": " + w + ".status \"" + status + "\": not one of " + GoldSet.STATUSES);
                String date = string(file, o, "date", w, false);
                if (date != null && !validDate(date))
                    throw new UserException(file + ": " + w + ".date \"" + date + "\": not YYYY, YYYY-MM, YYYY-MM-DD or START/END");
                List<String> participants = new ArrayList<>();
                for (String p : strings(file, o, "participants", w)) participants.add(known(p, w + ".participants"));
                events.add(new GoldSet.Event(id, type, participants, entity(o, "place", w, false), date, status, optional(o, w)));
            });
            List<GoldSet.Quote> quotes = new ArrayList<>();
            each(root, "quotes", (o, w) -> quotes.add(new GoldSet.Quote(entity(o, "speaker", w, false),
                    string(file, o, "starts", w, true), optional(o, w))));
            List<GoldSet.Stance> stances = new ArrayList<>();
            each(root, "stances", (o, w) -> {
                String stance = string(file, o, "stance", w, true);
                if (!GoldSet.STANCES.contains(stance))
                    throw new UserException(file + ": " + w + ".stance \"" + stance + "\": not one of " + GoldSet.STANCES);
                List<String> issue = strings(file, o, "issue", w);
                if (issue.isEmpty()) throw new UserException(file + ": " + w + ".issue: no keyword");
                stances.add(new GoldSet.Stance(entity(o, "holder", w, true), issue, stance, optional(o, w)));
            });
            List<GoldSet.DocumentItem> documents = new ArrayList<>();
            each(root, "documents", (o, w) -> {
                String date = string(file, o, "date", w, false);
                if (date != null && !DATE.matcher(date).matches())
                    throw new UserException(file + ": " + w + ".date \"" + date + "\": not YYYY, YYYY-MM or YYYY-MM-DD");
                documents.add(new GoldSet.DocumentItem(entity(o, "id", w, true), date, optional(o, w)));
            });
            List<GoldSet.ConceptRelation> concepts = new ArrayList<>();
            each(root, "concepts", (o, w) -> {
                String id = entity(o, "id", w, true);
                for (String rel : GoldSet.CONCEPT_RELATIONS) {
                    String v = o.hasKey(rel) && o.get(rel).isNumber() ? o.get(rel).getAsNumber().value().toString()
                            : string(file, o, rel, w, false);
                    if (v != null) concepts.add(new GoldSet.ConceptRelation(id, rel, v, optional(o, w)));
                }
            });
            return new GoldSet.Article(stem, required, optional, posts, events, quotes, stances, documents, concepts);
        }

        interface ItemReader { void read(JsonObject item, String where); }

        void each(JsonObject root, String key, ItemReader reader) {
            JsonArray list = array(file, root, key, false);
            if (list == null) return;
            for (int i = 0; i < list.size(); i++) {
                String where = key + "[" + i + "]";
                reader.read(object(file, list.get(i), where), where);
            }
        }

        List<String> ids(JsonObject o, String key, String where) {
            List<String> out = new ArrayList<>();
            for (String id : strings(file, o, key, where)) out.add(known(id, where + "." + key));
            return out;
        }

        String entity(JsonObject o, String key, String where, boolean required) {
            String id = string(file, o, key, where, required);
            return id == null ? null : known(id, where + "." + key);
        }

        String known(String id, String where) {
            if (!entities.containsKey(id))
                throw new UserException(file + ": " + where + ": \"" + id + "\" is not an entity of " + ENTITIES_FILE);
            return id;
        }

        boolean optional(JsonObject o, String where) {
            return o.hasKey("optional") && bool(o, "optional", where);
        }

        boolean bool(JsonObject o, String key, String where) {
            JsonValue v = o.get(key);
            if (!v.isBoolean()) throw new UserException(file + ": " + where + "." + key + ": must be true or false");
            return v.getAsBoolean().value();
        }
    }

    private static boolean validDate(String d) {
        String[] parts = d.split("/", -1);
        if (parts.length > 2) return false;
        for (String p : parts) if (!DATE.matcher(p).matches()) return false;
        return parts.length == 1 || parts[0].compareTo(parts[1]) <= 0;
    }

    private static JsonObject object(Path file, JsonValue v, String where) {
        if (v == null || !v.isObject()) throw new UserException(file + ": " + where + ": must be a JSON object");
        return v.getAsObject();
    }

    private static JsonArray array(Path file, JsonObject o, String key, boolean required) {
        JsonValue v = o.get(key);
        if (v == null || v.isNull()) {
            if (required) throw new UserException(file + ": missing \"" + key + "\"");
            return null;
        }
        if (!v.isArray()) throw new UserException(file + ": \"" + key + "\": must be a JSON array");
        return v.getAsArray();
    }

    private static String string(Path file, JsonObject o, String key, String where, boolean required) {
        JsonValue v = o.get(key);
        String at = where.isEmpty() ? key : where + "." + key;
        if (v == null || v.isNull()) {
            if (required) throw new UserException(file + ": " + at + ": missing");
            return null;
        }
        if (!v.isString()) throw new UserException(file + ": " + at + ": must be a string");
        return v.getAsString().value();
    }

    private static List<String> strings(Path file, JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw new UserException(file + ": " + where + "." + key + ": must be a JSON array of strings");
        List<String> out = new ArrayList<>();
        for (JsonValue x : v.getAsArray()) {
            if (!x.isString()) throw new UserException(file + ": " + where + "." + key + ": must be a JSON array of strings");
            out.add(x.getAsString().value());
        }
        return out;
    }
}
