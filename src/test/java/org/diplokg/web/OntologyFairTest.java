package org.diplokg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.diplokg.TestProject;
import org.diplokg.vocab.DKG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FOOPS!-style FAIR checks of {@code ontology/diplokg.ttl} (the metadata FOOPS! looks for: licence, version IRI,
 * creators, title and description, a preferred prefix and namespace, a label and a comment on every term) and of
 * its generated documentation page.
 */
class OntologyFairTest {
    static Model m;
    static Resource ont;

    @BeforeAll
    static void load() {
        m = RDFDataMgr.loadModel(TestProject.LAYOUT.ontology().toString());
        ont = m.getResource(DKG.ONTOLOGY);
    }

    static List<RDFNode> values(Resource r, Property p) {
        return m.listObjectsOfProperty(r, p).toList();
    }

    @Test
    void ontologyMetadata() {
        assertTrue(m.contains(ont, org.apache.jena.vocabulary.RDF.type, OWL2.Ontology));
        List<RDFNode> licence = values(ont, DCTerms.license);
        assertEquals(1, licence.size(), "one licence");
        assertTrue(licence.get(0).isURIResource(), "the licence is an IRI a machine can resolve");
        List<RDFNode> version = values(ont, OWL2.versionIRI);
        assertEquals(1, version.size(), "one version IRI");
        assertTrue(version.get(0).isURIResource());
        assertNotEquals(DKG.ONTOLOGY, version.get(0).asResource().getURI(), "the version IRI differs from the ontology IRI");
        assertTrue(version.get(0).asResource().getURI().startsWith(DKG.ONTOLOGY + "/"), "the version IRI is served under the ontology's path");
        assertFalse(values(ont, OWL2.versionInfo).isEmpty(), "version info");
        assertFalse(values(ont, DCTerms.creator).isEmpty(), "creators");
        for (Property p : List.of(DCTerms.title, DCTerms.description, DCTerms.created, DCTerms.modified, DCTerms.publisher))
            assertFalse(values(ont, p).isEmpty(), p.getLocalName());
        List<RDFNode> prefix = values(ont, m.createProperty(OntologyPage.VANN, "preferredNamespacePrefix"));
        List<RDFNode> ns = values(ont, m.createProperty(OntologyPage.VANN, "preferredNamespaceUri"));
        assertEquals(List.of("dkg"), prefix.stream().map(n -> n.asLiteral().getString()).toList());
        assertEquals(List.of(DKG.NS), ns.stream().map(n -> n.isLiteral() ? n.asLiteral().getString() : n.asResource().getURI()).toList());
    }

    /** Every IRI of the DiploKG namespace the ontology says anything about. */
    static Set<Resource> termsMentioned() {
        return m.listSubjects().toList().stream().filter(r -> r.isURIResource() && r.getURI().startsWith(DKG.NS))
                .collect(Collectors.toSet());
    }

    @Test
    void everyTermHasOneEnglishLabelAndComment() {
        List<String> problems = new ArrayList<>();
        for (Resource t : termsMentioned()) {
            for (Property p : List.of(RDFS.label, RDFS.comment)) {
                long en = values(t, p).stream().filter(n -> n.isLiteral() && n.asLiteral().getLanguage().equals("en")).count();
                if (en != 1) problems.add(t.getLocalName() + " has " + en + " English " + p.getLocalName() + "s");
            }
            if (!t.hasProperty(RDFS.isDefinedBy, ont)) problems.add(t.getLocalName() + " lacks rdfs:isDefinedBy");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void documentationPageHasEveryTerm() {
        String page = OntologyPage.render(m);
        Set<Resource> documented = Set.copyOf(OntologyPage.allTerms(m));
        assertEquals(termsMentioned(), documented, "every term is declared with a type the page lists");
        for (Resource t : documented) {
            assertTrue(page.contains("id=\"" + t.getLocalName() + "\""), "anchor for " + t);
            assertTrue(page.contains(Html.esc(t.getProperty(RDFS.comment).getString())), "comment of " + t);
        }
        for (Resource t : documented)
            for (RDFNode d : values(t, RDFS.domain))
                if (d.isURIResource() && d.asResource().getURI().startsWith(DKG.NS))
                    assertTrue(page.contains("href=\"#" + d.asResource().getLocalName() + "\""), "domain of " + t);
        assertTrue(page.contains(Html.esc(values(ont, OWL2.versionIRI).get(0).asResource().getURI())));
        assertTrue(page.contains(Html.esc(values(ont, DCTerms.license).get(0).asResource().getURI())));
    }
}
