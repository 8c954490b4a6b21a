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
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.diplokg.UserException;
import org.diplokg.rdf.RdfFiles;
import org.diplokg.store.ProjectLayout;
import org.diplokg.vocab.DKG;

/** The checks behind {@code kg validate}: SHACL shapes over the data, and OWL consistency of ontology plus data. */
public final class Validation {
    private Validation() {}

    /** One problem found, in words a user can act on. */
    public record Problem(String check, String focus, String message) {
        @Override public String toString() { return check + ": " + focus + ": " + message; }
    }

    /** All problems in the dataset; empty when it validates. */
    public static List<Problem> check(DatasetGraph dsg, ProjectLayout layout) {
        Graph ontology = GraphFactory.createDefaultGraph();
        Graph data = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.listGraphNodes().forEachRemaining(g -> {
            Graph target = g.getURI().equals(DKG.GRAPH_ONTOLOGY) ? ontology : data;
            dsg.getGraph(g).find().forEachRemaining(target::add);
        }));
        List<Problem> problems = new ArrayList<>(shacl(data, RdfFiles.readGraph(layout.shapes())));
        problems.addAll(owlConsistency(ontology, data));
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
     * OWL consistency of ontology plus data with Jena's OWL Micro rule reasoner (disjointness, domain/range
     * typing, datatype ranges). Jena's full OWL rule reasoner does not finish in reasonable time on this
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
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner().bindSchema(schema),
                ModelFactory.createModelForGraph(data));
        ValidityReport validity = inf.validate();
        List<Problem> out = new ArrayList<>();
        validity.getReports().forEachRemaining(r -> {
            if (r.isError())
                out.add(new Problem("owl", r.getType(), UserException.oneLine(r.getDescription())));
        });
        return out;
    }

    private static String str(Node n) {
        return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
    }

}
