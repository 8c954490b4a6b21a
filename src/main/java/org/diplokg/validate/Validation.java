package org.diplokg.validate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.diplokg.rdf.RdfFiles;
import org.diplokg.store.ProjectLayout;
import org.diplokg.vocab.DKG;

/**
 * The checks behind {@code kg validate}: SHACL shapes over the reference data and the KG, and the OWL 2 DL
 * profile and consistency of the ontology plus the reference data and the KG.
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
        Graph data = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.listGraphNodes().forEachRemaining(g -> {
            Graph target = g.getURI().equals(DKG.GRAPH_ONTOLOGY) ? ontology : data;
            dsg.getGraph(g).find().forEachRemaining(target::add);
        }));
        List<Problem> problems = new ArrayList<>(shacl(data, RdfFiles.readGraph(layout.shapes())));
        problems.addAll(owl(ontology, data));
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
     * The OWL 2 DL profile and consistency of ontology plus data, with the Openllet reasoner ({@link OwlDl}).
     * Takes seconds on the ontology, reference data and KG together.
     */
    public static List<Problem> owl(Graph ontology, Graph data) {
        org.semanticweb.owlapi.model.OWLOntology owl = OwlDl.load(ontology, data);
        List<Problem> out = new ArrayList<>(OwlDl.profile(owl));
        out.addAll(OwlDl.consistency(owl));
        return out;
    }

    private static String str(Node n) {
        return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
    }

}
