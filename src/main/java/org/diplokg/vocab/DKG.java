package org.diplokg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Every IRI DiploKG mints or relies on, in one place. */
public final class DKG {
    private DKG() {}

    public static final String NS = "https://w3id.org/diplokg/ontology#";
    public static final String ONTOLOGY = "https://w3id.org/diplokg/ontology";
    public static final String RESOURCE = "https://w3id.org/diplokg/resource/";
    public static final String GRAPH_NS = "https://w3id.org/diplokg/graph/";

    /** Named graph holding the ontology. */
    public static final String GRAPH_ONTOLOGY = GRAPH_NS + "ontology";
    /** Named graph holding the curated reference data. */
    public static final String GRAPH_REFERENCE = GRAPH_NS + "reference";
    /** Named graph holding facts entailed by the ontology's defined classes, computed at load time. */
    public static final String GRAPH_INFERRED = GRAPH_NS + "inferred";
    /** Named graph for nodes shared by several articles (merged events, entities). */
    public static final String GRAPH_MERGED = GRAPH_NS + "merged";
    /** Article graphs (and article IRIs) are {@code ARTICLE_NS + stem}. */
    public static final String ARTICLE_NS = RESOURCE + "article/";

    /** Extraction rules ({@code dkg:ExtractionRule}) are {@code RULE_NS + qualified id}. */
    public static final String RULE_NS = RESOURCE + "rule/";
    /** The extraction of one article by one rule ({@code dkg:Extraction}) is {@code EXTRACTION_NS + stem/rule}. */
    public static final String EXTRACTION_NS = RESOURCE + "extraction/";
    /** The converter as a PROV software agent, one IRI per version: {@code SOFTWARE_NS + version}. */
    public static final String SOFTWARE_NS = RESOURCE + "software/diplokg/";
    public static final String PROV = "http://www.w3.org/ns/prov#";

    public static final String WD = "http://www.wikidata.org/entity/";
    public static final String WDT = "http://www.wikidata.org/prop/direct/";
    public static final String SCHEMA = "http://schema.org/";

    // Terms the Java code refers to directly.
    public static final Node Diplomat = term("Diplomat");
    public static final Node wikidataLabel = term("wikidataLabel");

    public static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }

    public static Node graph(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** Prefixes used when writing RDF and shown to query authors. */
    public static final java.util.Map<String, String> PREFIXES = java.util.Map.ofEntries(
            java.util.Map.entry("dkg", NS),
            java.util.Map.entry("dkgr", RESOURCE),
            java.util.Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            java.util.Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            java.util.Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
            java.util.Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
            java.util.Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
            java.util.Map.entry("prov", PROV),
            java.util.Map.entry("schema", SCHEMA),
            java.util.Map.entry("org", "http://www.w3.org/ns/org#"),
            java.util.Map.entry("time", "http://www.w3.org/2006/time#"),
            java.util.Map.entry("wd", WD),
            java.util.Map.entry("wdt", WDT));
}
