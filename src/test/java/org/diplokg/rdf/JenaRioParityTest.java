package org.diplokg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.diplokg.TestProject;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every RDF file the project ships must mean the same to two independent parsers: Jena and RDF4J Rio. */
class JenaRioParityTest {

    static Stream<Path> files() {
        return TestProject.shippedRdfFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void jenaAndRioReadTheSameGraphs(Path file) throws Exception {
        DatasetGraph jena = DatasetGraphFactory.createGeneral();
        RDFDataMgr.read(jena, file.toString());

        RDFFormat format = Rio.getParserFormatForFileName(file.toString()).orElseThrow();
        Model rio;
        try (InputStream in = Files.newInputStream(file)) {
            rio = Rio.parse(in, file.toUri().toString(), format);
        }
        DatasetGraph fromRio = DatasetGraphFactory.createGeneral();
        rio.forEach(st -> fromRio.add(RioBridge.quad(st)));

        assertTrue(jena.find().hasNext(), file + " holds no statements");
        assertEquals(jena.stream().count(), fromRio.stream().count(), file + ": statement counts differ");
        assertTrue(IsoMatcher.isomorphic(jena, fromRio), file + ": Jena and Rio graphs are not isomorphic");
    }
}
