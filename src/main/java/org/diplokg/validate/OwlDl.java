package org.diplokg.validate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.diplokg.UserException;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.io.StreamDocumentSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.profiles.violations.UseOfDefinedDatatypeInLiteral;
import org.semanticweb.owlapi.vocab.XSDVocabulary;

import openllet.core.OpenlletOptions;
import openllet.core.utils.ATermUtils;
import openllet.owlapi.OpenlletReasoner;
import openllet.owlapi.OpenlletReasonerFactory;

/**
 * OWL 2 DL checks with a complete OWL 2 DL reasoner, Openllet, through the OWL API: the OWL 2 DL profile and
 * consistency of ontology plus data. Jena writes the graphs as RDF/XML into memory and the OWL API parses that
 * with its own parser, so no second RDF toolkit is involved.
 *
 * <p>One deviation from the OWL 2 DL profile is accepted, and only this one: date and duration literals typed
 * {@code xsd:date}, {@code xsd:gYearMonth}, {@code xsd:gYear} and {@code xsd:duration}, which the ontology declares
 * (dkg:DateOrPeriod states a date's precision by its datatype) but OWL 2's datatype map omits. Openllet reasons
 * over these datatypes (an invalid or wrongly typed date makes the data inconsistent), so nothing goes unchecked.
 */
public final class OwlDl {
    private OwlDl() {}

    /** Literal datatypes outside the OWL 2 datatype map that DiploKG uses on purpose (see the class comment). */
    public static final Set<IRI> DATE_DATATYPES = Set.of(XSDVocabulary.DATE.getIRI(), XSDVocabulary.G_YEAR_MONTH.getIRI(),
            XSDVocabulary.G_YEAR.getIRI(), XSDVocabulary.DURATION.getIRI());

    /** The union of the graphs as one OWL API ontology (an ontology header in them names it). */
    public static OWLOntology load(Graph... graphs) {
        Graph union = GraphFactory.createDefaultGraph();
        for (Graph g : graphs) GraphUtil.addInto(union, g);
        ByteArrayOutputStream rdfxml = new ByteArrayOutputStream();
        RDFDataMgr.write(rdfxml, union, RDFFormat.RDFXML_PLAIN);
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        // External vocabularies are declared in the ontology, never imported; nothing is fetched.
        manager.getOntologyConfigurator().setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT);
        try {
            return manager.loadOntologyFromOntologyDocument(new StreamDocumentSource(new ByteArrayInputStream(rdfxml.toByteArray())));
        } catch (OWLOntologyCreationException e) {
            throw new IllegalStateException("the OWL API cannot read the ontology and data: " + UserException.oneLine(e.getMessage()), e);
        }
    }

    /** Triples the OWL API could not turn into OWL axioms: outside OWL 2 DL's RDF mapping. */
    public static List<Validation.Problem> unparsedTriples(OWLOntology ontology) {
        List<Validation.Problem> out = new ArrayList<>();
        OWLDocumentFormat format = ontology.getOWLOntologyManager().getOntologyFormat(ontology);
        if (format instanceof RDFDocumentFormat rdf)
            rdf.getOntologyLoaderMetaData().ifPresent(meta -> meta.getUnparsedTriples().forEach(t ->
                    out.add(new Validation.Problem("owl-profile", t.getSubject().toString(), "not an OWL 2 DL axiom: " + t))));
        return out;
    }

    /** Violations of the OWL 2 DL profile, less the accepted date literals. */
    public static List<Validation.Problem> profile(OWLOntology ontology) {
        List<Validation.Problem> out = new ArrayList<>();
        for (OWLProfileViolation v : new OWL2DLProfile().checkOntology(ontology).getViolations()) {
            if (v instanceof UseOfDefinedDatatypeInLiteral lit
                    && DATE_DATATYPES.contains(lit.getExpression().getDatatype().getIRI()))
                continue;
            out.add(new Validation.Problem("owl-profile", v.getClass().getSimpleName(), UserException.oneLine(v.toString())));
        }
        out.addAll(unparsedTriples(ontology));
        return out;
    }

    /** Consistency under Openllet; an inconsistency is reported with the axioms that cause it. */
    public static synchronized List<Validation.Problem> consistency(OWLOntology ontology) {
        OpenlletReasoner reasoner = OpenlletReasonerFactory.getInstance().createReasoner(ontology);
        try {
            if (reasoner.isConsistent()) return List.of();
        } finally {
            reasoner.dispose();
        }
        // Explanations cost time: they are traced only once the data is known to be inconsistent. Tracing is a
        // global Openllet option read while the knowledge base is built, hence the synchronized method.
        OpenlletOptions.USE_TRACING = true;
        OpenlletReasoner explaining = OpenlletReasonerFactory.getInstance().createReasoner(ontology);
        try {
            explaining.getKB().setDoExplanation(true);
            explaining.isConsistent();
            String why = explaining.getKB().getExplanation();
            String axioms = explaining.getKB().getExplanationSet().stream().map(ATermUtils::toString).sorted()
                    .collect(java.util.stream.Collectors.joining(", "));
            return List.of(new Validation.Problem("owl", "inconsistent", "no model satisfies the ontology and the data: "
                    + UserException.oneLine(why == null ? "" : why) + (axioms.isEmpty() ? "" : " (" + axioms + ")")));
        } finally {
            explaining.dispose();
            OpenlletOptions.USE_TRACING = false;
        }
    }

    /** The named individuals the reasoner classifies as members of the class (for checking materialised answers). */
    public static Set<String> instancesOf(OWLOntology ontology, String classIri) {
        OpenlletReasoner reasoner = OpenlletReasonerFactory.getInstance().createReasoner(ontology);
        try {
            Set<String> out = new TreeSet<>();
            reasoner.getInstances(ontology.getOWLOntologyManager().getOWLDataFactory().getOWLClass(IRI.create(classIri)), false)
                    .entities().forEach(i -> out.add(i.getIRI().toString()));
            return out;
        } finally {
            reasoner.dispose();
        }
    }
}
