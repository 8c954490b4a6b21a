package org.diplokg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.rdf4j.federated.FedXFactory;
import org.eclipse.rdf4j.federated.repository.FedXRepository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second, independent federation engine: RDF4J FedX, federating the server's /kg and /wikidata endpoints,
 * answers the same question as DiploKG's own SERVICE query (queries/federated/birth-dates-and-parties.rq).
 */
class FedXTest {
    static FusekiServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = FederatedTestServer.start(true, List.of());
        base = FederatedTestServer.base(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void fedxOverBothEndpointsAgreesWithTheServiceQuery() {
        String service = FederatedTestServer.read(FederatedTestServer.federated("birth-dates-and-parties.rq"));
        TreeSet<String> expected = new TreeSet<>();
        for (String row : FederatedTestServer.rows(base + "/kg/sparql", service)) {
            String[] cols = row.split(" \\| ", -1);
            expected.add(cols[0] + " | " + cols[1]);
        }
        assertTrue(expected.size() >= 5, "the SERVICE query should find linked people's birth dates: " + expected);

        String federated = """
                PREFIX dkg:  <https://w3id.org/diplokg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX owl:  <http://www.w3.org/2002/07/owl#>
                PREFIX wdt:  <http://www.wikidata.org/prop/direct/>
                SELECT ?person ?born WHERE {
                  ?p a dkg:Person ; rdfs:label ?person ; owl:sameAs ?item .
                  FILTER (lang(?person) = "en")
                  ?item wdt:P569 ?born .
                }
                """;
        FedXRepository fedx = FedXFactory.newFederation()
                .withSparqlEndpoint(base + "/kg/sparql")
                .withSparqlEndpoint(base + "/wikidata/sparql")
                .create();
        TreeSet<String> actual = new TreeSet<>();
        try (RepositoryConnection conn = fedx.getConnection()) {
            conn.prepareTupleQuery(federated).evaluate()
                    .forEach(b -> actual.add(b.getValue("person").stringValue() + " | " + b.getValue("born").stringValue()));
        } finally {
            fedx.shutDown();
        }
        assertEquals(expected, actual);
    }
}
