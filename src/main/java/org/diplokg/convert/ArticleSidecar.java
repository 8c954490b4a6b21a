package org.diplokg.convert;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.atlas.json.JsonValue;
import org.diplokg.UserException;
import org.diplokg.convert.model.ArticleMetadata;

/**
 * Reads an article's {@code <stem>.json} metadata sidecar (fields documented in README.md, "Articles").
 * Each problem is a {@link UserException} whose message is the cause only (the loader prefixes the file name).
 */
final class ArticleSidecar {

    /** A sidecar is a handful of short fields; anything this big is the wrong file. */
    private static final long MAX_BYTES = 100_000;

    private static final Set<String> FIELDS = Set.of("title", "publisher", "url", "language", "published",
            "publishedEarliest", "publishedLatest", "dateNote", "note");

    private ArticleSidecar() {}

    static ArticleMetadata read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) throw new UserException("is " + size + " bytes; a metadata sidecar is at most " + MAX_BYTES);
        String json = ArticleText.decodeUtf8(Files.readAllBytes(file));
        if (json.isBlank()) throw new UserException("is empty; it must be a JSON object with title, language and a date");
        JsonObject o = parse(json);

        List<String> unknown = o.keys().stream().filter(k -> !FIELDS.contains(k)).sorted().toList();
        if (!unknown.isEmpty())
            throw new UserException("unknown field \"" + unknown.get(0) + "\" (the fields are "
                    + FIELDS.stream().sorted().toList() + ")");

        String title = required(o, "title");
        String language = required(o, "language");
        // The converter's NLP models and rules are English; anything else would yield a graph of noise.
        if (!language.equals("en") && !language.toLowerCase(Locale.ROOT).startsWith("en-"))
            throw new UserException("language \"" + language + "\": only English (\"en\") articles can be converted");
        String publisher = optional(o, "publisher");
        String url = optional(o, "url");
        if (url != null) checkUrl(url);

        LocalDate published = date(o, "published");
        LocalDate earliest = date(o, "publishedEarliest");
        LocalDate latest = date(o, "publishedLatest");
        if (published != null && (earliest != null || latest != null))
            throw new UserException("give either \"published\" (an exact date) or \"publishedEarliest\" and "
                    + "\"publishedLatest\" (a range), not both");
        if (published == null) {
            if (earliest == null && latest == null)
                throw new UserException("no publication date: give \"published\" (YYYY-MM-DD) or "
                        + "\"publishedEarliest\" and \"publishedLatest\"");
            if (earliest == null) throw new UserException("\"publishedLatest\" without \"publishedEarliest\"");
            if (latest == null) throw new UserException("\"publishedEarliest\" without \"publishedLatest\"");
            if (earliest.isAfter(latest))
                throw new UserException("publishedEarliest " + earliest + " is after publishedLatest " + latest);
        } else {
            earliest = published;
            latest = published;
        }
        optional(o, "note"); // for people only, but must still be a string
        return new ArticleMetadata(title, publisher, url, language, published, earliest, latest,
                optional(o, "dateNote"));
    }

    private static JsonObject parse(String json) {
        JsonValue v;
        try {
            v = JSON.parseAny(json);
        } catch (JsonParseException e) {
            throw new UserException("invalid JSON at line " + e.getLine() + ", column " + e.getColumn() + ": "
                    + UserException.oneLine(stripPosition(e.getMessage())));
        } catch (JsonException e) {
            throw new UserException("invalid JSON: " + UserException.oneLine(e.getMessage()));
        }
        if (!v.isObject()) throw new UserException("must be a JSON object, not " + JSON.toStringFlat(v));
        return v.getAsObject();
    }

    /** Jena appends "[line: L, col: C]"; we report the position ourselves. */
    private static String stripPosition(String message) {
        return message == null ? "syntax error" : message.replaceAll("\\s*\\[line: \\d+, col: \\d+]\\s*", " ").trim();
    }

    private static String required(JsonObject o, String field) {
        String s = optional(o, field);
        if (s == null || s.isBlank()) throw new UserException("missing required field \"" + field + "\"");
        return s;
    }

    private static String optional(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isString())
            throw new UserException("field \"" + field + "\" must be a string or null, not " + JSON.toStringFlat(v));
        return v.getAsString().value();
    }

    private static LocalDate date(JsonObject o, String field) {
        String s = optional(o, field);
        if (s == null) return null;
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new UserException("field \"" + field + "\": \"" + s + "\" is not a date (YYYY-MM-DD)");
        }
    }

    private static void checkUrl(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || u.getHost() == null)
                throw new UserException("field \"url\": \"" + url + "\" is not an absolute http(s) URL");
        } catch (URISyntaxException e) {
            throw new UserException("field \"url\": \"" + url + "\" is not a URL (" + e.getReason() + ")");
        }
    }
}
