package org.diplokg.links;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.diplokg.UserException;

/**
 * A SPARQL SELECT client that behaves as the Wikidata Query Service asks of bots: a User-Agent naming the
 * project, at most one request per {@code minInterval}, and on 429 or 503 a wait of Retry-After (or an
 * exponential backoff) before trying again. It uses java.net.http rather than Jena's QueryExecutionHTTP because
 * Jena's client does not expose the Retry-After header; Jena still parses the results.
 */
public final class PoliteSparqlClient {

    public static final String USER_AGENT = "DiploKG/0.1 (https://w3id.org/diplokg; links verifier)";

    public record Settings(Duration timeout, int maxAttempts, Duration minInterval, Duration firstBackoff, Duration maxWait) {
        /** For the public Wikidata Query Service: one request a second, five attempts, 60 s per request. */
        public static Settings polite() {
            return new Settings(Duration.ofSeconds(60), 5, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(120));
        }
        public Settings withTimeout(Duration t) { return new Settings(t, maxAttempts, minInterval, firstBackoff, maxWait); }
        public Settings withMinInterval(Duration d) { return new Settings(timeout, maxAttempts, d, firstBackoff, maxWait); }
        public Settings withBackoff(Duration first, int attempts) { return new Settings(timeout, attempts, minInterval, first, maxWait); }
    }

    private final String endpoint;
    private final Settings settings;
    private final HttpClient http;
    private long lastRequestNanos;
    private int requests;

    public PoliteSparqlClient(String endpoint, Settings settings) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public String endpoint() { return endpoint; }

    /** HTTP requests made so far, retries included. */
    public int requests() { return requests; }

    /** Runs a SELECT query; every row as a solution. One-line {@link UserException} when it cannot. */
    public List<QuerySolution> select(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(settings.timeout())
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/sparql-results+json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response = send(request, attempt);
            if (response != null) {
                int code = response.statusCode();
                if (code == 200)
                    return parse(response.body());
                if (code != 429 && code != 503)
                    throw new UserException(endpoint + " answered HTTP " + code + firstLine(response.body()));
                if (attempt >= settings.maxAttempts())
                    throw new UserException(endpoint + " still answered HTTP " + code + " after " + attempt + " attempts; try again later");
                sleep(retryAfter(response).orElse(backoff(attempt)));
            } else {
                sleep(backoff(attempt));
            }
        }
    }

    /** The response, or null after a timeout that may be retried. */
    private HttpResponse<byte[]> send(HttpRequest request, int attempt) {
        pace();
        requests++;
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            if (attempt >= settings.maxAttempts())
                throw new UserException(endpoint + " did not answer within " + settings.timeout().toSeconds() + " s (" + attempt + " attempts)");
            return null;
        } catch (ConnectException e) {
            throw new UserException("cannot connect to " + endpoint + ": " + (e.getMessage() == null ? "connection refused" : e.getMessage()));
        } catch (IOException e) {
            throw new UserException("request to " + endpoint + " failed: " + UserException.oneLine(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted while querying " + endpoint);
        }
    }

    private List<QuerySolution> parse(byte[] body) {
        try {
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
            List<QuerySolution> rows = new ArrayList<>();
            rs.forEachRemaining(rows::add);
            return rows;
        } catch (RuntimeException e) {
            throw new UserException(endpoint + " sent a malformed SPARQL JSON result: " + UserException.oneLine(e.getMessage()));
        }
    }

    /** Keeps requests at least {@code minInterval} apart. */
    private void pace() {
        long wait = settings.minInterval().toNanos() - (System.nanoTime() - lastRequestNanos);
        if (lastRequestNanos != 0 && wait > 0)
            sleep(Duration.ofNanos(wait));
        lastRequestNanos = System.nanoTime();
    }

    private Duration backoff(int attempt) {
        Duration d = settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        return d.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : d;
    }

    /** Retry-After in seconds (the form WDQS sends), capped at {@code maxWait}. */
    private java.util.Optional<Duration> retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                Duration d = Duration.ofSeconds(Long.parseLong(v.trim()));
                return java.util.Optional.of(d.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : d);
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private static String firstLine(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8).strip();
        if (s.isEmpty()) return "";
        String line = s.lines().findFirst().orElse("");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted while waiting to retry");
        }
    }
}
