package org.diplokg.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.diplokg.store.KgDataset;
import org.diplokg.store.ProjectLayout;
import org.diplokg.validate.Validation;

import picocli.CommandLine.Command;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the reference data and the generated KG against ontology/shapes.ttl (SHACL) and the ontology (OWL consistency).")
final class ValidateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.fromEnvironment();
        DatasetGraph dsg = KgDataset.loadInMemory(layout);
        List<Validation.Problem> problems = Validation.check(dsg, layout);
        problems.forEach(p -> System.out.println(p));
        System.out.printf("%s: %,d triples checked, %d problem(s).%n",
                problems.isEmpty() ? "valid" : "INVALID", KgDataset.size(dsg), problems.size());
        return problems.isEmpty() ? 0 : 1;
    }
}
