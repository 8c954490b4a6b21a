package org.diplokg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplokg.TestProject;
import org.diplokg.validate.OwlDl;
import org.diplokg.validate.Validation;
import org.diplokg.vocab.DKG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;

/** The ontology's own quality: documented terms, metadata, the OWL 2 DL profile and consistency with the data (Openllet). */
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
    void ontologyAloneIsInTheOwl2DlProfile() {
        // No exception here: the accepted date literals (OwlDl.DATE_DATATYPES) occur only in data.
        OWLOntology owl = OwlDl.load(ontology.getGraph());
        assertTrue(owl.getAxiomCount() > 1000, "the OWL API should read the whole ontology: " + owl.getAxiomCount() + " axioms");
        assertEquals(List.of(), new OWL2DLProfile().checkOntology(owl).getViolations().stream().map(Object::toString).toList());
        assertEquals(List.of(), OwlDl.unparsedTriples(owl));
    }

    @Test
    void ontologyReferenceDataAndKgAreOwl2DlAndConsistent() {
        // What kg validate checks (ontology, reference data, KG and inferred graph together); shared with ConvertedKgTest.
        List<Validation.Problem> problems = TestProject.validation().stream().filter(p -> p.check().startsWith("owl")).toList();
        assertEquals(List.of(), problems);
    }

    /** Ontology plus one small file of src/test/resources/owl/: the checks fail on it without reasoning over the project's data. */
    static List<Validation.Problem> fixture(String name, boolean consistency) {
        OWLOntology owl = OwlDl.load(ontology.getGraph(), RDFDataMgr.loadGraph(OntologyTest.class.getResource("/owl/" + name).toString()));
        return consistency ? OwlDl.consistency(owl) : OwlDl.profile(owl);
    }

    @Test
    void controlFixtureIsConsistentAndInProfile() {
        // Dates of each precision and a duration: the failures below are the fixtures' doing, not the loading's.
        assertEquals(List.of(), fixture("valid.ttl", false));
        assertEquals(List.of(), fixture("valid.ttl", true));
    }

    @Test
    void consistencyCheckFailsOnTwoDisjointTypes() {
        List<Validation.Problem> problems = fixture("disjoint-types.ttl", true);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("fixture-person"), () -> "the explanation should name the node: " + problems);
    }

    @Test
    void consistencyCheckFailsOnADateOutsideDateOrPeriod() {
        // Openllet reasons over xsd:date, xsd:gYearMonth and xsd:gYear, so the union datatype range is enforced.
        assertEquals(1, fixture("mistyped-date.ttl", true).size());
    }

    @Test
    void profileCheckFailsOnAPunnedProperty() {
        List<Validation.Problem> problems = fixture("punned-property.ttl", false);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("holder")), problems::toString);
    }

    @Test
    void profileCheckAcceptsOnlyTheDateDatatypes() {
        List<Validation.Problem> problems = fixture("time-literal.ttl", false);
        assertTrue(!problems.isEmpty() && problems.stream().allMatch(p -> p.message().contains("12:00:00")), problems::toString);
    }

    @Test
    void materialisedDiplomatsAreExactlyWhatTheReasonerClassifies() {
        // The reasoner gets what the dkg:Diplomat definition needs from every asserted graph: types, holders and
        // posts, never the materialised answers (the inferred graph, rdf:type dkg:Diplomat). Realising every
        // individual of the whole KG would take seconds more for the same answer.
        DatasetGraph dsg = TestProject.dataset();
        Graph needed = GraphFactory.createDefaultGraph();
        Node holder = NodeFactory.createURI(DKG.NS + "holder"), post = NodeFactory.createURI(DKG.NS + "post");
        Txn.executeRead(dsg, () -> dsg.listGraphNodes().forEachRemaining(g -> {
            if (g.getURI().equals(DKG.GRAPH_ONTOLOGY) || g.getURI().equals(DKG.GRAPH_INFERRED)) return;
            for (Node p : List.of(RDF.type.asNode(), holder, post))
                dsg.getGraph(g).find(Node.ANY, p, Node.ANY).forEachRemaining(needed::add);
        }));
        needed.remove(Node.ANY, RDF.type.asNode(), DKG.Diplomat);
        Set<String> byReasoner = OwlDl.instancesOf(OwlDl.load(ontology.getGraph(), needed), DKG.Diplomat.getURI());
        Set<String> materialised = new TreeSet<>();
        Txn.executeRead(dsg, () -> dsg.getGraph(DKG.graph(DKG.GRAPH_INFERRED)).find(Node.ANY, RDF.type.asNode(), DKG.Diplomat)
                .forEachRemaining(t -> materialised.add(t.getSubject().getURI())));
        assertTrue(materialised.size() >= 5, "reference data should hold foreign ministers: " + materialised);
        assertEquals(byReasoner, materialised);
    }
}
