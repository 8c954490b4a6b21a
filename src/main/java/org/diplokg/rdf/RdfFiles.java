package org.diplokg.rdf;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.diplokg.UserException;

/** Reading the project's RDF files with Jena, turning syntax errors into one-line messages naming file, line and column. */
public final class RdfFiles {
    private RdfFiles() {}

    /** Parses a Turtle file into a new graph. */
    public static Graph readGraph(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        parse(file, StreamRDFLib.graph(g));
        return g;
    }

    /** Parses a triples file into the named graph {@code graphName} of {@code dsg}, or a quads file (TriG, N-Quads) as it is. */
    public static void readInto(DatasetGraph dsg, Path file, Node graphName) {
        Lang lang = langOf(file);
        StreamRDF dest = RDFLanguages.isQuads(lang) || graphName == null
                ? StreamRDFLib.dataset(dsg)
                : StreamRDFLib.extendTriplesToQuads(graphName, StreamRDFLib.dataset(dsg));
        parse(file, dest);
    }

    public static Lang langOf(Path file) {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        if (lang == null)
            throw new UserException(file + ": unknown RDF file extension");
        return lang;
    }

    /** Parses {@code file} (any RDF syntax, by its extension) into {@code dest}; errors name the file. */
    public static void parse(Path file, StreamRDF dest) {
        if (!Files.isRegularFile(file))
            throw new UserException(file + ": no such file");
        RDFParser.source(file).lang(langOf(file)).errorHandler(new FileErrors(file)).parse(dest);
    }

    /** Errors stop the parse with the file's name; warnings (e.g. an unusual IRI) are reported and the parse goes on. */
    private record FileErrors(Path file) implements ErrorHandler {
        @Override public void warning(String message, long line, long col) {
            System.err.println("warning: " + where(line, col) + message);
        }
        @Override public void error(String message, long line, long col) {
            throw new UserException(where(line, col) + message);
        }
        @Override public void fatal(String message, long line, long col) {
            throw new UserException(where(line, col) + message);
        }
        private String where(long line, long col) {
            return file + (line > 0 ? ":" + line + (col > 0 ? ":" + col : "") : "") + ": ";
        }
    }
}
