package org.diplokg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.diplokg.store.KgDataset;
import org.diplokg.store.ProjectLayout;

/** The repository the tests run in (Maven runs them from the project root), loaded once per JVM. */
public final class TestProject {
    private TestProject() {}

    public static final ProjectLayout LAYOUT = new ProjectLayout(Path.of("").toAbsolutePath());

    private static DatasetGraph dataset;

    /** The full dataset (ontology, reference data, KG, inferred graph), loaded on first use and shared: read it only. */
    public static synchronized DatasetGraph dataset() {
        if (dataset == null)
            dataset = KgDataset.loadInMemory(LAYOUT);
        return dataset;
    }

    private static List<org.diplokg.validate.Validation.Problem> problems;

    /** What {@code kg validate} finds in the project (computed once: Jena's OWL rules take minutes here). */
    public static synchronized List<org.diplokg.validate.Validation.Problem> validation() {
        if (problems == null)
            problems = org.diplokg.validate.Validation.check(dataset(), LAYOUT);
        return problems;
    }

    /** Every RDF file the project ships or generates. */
    public static List<Path> shippedRdfFiles() {
        List<Path> files = new ArrayList<>(List.of(LAYOUT.ontology(), LAYOUT.shapes()));
        files.addAll(LAYOUT.referenceFiles());
        files.addAll(LAYOUT.kgFiles());
        return files;
    }
}
