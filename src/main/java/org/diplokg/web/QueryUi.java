package org.diplokg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.diplokg.vocab.DKG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * DiploKG's face on the stock Fuseki UI (jena-fuseki-ui 5.6.0, a Vue app shipped built in the jar). The app keeps
 * its example queries and prefix buttons as literals in the data() of its query view, so this filter serves
 * <ul>
 *   <li>{@code index.html} with DiploKG's title and {@code diplokg-ui.js}/{@code .css} added before the app;</li>
 *   <li>the query view's chunk with those two literals replaced by {@code window.DIPLOKG_UI.queries} and
 *       {@code .prefixes}, which {@code diplokg-ui.js} defines: the questions of {@code queries/*.rq} and
 *       {@code queries/federated/*.rq} and the prefixes the project uses;</li>
 *   <li>{@code diplokg-ui.css}, which hides the buttons for operations this server never mounts (upload, edit,
 *       remove, backup, new dataset, tasks), and a banner in {@code diplokg-ui.js} that says so.</li>
 * </ul>
 * When a future UI release changes the literal, the chunk is served unchanged (a warning is logged) and
 * {@code QueryUiTest} fails.
 */
final class QueryUi extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(QueryUi.class);

    /** The query view's examples and prefixes exactly as jena-fuseki-ui 5.6.0 builds them. */
    static final String STOCK_LITERALS = "queries:[{value:SELECT_TRIPLES_QUERY,text:\"Selection of triples\"},"
            + "{value:SELECT_CLASSES_QUERY,text:\"Selection of classes\"}],prefixes:[{uri:\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\",text:\"rdf\"},"
            + "{uri:\"http://www.w3.org/2000/01/rdf-schema#\",text:\"rdfs\"},{uri:\"http://www.w3.org/2002/07/owl#\",text:\"owl\"},"
            + "{uri:\"http://www.w3.org/2001/XMLSchema#\",text:\"xsd\"}]";
    static final String DIPLOKG_LITERALS = "queries:window.DIPLOKG_UI.queries,prefixes:window.DIPLOKG_UI.prefixes";

    /** Prefixes offered first, in this order; the rest follow alphabetically. */
    private static final List<String> FIRST = List.of("dkg", "dkgr", "wd", "wdt");

    private final byte[] config;
    private final Map<String, byte[]> patched = new ConcurrentHashMap<>();

    QueryUi(Path queriesDir) {
        this.config = configScript(examples(queriesDir)).getBytes(StandardCharsets.UTF_8);
    }

    /** An example query: the question of its header comment, and the file's text. */
    record Example(String question, String text, boolean federated) {}

    static List<Example> examples(Path queriesDir) {
        List<Example> out = new ArrayList<>();
        for (Path dir : List.of(queriesDir, queriesDir.resolve("federated"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    out.add(new Example(question(text, f.getFileName().toString()), text, dir != queriesDir));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** "# Question: ..." and the comment lines that continue it, up to its last question mark; else the file name. */
    static String question(String text, String fallback) {
        StringBuilder q = null;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("#")) break;
            String c = l.substring(1).strip();
            if (q == null && c.startsWith("Question:")) q = new StringBuilder(c.substring("Question:".length()).strip());
            else if (q != null) q.append(' ').append(c);
            if (q != null && q.indexOf("?") >= 0) return q.substring(0, q.lastIndexOf("?") + 1); // a note may follow it
        }
        return q == null ? fallback : q.toString();
    }

    /** The project's prefixes ({@link DKG#PREFIXES}) and every prefix the example queries declare. */
    static Map<String, String> prefixes(List<Example> examples) {
        Map<String, String> all = new LinkedHashMap<>(DKG.PREFIXES);
        Pattern decl = Pattern.compile("(?im)^\\s*PREFIX\\s+([A-Za-z][\\w.-]*)?:\\s*<([^>]+)>");
        for (Example e : examples) {
            Matcher m = decl.matcher(e.text());
            while (m.find()) if (m.group(1) != null) all.putIfAbsent(m.group(1), m.group(2));
        }
        all.putIfAbsent("wikibase", "http://wikiba.se/ontology#");
        all.putIfAbsent("bd", "http://www.bigdata.com/rdf#");
        Map<String, String> ordered = new LinkedHashMap<>();
        FIRST.forEach(p -> { if (all.containsKey(p)) ordered.put(p, all.get(p)); });
        all.keySet().stream().sorted(Comparator.naturalOrder()).forEach(p -> ordered.putIfAbsent(p, all.get(p)));
        return ordered;
    }

    static String configScript(List<Example> examples) {
        JsonArray queries = new JsonArray();
        for (Example e : examples) {
            JsonObject o = new JsonObject();
            o.put("text", (e.federated() ? "Federated: " : "") + e.question());
            o.put("value", e.text());
            queries.add(o);
        }
        JsonArray prefixes = new JsonArray();
        prefixes(examples).forEach((p, uri) -> {
            JsonObject o = new JsonObject();
            o.put("text", p);
            o.put("uri", uri);
            prefixes.add(o);
        });
        JsonObject ui = new JsonObject();
        ui.put("queries", queries);
        ui.put("prefixes", prefixes);
        return "// DiploKG's examples and prefixes for the Fuseki UI's query view (generated from queries/).\n"
                + "window.DIPLOKG_UI = " + ui.toString() + ";\n" + resource("/web/diplokg-ui.js");
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) { chain.doFilter(req, resp); return; }
        switch (path) {
            case "/", "/index.html" -> send(resp, "text/html;charset=utf-8", patched.computeIfAbsent("index", k -> index()));
            case "/diplokg-ui.js" -> send(resp, "text/javascript;charset=utf-8", config);
            case "/diplokg-ui.css" -> send(resp, "text/css;charset=utf-8", resource("/web/diplokg-ui.css").getBytes(StandardCharsets.UTF_8));
            default -> {
                if (path.startsWith("/static/Query-") && path.endsWith(".js")) {
                    byte[] js = patched.computeIfAbsent(path, QueryUi::queryChunk);
                    if (js != null) { send(resp, "text/javascript;charset=utf-8", js); return; }
                }
                chain.doFilter(req, resp);
            }
        }
    }

    private static void send(HttpServletResponse resp, String type, byte[] body) throws IOException {
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    static byte[] index() {
        String html = ui("webapp/index.html");
        String patchedHtml = html.replace("<title>Apache Jena Fuseki UI</title>", "<title>DiploKG · SPARQL query (Apache Jena Fuseki UI)</title>")
                .replace("<script type=\"module\"", "<link rel=\"stylesheet\" href=\"./diplokg-ui.css\">\n    "
                        + "<script src=\"./diplokg-ui.js\"></script>\n    <script type=\"module\"");
        if (!patchedHtml.contains("diplokg-ui.js")) LOG.warn("Fuseki UI index.html has changed: DiploKG's UI script not added");
        return patchedHtml.getBytes(StandardCharsets.UTF_8);
    }

    /** The query view's chunk with DiploKG's examples and prefixes, or null (served as is) when it is another file. */
    static byte[] queryChunk(String path) {
        String js;
        try {
            js = ui("webapp" + path);
        } catch (IllegalStateException missing) {
            return null;
        }
        if (!js.contains(STOCK_LITERALS)) {
            if (js.contains("SELECT_TRIPLES_QUERY")) LOG.warn("Fuseki UI query view has changed: DiploKG's examples not installed in " + path);
            return null;
        }
        return js.replace(STOCK_LITERALS, DIPLOKG_LITERALS).getBytes(StandardCharsets.UTF_8);
    }

    private static String ui(String name) {
        try (InputStream in = QueryUi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("no " + name + " in the Fuseki UI jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        return org.diplokg.store.KgDataset.resource(name);
    }
}
