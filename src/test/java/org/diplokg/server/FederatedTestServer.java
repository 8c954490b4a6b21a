package org.diplokg.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
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
            ResultSet rs = qe.execSelect();
            List<String> out = new ArrayList<>();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                out.add(rs.getResultVars().stream().map(v -> text(s.get(v))).collect(Collectors.joining(" | ")));
            }
            return out;
        }
    }

    static String read(Path p) {
        try { return Files.readString(p); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    static String text(RDFNode n) {
        if (n == null) return "";
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : n.toString();
    }
}
