package org.diplokg.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.diplokg.QueryRows;
import org.diplokg.TestProject;
import org.diplokg.links.WikidataSlice;
import org.diplokg.store.KgDataset;

/** A server on a free loopback port over the project's data and the Wikidata slice, for the federation tests. */
final class FederatedTestServer {
    private FederatedTestServer() {}

    static FusekiServer start(boolean offline, List<String> allowed) {
        return KgServer.build(KgDataset.queryView(TestProject.dataset()), WikidataSlice.load(TestProject.LAYOUT),
                KgServer.Options.defaults().withPort(0).withOffline(offline).withAllowedServices(allowed)).start();
    }

    static String base(FusekiServer server) {
        return "http://127.0.0.1:" + server.getHttpPort();
    }

    static Path federated(String file) {
        return TestProject.LAYOUT.queriesDir().resolve("federated").resolve(file);
    }

    /** Rows of a SELECT over HTTP, each its values' lexical forms (IRIs in full) joined by " | ". */
    static List<String> rows(String endpoint, String query) {
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(query).build()) {
            return QueryRows.of(qe.execSelect());
        }
    }

    static String read(Path p) {
        try { return Files.readString(p); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
    }

}
