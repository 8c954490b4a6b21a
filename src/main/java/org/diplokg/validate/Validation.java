package org.diplokg.validate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.reasoner.ValidityReport;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.diplokg.UserException;
import org.diplokg.rdf.RdfFiles;
import org.diplokg.store.ProjectLayout;
import org.diplokg.vocab.DKG;

/**
 * The checks behind {@code kg validate}: SHACL shapes over the reference data and the KG, and OWL
 * consistency of the ontology plus the reference data.
 */
public final class Validation {
    private Validation() {}

    /** One problem found, in words a user can act on. */
    public record Problem(String check, String focus, String message) {
        @Override public String toString() { return check + ": " + focus + ": " + message; }
    }

    /** All problems in the dataset; empty when it validates. */
    public static List<Problem> check(DatasetGraph dsg, ProjectLayout layout) {
        Graph ontology = GraphFactory.createDefaultGraph();
        Graph reference = GraphFactory.createDefaultGraph();
        Graph data = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.listGraphNodes().forEachRemaining(g -> {
            Graph target = g.getURI().equals(DKG.GRAPH_ONTOLOGY) ? ontology : data;
            dsg.getGraph(g).find().forEachRemaining(target::add);
            if (g.getURI().equals(DKG.GRAPH_REFERENCE)) dsg.getGraph(g).find().forEachRemaining(reference::add);
        }));
        List<Problem> problems = new ArrayList<>(shacl(data, RdfFiles.readGraph(layout.shapes())));
        // Jena's rule reasoner takes seconds on the ontology and reference data but many minutes (and a deep
        // stack) on the generated KG, whose shape the SHACL shapes check instead.
        problems.addAll(owlConsistency(ontology, reference));
        return problems;
    }

    public static List<Problem> shacl(Graph data, Graph shapesGraph) {
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), data);
        List<Problem> out = new ArrayList<>();
        for (ReportEntry e : report.getEntries())
            out.add(new Problem("shacl", str(e.focusNode()) + (e.resultPath() != null ? " " + e.resultPath() : ""), e.message()));
        return out;
    }

    /**
     * OWL consistency of ontology plus data with Jena's OWL Micro rule reasoner (disjointness, domain and
     * range typing between resources). Jena's full OWL rule reasoner does not finish in reasonable time on this
     * ontology, so {@code OntologyTest} runs it only on the small data it needs for classification.
     * Jena's rule reasoners do not understand datatypes the ontology defines itself (dkg:DateOrPeriod is a union
     * of xsd:date, xsd:gYearMonth and xsd:gYear), so ranges naming one are left out here; the SHACL shapes
     * check those literals instead.
     */
    public static List<Problem> owlConsistency(Graph ontology, Graph data) {
        Model schema = ModelFactory.createDefaultModel().add(ModelFactory.createModelForGraph(ontology));
        List<Statement> definedDatatypeRanges = schema.listStatements(null, RDFS.range, (RDFNode) null)
                .filterKeep(st -> st.getObject().isURIResource()
                        && st.getResource().hasProperty(RDF.type, RDFS.Datatype)
                        && !st.getResource().getURI().startsWith(XSD.NS))
                .toList();
        schema.remove(definedDatatypeRanges);
        // owl:sameAs to Wikidata IRIs makes the rule reasoner copy every statement onto the Wikidata IRI and
        // back, which takes minutes and overflows the stack on the full KG; identity with an external IRI
        // cannot make our data inconsistent by itself, so the links are left out of this check.
        Model facts = ModelFactory.createDefaultModel().add(ModelFactory.createModelForGraph(data));
        facts.removeAll(null, OWL.sameAs, null);
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner().bindSchema(schema), facts);
        ValidityReport validity = withDeepStack(inf::validate);
        List<Problem> out = new ArrayList<>();
        validity.getReports().forEachRemaining(r -> {
            if (r.isError())
                out.add(new Problem("owl", r.getType(), UserException.oneLine(r.getDescription())));
        });
        return out;
    }

    /** Jena's backward-chaining rule engine recurses deeply on a KG this size; give it a thread with room to. */
    private static <T> T withDeepStack(java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try { result[0] = work.get(); } catch (Throwable e) { failure[0] = e; }
        }, "owl-consistency", 1L << 30);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error err) throw err;
        @SuppressWarnings("unchecked") T r = (T) result[0];
        return r;
    }

    private static String str(Node n) {
        return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
    }

}
