package org.diplokg.validate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.reasoner.ValidityReport;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
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

    /** Jena's OWL rule reasoner over ontology and data; reports inconsistencies (e.g. disjoint classes shared). */
    public static List<Problem> owlConsistency(Graph ontology, Graph data) {
        Model schema = ModelFactory.createModelForGraph(ontology);
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMiniReasoner().bindSchema(schema),
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
