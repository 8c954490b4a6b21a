package org.diplokg.convert.model;

/** The kinds of named entity the converter recognises, with the ontology class a new entity of that kind gets. */
public enum EntityType {
    PERSON("Person", "person"),
    ORGANIZATION("Organization", "org"),
    COUNTRY("Country", "country"),
    PLACE("Place", "place"),
    DOCUMENT("PoliticalDocument", "document"),
    CONCEPT("PolicyConcept", "concept");

    /** Local name of the dkg: class for newly minted entities of this type. */
    public final String ontologyClass;
    /** Path segment of minted IRIs: https://w3id.org/diplokg/resource/{segment}/{slug}. */
    public final String iriSegment;

    EntityType(String ontologyClass, String iriSegment) {
        this.ontologyClass = ontologyClass;
        this.iriSegment = iriSegment;
    }
}
