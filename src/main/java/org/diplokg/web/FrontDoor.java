package org.diplokg.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The linked-data front door added to the SPARQL server: dereferenceable resource IRIs with their HTML pages.
 * One call in {@code KgServer}'s builder chain mounts it all, so the server stays one readable builder.
 */
public final class FrontDoor {
    private FrontDoor() {}

    /** Mounts the front door for the served view {@code view} (the dataset {@code /kg} answers queries on). */
    public static FusekiServer.Builder mount(FusekiServer.Builder builder, DatasetGraph view) {
        Sparql kg = new Sparql(view);
        LinkedDataServlet ld = new LinkedDataServlet(kg);
        return builder
                .addServlet("/resource/*", ld)
                .addServlet("/page/*", ld)
                .addServlet("/data/*", ld);
    }
}
