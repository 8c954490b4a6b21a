package org.diplokg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.diplokg.TestProject;
import org.diplokg.server.KgServer;
import org.diplokg.store.KgDataset;
import org.diplokg.vocab.DKG;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The linked-data front door over HTTP: dereferencing with content negotiation, entity pages, the Service
 * Description, VoID and DCAT. Resources are picked from the data by SPARQL, not named, so the tests follow the KG
 * as the converter changes it.
 */
class FrontDoorTest {
    static FusekiServer server;
    static String base;
    static Sparql kg;
    static final HttpClient http = HttpClient.newHttpClient();
    static final SimpleValueFactory VF = SimpleValueFactory.getInstance();
    static final String VOID = "http://rdfs.org/ns/void#", SD = "http://www.w3.org/ns/sparql-service-description#";

    @BeforeAll
    static void start() {
        DatasetGraph view = KgDataset.queryView(TestProject.dataset());
        kg = new Sparql(view);
        server = KgServer.build(view, KgServer.Options.defaults().withPort(0)).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static HttpResponse<String> get(String url, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The first value of {@code var} in the query's results (the query orders them). */
    static Node first(String query, String var) {
        List<Binding> rows = kg.select(query);
        assertFalse(rows.isEmpty(), "fixture: nothing matches " + query);
        return rows.get(0).get(var);
    }

    /** A person linked to Wikidata and mentioned in an article: the richest kind of page. */
    static Node linkedPerson() {
        return first("SELECT ?x WHERE { ?x a dkg:Person ; owl:sameAs ?wd ; dkg:wikidataLabel ?l ; dkg:evidence ?e "
                + "FILTER STRSTARTS(STR(?x), \"" + DKG.RESOURCE + "\") } GROUP BY ?x ORDER BY DESC(COUNT(?e)) ?x LIMIT 1", "x");
    }

    static String path(Node x) {
        return x.getURI().substring(DKG.RESOURCE.length());
    }

    static Set<String> jenaTriples(String body, Lang lang, String baseIri) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).base(baseIri).parse(g);
        return g.find().mapWith(t -> t.getSubject() + " " + t.getPredicate()).toSet();
    }

