package org.diplokg.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplokg.store.ProjectLayout;

/**
 * The linked-data front door added to the SPARQL server: dereferenceable resource IRIs with their HTML pages,
 * the ontology's documentation, the Service Description, VoID and DCAT, and DiploKG's examples and prefixes in the
 * Fuseki UI.
 * One call in {@code KgServer}'s builder chain mounts it all, so the server stays one readable builder.
 */
public final class FrontDoor {
    private FrontDoor() {}

    /**
     * Mounts the front door for {@code view}, the dataset served at {@code dataset} ("/kg"), whose endpoints
     * then answer a GET without a query with their Service Description.
     */
    public static FusekiServer.Builder mount(FusekiServer.Builder builder, DatasetGraph view, String dataset, boolean updatable) {
        Sparql kg = new Sparql(view);
        LinkedDataServlet ld = new LinkedDataServlet(kg);
        Descriptions descriptions = new Descriptions(kg, updatable);
        var sd = new DescriptionServlets.ServiceDescription(descriptions);
        var voidServlet = new DescriptionServlets.Dataset(descriptions);
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        OntologyServlet ontology = new OntologyServlet(layout.ontology());
        for (Conneg.RdfFormat f : Conneg.RdfFormat.values())
            builder.addServlet("/ontology." + f.extension, ontology);
        return builder
                .addFilter("/*", new QueryUi(layout.queriesDir()))
                .addServlet("/ontology", ontology)
                .addServlet("/ontology/*", ontology)
                .addServlet("/resource/*", ld)
                .addServlet("/page/*", ld)
                .addServlet("/data/*", ld)
                .addServlet("/.well-known/void", voidServlet)
                .addServlet("/dataset", voidServlet)
                .addFilter(dataset + "/*", new FormatParameter())
                .addFilter(dataset, new FormatParameter())
                .addFilter(dataset, sd)
                .addFilter(dataset + "/sparql", sd)
                .addFilter(dataset + "/query", sd);
    }
}
