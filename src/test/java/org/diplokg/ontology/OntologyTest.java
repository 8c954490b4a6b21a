package org.diplokg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplokg.TestProject;
import org.diplokg.validate.Validation;
import org.diplokg.vocab.DKG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ontology's own quality: documented terms, metadata, and consistency with the data under a reasoner. */
class OntologyTest {

    static Model ontology;
    static final String VANN = "http://purl.org/vocab/vann/";

    @BeforeAll
    static void load() {
        ontology = RDFDataMgr.loadModel(TestProject.LAYOUT.ontology().toString());
    }

    static Set<Resource> declared(Resource... types) {
        Set<Resource> out = new TreeSet<>((a, b) -> a.getURI().compareTo(b.getURI()));
        for (Resource t : types)
            ontology.listSubjectsWithProperty(RDF.type, t).forEachRemaining(r -> {
                if (r.isURIResource() && r.getURI().startsWith(DKG.NS)) out.add(r);
            });
        return out;
    }

    static long englishValues(Resource r, Property p) {
        return ontology.listObjectsOfProperty(r, p).toList().stream()
                .filter(RDFNode::isLiteral).filter(n -> n.asLiteral().getLanguage().equals("en")).count();
    }

    @Test
    void everyTermHasOneEnglishLabelAndComment() {
        Set<Resource> terms = declared(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                OWL2.NamedIndividual, RDFS.Datatype);
        assertTrue(terms.size() > 60, "expected a full vocabulary, found " + terms.size() + " terms");
        List<String> bad = new ArrayList<>();
        for (Resource t : terms)
            if (englishValues(t, RDFS.label) != 1 || englishValues(t, RDFS.comment) != 1)
                bad.add(t.getLocalName());
        assertEquals(List.of(), bad, "terms without exactly one English rdfs:label and rdfs:comment");
    }

    @Test
    void everyPropertyHasDomainAndRange() {
        List<String> bad = new ArrayList<>();
        for (Resource p : declared(OWL.ObjectProperty, OWL.DatatypeProperty))
            if (!p.hasProperty(RDFS.domain) || !p.hasProperty(RDFS.range))
                bad.add(p.getLocalName());
        assertEquals(List.of(), bad, "properties without rdfs:domain or rdfs:range");
    }

    @Test
    void everyDkgTermUsedAnywhereIsDeclared() {
        Set<String> declared = new TreeSet<>();
        declared(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL2.NamedIndividual,
                RDFS.Datatype, OWL.Ontology).forEach(r -> declared.add(r.getURI()));
        Set<String> undeclared = new TreeSet<>();
        DatasetGraph dsg = TestProject.dataset();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            for (var n : List.of(q.getPredicate(), q.getObject(), q.getSubject()))
                if (n.isURI() && n.getURI().startsWith(DKG.NS) && !declared.contains(n.getURI()))
                    undeclared.add(n.getURI());
        }));
        assertEquals(Set.of(), undeclared, "dkg: terms used in the ontology or data but not declared");
    }

    @Test
    void ontologyCarriesFairMetadata() {
        Resource o = ontology.getResource(DKG.ONTOLOGY);
        assertTrue(o.hasProperty(RDF.type, OWL.Ontology));
        for (Property p : List.of(DCTerms.title, DCTerms.description, DCTerms.license, DCTerms.creator, DCTerms.created,
                DCTerms.modified, OWL.versionIRI, OWL.versionInfo, RDFS.label, RDFS.comment))
            assertTrue(o.hasProperty(p), "ontology header lacks " + p);
        assertEquals("dkg", o.getProperty(ontology.createProperty(VANN, "preferredNamespacePrefix")).getString());
        RDFNode ns = o.getProperty(ontology.createProperty(VANN, "preferredNamespaceUri")).getObject();
        assertEquals(DKG.NS, ns.isLiteral() ? ns.asLiteral().getLexicalForm() : ns.asResource().getURI());
    }

    @Test
    void ontologyAndReferenceDataAreConsistentUnderOwlReasoning() {
        // kg validate's OWL check is over ontology plus reference data; shared with the KG test (it is slow).
        List<Validation.Problem> problems = TestProject.validation().stream().filter(p -> p.check().equals("owl")).toList();
        assertEquals(List.of(), problems);
    }

    @Test
    void owlConsistencyCheckCanFail() {
        // A person who is also an organisation: the ontology makes those classes disjoint; if the check cannot
        // see this, it checks nothing.
        Model data = referenceData();
        Resource xi = data.createResource(DKG.RESOURCE + "person/xi-jinping");
        data.add(xi, RDF.type, data.createResource(DKG.NS + "Organization"));
        assertTrue(!Validation.owlConsistency(ontology.getGraph(), data.getGraph()).isEmpty(),
                "a resource in two disjoint classes must make the data inconsistent");
    }

    @Test
    void materialisedDiplomatsAreExactlyWhatTheReasonerClassifies() {
        Model data = dataWithoutOntology();
        // Jena's full OWL reasoner classifies through the dkg:Diplomat definition but is slow, so give it
        // only what the definition needs: types, holders and posts (never the materialised answers).
        Model input = ModelFactory.createDefaultModel();
        Resource diplomat = data.createResource(DKG.Diplomat.getURI());
        data.listStatements(null, RDF.type, (RDFNode) null).filterDrop(st -> st.getObject().equals(diplomat)).forEachRemaining(input::add);
        data.listStatements(null, data.createProperty(DKG.NS, "holder"), (RDFNode) null).forEachRemaining(input::add);
        data.listStatements(null, data.createProperty(DKG.NS, "post"), (RDFNode) null).forEachRemaining(input::add);
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLReasoner().bindSchema(ontology), input);
        Set<String> byReasoner = new TreeSet<>(), materialised = new TreeSet<>();
        inf.listSubjectsWithProperty(RDF.type, diplomat).forEachRemaining(r -> { if (r.isURIResource()) byReasoner.add(r.getURI()); });
        data.listSubjectsWithProperty(RDF.type, diplomat).forEachRemaining(r -> materialised.add(r.getURI()));
        assertTrue(materialised.size() >= 5, "reference data should hold foreign ministers: " + materialised);
        assertEquals(byReasoner, materialised);
    }

    static Model referenceData() {
        DatasetGraph dsg = TestProject.dataset();
        Model m = ModelFactory.createDefaultModel();
        Txn.executeRead(dsg, () -> dsg.getGraph(org.apache.jena.graph.NodeFactory.createURI(DKG.GRAPH_REFERENCE)).find()
                .forEachRemaining(t -> m.getGraph().add(t)));
        return m;
    }

    static Model dataWithoutOntology() {
        DatasetGraph dsg = TestProject.dataset();
        Model m = ModelFactory.createDefaultModel();
        Txn.executeRead(dsg, () -> dsg.listGraphNodes().forEachRemaining(g -> {
            if (!g.getURI().equals(DKG.GRAPH_ONTOLOGY))
                dsg.getGraph(g).find().forEachRemaining(t -> m.getGraph().add(t));
        }));
        return m;
    }


}