    static Model rio(String body, RDFFormat format, String baseIri) throws Exception {
        return Rio.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), baseIri, format);
    }

    @Test
    void resourceIrisRedirectByAccept() throws Exception {
        String p = path(linkedPerson());
        HttpResponse<String> html = get(base + "/resource/" + p, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(303, html.statusCode());
        assertEquals("/page/" + p, html.headers().firstValue("Location").orElse(""));
        assertTrue(html.headers().firstValue("Vary").orElse("").contains("Accept"));

        HttpResponse<String> turtle = get(base + "/resource/" + p, "text/turtle");
        assertEquals(303, turtle.statusCode());
        assertEquals("/data/" + p + ".ttl", turtle.headers().firstValue("Location").orElse(""));
        assertEquals("/data/" + p + ".ttl", get(base + "/resource/" + p, "*/*").headers().firstValue("Location").orElse(""),
                "curl's */* gets Turtle");
        assertEquals("/data/" + p + ".jsonld", get(base + "/resource/" + p, "application/ld+json").headers().firstValue("Location").orElse(""));

        assertEquals(406, get(base + "/resource/" + p, "image/png").statusCode());
        for (String prefix : List.of("/resource/", "/page/", "/data/"))
            assertEquals(404, get(base + prefix + "person/no-such-person-" + System.nanoTime(), "text/turtle").statusCode(), prefix);
        assertEquals(404, get(base + "/data/" + p + ".png", null).statusCode(), "unknown extension");
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("ttl", "text/turtle", Lang.TURTLE, RDFFormat.TURTLE),
                Arguments.of("nt", "application/n-triples", Lang.NTRIPLES, RDFFormat.NTRIPLES),
                Arguments.of("jsonld", "application/ld+json", Lang.JSONLD, RDFFormat.JSONLD),
                Arguments.of("rdf", "application/rdf+xml", Lang.RDFXML, RDFFormat.RDFXML));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void dataInEveryFormatParsesWithJenaAndRio(String ext, String mediaType, Lang lang, RDFFormat rio) throws Exception {
        Node x = linkedPerson();
        for (String url : List.of(base + "/data/" + path(x) + "." + ext, base + "/data/" + path(x))) {
            HttpResponse<String> r = get(url, mediaType);
            assertEquals(200, r.statusCode(), url);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(mediaType), url);
            Set<String> jena = jenaTriples(r.body(), lang, url);
            assertTrue(jena.contains(x + " " + RDFS_LABEL), "Jena: the description has the resource's label");
            Model m = rio(r.body(), rio, url);
            IRI subject = VF.createIRI(x.getURI());
            assertFalse(m.filter(subject, VF.createIRI(DKG.NS + "wikidataLabel"), null).isEmpty(), "Rio: the checked Wikidata label");
            assertTrue(m.size() > 5);
        }
    }

    static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";

    @Test
    void entityPageShowsLabelsWikidataFactsAndEvidence() throws Exception {
        Node x = linkedPerson();
        HttpResponse<String> r = get(base + "/page/" + path(x), "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String page = r.body();
        for (Binding b : kg.select(Sparql.bind("SELECT ?l WHERE { $x rdfs:label ?l }", x)))
            assertTrue(page.contains(Html.esc(b.get("l").getLiteralLexicalForm())), "every label, in every language: " + b.get("l"));
        Binding wd = kg.select(Sparql.bind("SELECT ?wd ?l WHERE { $x owl:sameAs ?wd ; dkg:wikidataLabel ?l }", x)).get(0);
        assertTrue(page.contains("https://www.wikidata.org/wiki/" + wd.get("wd").getURI().substring(DKG.WD.length())));
        assertTrue(page.contains(Html.esc(wd.get("l").getLiteralLexicalForm())), "the checked Wikidata label");
        Binding ev = kg.select(Sparql.bind("SELECT ?t ?b ?title WHERE { $x dkg:evidence ?e . ?e dkg:exactText ?t ; dkg:beginIndex ?b ; "
                + "dkg:article ?a . ?a schema:headline ?title } ORDER BY ?e LIMIT 1", x)).get(0);
        assertTrue(page.contains("<q>" + Html.esc(ev.get("t").getLiteralLexicalForm()) + "</q>"), "evidence text");
        assertTrue(page.contains(Html.esc(ev.get("title").getLiteralLexicalForm())), "the article's title");
        assertTrue(page.contains("Cite this: "));
        assertTrue(page.contains("[" + ev.get("b").getLiteralLexicalForm() + "–"), "code-point offsets");
        for (Binding b : kg.select(Sparql.bind("SELECT ?h WHERE { ?h dkg:holder $x ; a dkg:PostHolding }", x)))
            assertTrue(page.contains("href=\"" + Html.href(b.get("h").getURI()) + "\""), "posts held link their holding: " + b.get("h"));
        assertTrue(page.contains("<h2>Posts ("), "posts are their own section");
    }

    @Test
    void eventPageListsEveryReport() throws Exception {
        Node event = first("SELECT ?x WHERE { ?x a dkg:DiplomaticEvent ; dkg:evidence/dkg:article ?a } "
                + "GROUP BY ?x HAVING (COUNT(DISTINCT ?a) > 1) ORDER BY DESC(COUNT(DISTINCT ?a)) ?x LIMIT 1", "x");
        String page = get(base + "/page/" + path(event), "text/html").body();
        List<Binding> reports = kg.select(Sparql.bind("SELECT DISTINCT ?a ?title WHERE { $x dkg:evidence/dkg:article ?a . "
                + "?a schema:headline ?title }", event));
        assertTrue(page.contains("Reports of this event: "));
        for (Binding b : reports)
            assertTrue(page.contains(Html.esc(b.get("title").getLiteralLexicalForm())), "report " + b.get("a"));
        assertTrue(page.contains(reports.size() + " articles"));
        for (Binding b : kg.select(Sparql.bind("SELECT ?p WHERE { $x dkg:participant ?p FILTER isIRI(?p) }", event)))
            assertTrue(page.contains("href=\"" + Html.href(b.get("p").getURI()) + "\""), "participant linked: " + b.get("p"));
    }

    @Test
    void pagesEscapeWhatTheDataSays() {
        DatasetGraph scratch = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        Node x = NodeFactory.createURI(DKG.RESOURCE + "person/test");
        Node g = NodeFactory.createURI(DKG.GRAPH_REFERENCE);
        org.apache.jena.system.Txn.executeWrite(scratch, () -> {
            scratch.add(g, x, NodeFactory.createURI(RDFS_LABEL), NodeFactory.createLiteralLang("<script>alert(1)</script>", "en"));
            scratch.add(g, x, NodeFactory.createURI(DKG.NS + "note"), NodeFactory.createLiteralString("a \"quoted\" & <b>bold</b> note"));
            scratch.add(g, x, NodeFactory.createURI(DKG.NS + "seeAlso"), NodeFactory.createURI("javascript:alert(2)"));
        });
        String page = new EntityPage(new Sparql(KgDataset.queryView(scratch))).render(x, "/data/person/test");
        assertFalse(page.contains("<script>alert"));
        assertFalse(page.contains("<b>bold"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("a &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt; note"));
        assertFalse(page.contains("href=\"javascript:"), "an IRI that is not http(s) is not a link");
    }

    /** Provenance the converter may add to evidence later (a sentence, a rule) shows up without a change to the page. */
    @Test
    void evidenceShowsWhateverElseItRecords() {
        DatasetGraph scratch = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        Node x = NodeFactory.createURI(DKG.RESOURCE + "person/test"), ev = NodeFactory.createURI(DKG.RESOURCE + "evidence/a/0-4");
        Node art = NodeFactory.createURI(DKG.ARTICLE_NS + "a"), g = art;
        org.apache.jena.system.Txn.executeWrite(scratch, () -> {
            scratch.add(g, x, NodeFactory.createURI(DKG.NS + "evidence"), ev);
            scratch.add(g, ev, NodeFactory.createURI(DKG.NS + "article"), art);
            scratch.add(g, ev, NodeFactory.createURI(DKG.NS + "exactText"), NodeFactory.createLiteralString("Test"));
            scratch.add(g, ev, NodeFactory.createURI(DKG.NS + "sentenceText"), NodeFactory.createLiteralString("Test said <so>."));
            scratch.add(g, art, NodeFactory.createURI(DKG.SCHEMA + "headline"), NodeFactory.createLiteralString("A headline"));
        });
        String page = new EntityPage(new Sparql(KgDataset.queryView(scratch))).render(x, "/data/person/test");
        assertTrue(page.contains("<q>Test</q>"));
        assertTrue(page.contains("dkg:sentenceText: </span>Test said &lt;so&gt;."), page);
        assertTrue(page.contains("In: A headline."), "the citation names the article");
    }

    @Test
    void serviceDescriptionAtTheEndpoint() throws Exception {
        long named = kg.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").size();
        for (String ep : List.of("/kg/sparql", "/kg/query", "/kg")) {
            HttpResponse<String> r = get(base + ep, "text/turtle");
            assertEquals(200, r.statusCode(), ep);
            String url = base + ep;
            Model m = rio(r.body(), RDFFormat.TURTLE, url);
            var service = m.filter(null, VF.createIRI(SD + "endpoint"), VF.createIRI(url)).subjects();
            assertEquals(1, service.size(), "sd:endpoint is the URL asked: " + ep);
            Value s = service.iterator().next();
            assertTrue(m.contains((org.eclipse.rdf4j.model.Resource) s, VF.createIRI(SD + "supportedLanguage"), VF.createIRI(SD + "SPARQL11Query")));
            assertFalse(m.contains(null, VF.createIRI(SD + "supportedLanguage"), VF.createIRI(SD + "SPARQL11Update")), "read-only");
            assertTrue(m.contains(null, VF.createIRI(SD + "feature"), VF.createIRI(SD + "UnionDefaultGraph")));
            assertEquals(named, m.filter(null, VF.createIRI(SD + "name"), null).size(), "every named graph");
            assertFalse(jenaTriples(r.body(), Lang.TURTLE, url).isEmpty());
        }
        HttpResponse<String> xml = get(base + "/kg/sparql", "application/rdf+xml");
        assertFalse(rio(xml.body(), RDFFormat.RDFXML, base).isEmpty());
        assertEquals(303, get(base + "/kg/sparql", "text/html").statusCode(), "a browser goes to the query UI");
        assertTrue(get(base + "/kg?default", "text/turtle").body().contains(DKG.NS), "the Graph Store Protocol is untouched");
        String ask = "ASK { ?s ?p ?o }";
        assertTrue(get(base + "/kg/sparql?query=" + java.net.URLEncoder.encode(ask, StandardCharsets.UTF_8),
                "application/sparql-results+json").body().contains("true"), "queries are untouched");
    }

    @Test
    void voidAndDcatDescribeTheData() throws Exception {
        for (String where : List.of("/.well-known/void", "/dataset")) {
            HttpResponse<String> r = get(base + where, "text/turtle");
            assertEquals(200, r.statusCode(), where);
            Model m = rio(r.body(), RDFFormat.TURTLE, base + where);
            assertFalse(jenaTriples(r.body(), Lang.TURTLE, base + where).isEmpty());
            IRI ds = VF.createIRI("https://w3id.org/diplokg/dataset");
            assertTrue(m.contains(ds, VF.createIRI(VOID + "sparqlEndpoint"), VF.createIRI(base + "/kg/sparql")));
            assertTrue(m.contains(ds, VF.createIRI("http://purl.org/dc/terms/license"), VF.createIRI("https://creativecommons.org/licenses/by/4.0/")));
            assertTrue(m.contains(ds, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, VF.createIRI("http://www.w3.org/ns/dcat#Dataset")));
            long triples = Long.parseLong(kg.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").get(0).get("n").getLiteralLexicalForm());
            assertEquals(Set.of(String.valueOf(triples)), objects(m, ds, VOID + "triples"));
            long links = Long.parseLong(kg.select("SELECT (COUNT(*) AS ?n) WHERE { ?s owl:sameAs ?o FILTER STRSTARTS(STR(?o), \"" + DKG.WD + "\") }")
                    .get(0).get("n").getLiteralLexicalForm());
            assertTrue(links > 0, "fixture: some Wikidata links");
            assertEquals(Set.of(String.valueOf(links)), objects(m, VF.createIRI("https://w3id.org/diplokg/dataset#wikidata-links"), VOID + "triples"));
            long persons = kg.select("SELECT DISTINCT ?x WHERE { ?x a dkg:Person }").size();
            var personPartition = m.filter(null, VF.createIRI(VOID + "class"), VF.createIRI(DKG.NS + "Person")).subjects();
            assertEquals(1, personPartition.size());
            assertEquals(Set.of(String.valueOf(persons)), objects(m, (org.eclipse.rdf4j.model.Resource) personPartition.iterator().next(), VOID + "entities"));
            assertFalse(m.filter(null, VF.createIRI(VOID + "propertyPartition"), null).isEmpty());
            Set<String> examples = objects(m, ds, VOID + "exampleResource");
            assertFalse(examples.isEmpty());
            for (String ex : examples)
                assertEquals(303, get(base + "/resource/" + ex.substring(DKG.RESOURCE.length()), "text/turtle").statusCode(), "example " + ex);
        }
        HttpResponse<String> html = get(base + "/.well-known/void", "text/html");
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("void:sparqlEndpoint"), "a browser sees the description");
        Graph update = new Descriptions(kg, true).service("http://example.org/kg/sparql");
        assertTrue(update.contains(NodeFactory.createURI("http://example.org/kg/sparql#service"),
                NodeFactory.createURI(SD + "supportedLanguage"), NodeFactory.createURI(SD + "SPARQL11Update")), "update when mounted");
        HttpResponse<String> jsonld = get(base + "/.well-known/void", "application/ld+json");
        assertFalse(rio(jsonld.body(), RDFFormat.JSONLD, base).isEmpty());
    }

    @Test
    void ontologyIriAndVersionIriAreServed() throws Exception {
        HttpResponse<String> html = get(base + "/ontology", "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("id=\"Person\""), "a term's anchor: dkg:Person opens at its entry");
        for (var f : formats().toList()) {
            Object[] a = f.get();
            HttpResponse<String> r = get(base + "/ontology", (String) a[1]);
            assertEquals(200, r.statusCode(), (String) a[1]);
            Model m = rio(r.body(), (RDFFormat) a[3], DKG.ONTOLOGY);
            assertTrue(m.contains(VF.createIRI(DKG.ONTOLOGY), org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, org.eclipse.rdf4j.model.vocabulary.OWL.ONTOLOGY));
            assertEquals(200, get(base + "/ontology." + a[0], null).statusCode());
        }
        assertTrue(get(base + "/ontology", "*/*").headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertEquals(406, get(base + "/ontology", "image/png").statusCode());
        String version = kg.select("SELECT ?v WHERE { <" + DKG.ONTOLOGY + "> owl:versionIRI ?v }").get(0).get("v").getURI();
        assertEquals(200, get(base + version.substring("https://w3id.org/diplokg".length()), "text/turtle").statusCode(), "version IRI");
        assertEquals(404, get(base + "/ontology/9.9.9", "text/turtle").statusCode());
    }

    @Test
    void queryUiCarriesDiploKGsExamplesAndPrefixes() throws Exception {
        String index = get(base + "/", "text/html").body();
        assertTrue(index.contains("<title>DiploKG"), "DiploKG's name on the UI");
        assertTrue(index.contains("diplokg-ui.js") && index.contains("diplokg-ui.css"));
        var jar = (java.net.JarURLConnection) QueryUi.class.getClassLoader().getResource("webapp/index.html").openConnection();
        String chunk = jar.getJarFile().stream().map(e -> e.getName())
                .filter(n -> n.startsWith("webapp/static/Query-") && n.endsWith(".js")).findFirst().orElseThrow()
                .substring("webapp/static/".length());
        String js = get(base + "/static/" + chunk, null).body();
        assertTrue(js.contains(QueryUi.DIPLOKG_LITERALS), "the UI release still has the literals DiploKG replaces");
        assertFalse(js.contains("Selection of triples"));

        String config = get(base + "/diplokg-ui.js", null).body();
        String json = config.substring(config.indexOf("window.DIPLOKG_UI = ") + "window.DIPLOKG_UI = ".length(), config.indexOf(";\n", config.indexOf("window.DIPLOKG_UI")));
        var ui = org.apache.jena.atlas.json.JSON.parse(json);
        var queries = ui.get("queries").getAsArray();
        long files = 0;
        for (String dir : List.of("queries", "queries/federated"))
            try (var l = java.nio.file.Files.list(TestProject.LAYOUT.root().resolve(dir))) {
                files += l.filter(f -> f.toString().endsWith(".rq")).count();
            }
        assertEquals(files, queries.size(), "every example query");
        for (var q : queries) {
            String text = q.getAsObject().get("value").getAsString().value();
            String question = q.getAsObject().get("text").getAsString().value();
            assertTrue(question.endsWith("?"), "a question: " + question);
            assertTrue(text.contains(question.replace("Federated: ", "").split(" ")[0]));
        }
        Set<String> prefixes = ui.get("prefixes").getAsArray().stream().map(v -> v.getAsObject().get("text").getAsString().value())
                .collect(Collectors.toSet());
        assertTrue(prefixes.containsAll(Set.of("dkg", "dkgr", "wd", "wdt", "rdfs", "owl", "skos", "schema", "p", "ps", "pq", "wikibase")), prefixes.toString());
    }

    @Test
    void questionIsTheHeaderUpToItsQuestionMark() {
        assertEquals("Who met whom, and where?", QueryUi.question("# Question: Who met whom,\n# and where?\n# (A note.)\nSELECT * {}", "f.rq"));
        assertEquals("Who said it?", QueryUi.question("# Question: Who said it? (Unnamed sources too.)\nSELECT * {}", "f.rq"));
        assertEquals("f.rq", QueryUi.question("SELECT * {}", "f.rq"));
    }

    static Set<String> objects(Model m, org.eclipse.rdf4j.model.Resource s, String p) {
        return m.filter(s, VF.createIRI(p), null).objects().stream().map(Value::stringValue).collect(Collectors.toSet());
    }
}
