package org.diplokg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.diplokg.TestProject;
import org.diplokg.store.KgDataset;
import org.diplokg.vocab.DKG;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kg serve --update-user}: what an editor may change, and what nobody else can make the editor change. */
class WriteModeTest {

    @TempDir
    static Path dir;
    static FusekiServer server;
    static String base;
    static Path secret;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void start() throws Exception {
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "editor: s3cret\n");
        secret = dir.resolve("secret.ttl");
        Files.writeString(secret, "<urn:secret> <urn:says> \"TOP-SECRET-CONTENT\" .\n");
        // A copy of the project's data of its own: the shared one must not see these writes.
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(TestProject.dataset(), () -> Txn.executeWrite(copy, () -> TestProject.dataset().find().forEachRemaining(copy::add)));
        server = KgServer.build(KgDataset.queryView(copy),
                KgServer.Options.defaults().withPort(0).withUpdate("editor", passwords)).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static HttpResponse<String> update(String update, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/kg/update")).header("Authorization", AUTH)
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update));
        if (origin != null) b.header("Origin", origin);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean ask(String q) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().contains("true");
    }

    @Test
    void anUpdateToTheDefaultGraphIsRefusedNamingWhatToDo() throws Exception {
        for (String u : new String[] {"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "CLEAR DEFAULT",
                "DELETE WHERE { ?s <urn:b> ?o }", "DROP DEFAULT", "INSERT { ?s <urn:b> 1 } WHERE { ?s a <" + DKG.NS + "Country> }"}) {
            HttpResponse<String> r = update(u, null);
            assertEquals(422, r.statusCode(), u + ": " + r.body());
            assertTrue(r.body().contains("name the graph") && r.body().contains("GRAPH <IRI>"), r.body());
        }
        assertFalse(ask("ASK { <urn:a> ?p ?o }"));
        assertTrue(ask("ASK { ?s a <" + DKG.NS + "Country> }"), "nothing was dropped");
    }

    @Test
    void anUpdateToANamedGraphIsSeenWithItsEntailments() throws Exception {
        HttpResponse<String> r = update("INSERT DATA { GRAPH <urn:edits> { <urn:atlantis> a <" + DKG.NS + "Country> } }", null);
        assertEquals(2, r.statusCode() / 100, r.body());
        assertTrue(ask("ASK { <urn:atlantis> a <" + DKG.NS + "Country> }"), "in the default graph (the union)");
        assertTrue(ask("ASK { <urn:atlantis> a <" + DKG.NS + "Agent> }"), "RDFS consequences recomputed after the update");
        assertEquals(2, update("DELETE DATA { GRAPH <urn:edits> { <urn:atlantis> a <" + DKG.NS + "Country> } }", null).statusCode() / 100);
        assertFalse(ask("ASK { <urn:atlantis> ?p ?o }"), "and withdrawn with it");
    }

    @Test
    void theInferredGraphIsNotWritable() throws Exception {
        HttpResponse<String> r = update("INSERT DATA { GRAPH <" + DKG.GRAPH_INFERRED + "> { <urn:a> <urn:b> <urn:c> } }", null);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("computed"), r.body());
    }

    @Test
    void loadNeverReadsLocalFilesOrUnlistedHosts() throws Exception {
        for (String src : new String[] {secret.toUri().toString(), "http://10.0.0.1/data.ttl", "ftp://example.org/x.ttl"}) {
            HttpResponse<String> r = update("LOAD <" + src + "> INTO GRAPH <urn:loaded>", null);
            assertEquals(422, r.statusCode(), src + ": " + r.body());
            assertFalse(r.body().contains("TOP-SECRET"), r.body());
            assertTrue(r.body().contains(src), r.body());
        }
        assertEquals(422, update("LOAD <" + secret.toUri() + ">", null).statusCode(), "LOAD into the default graph");
        assertFalse(ask("ASK { <urn:secret> ?p ?o }"));
    }

    @Test
    void aCrossOriginUpdateIsRefusedEvenWithTheCredential() throws Exception {
        // What a page on another site can make a browser send: a form POST carrying the editor's stored credential.
        String form = "update=" + URLEncoder.encode("INSERT DATA { GRAPH <urn:csrf> { <urn:x> <urn:y> <urn:z> } }", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/kg/update")).header("Authorization", AUTH)
                .header("Origin", "http://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("http://evil.example"), r.body());
        assertFalse(ask("ASK { GRAPH <urn:csrf> { ?s ?p ?o } }"));
        HttpResponse<String> same = update("INSERT DATA { GRAPH <urn:csrf> { <urn:x> <urn:y> <urn:z> } }", base);
        assertEquals(2, same.statusCode() / 100, "same origin: " + same.body());
        assertTrue(ask("ASK { GRAPH <urn:csrf> { ?s ?p ?o } }"));
    }

    @Test
    void graphStoreWritesMustNameAGraph() throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder().header("Authorization", AUTH).header("Content-Type", "text/turtle");
        HttpResponse<String> toDefault = http.send(put.copy().uri(URI.create(base + "/kg/data?default"))
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:p> <urn:q> <urn:r> .")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(422, toDefault.statusCode(), toDefault.body());
        assertTrue(toDefault.body().contains("?graph=IRI"), toDefault.body());
        HttpResponse<String> named = http.send(put.copy().uri(URI.create(base + "/kg/data?graph=" + URLEncoder.encode("urn:gsp", StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:p> <urn:q> <urn:r> .")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, named.statusCode() / 100, named.body());
        assertTrue(ask("ASK { <urn:p> <urn:q> <urn:r> }"));
        HttpResponse<String> union = http.send(HttpRequest.newBuilder(URI.create(base + "/kg?default")).header("Accept", "application/n-triples").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, union.statusCode());
        assertTrue(union.body().contains("<urn:p> <urn:q> <urn:r>") && union.body().contains("/resource/country/"),
                "GET ?default is the union of the named graphs");
    }
}
