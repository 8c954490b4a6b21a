package org.diplokg.rdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterCSV;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

/**
 * SPARQL CSV results as the W3C Recommendation writes them. Jena 5.6 writes a blank node as {@code b0}, which a
 * reader cannot tell from the literal "b0"; the Recommendation (section 3.2, and the W3C tests csv01, csv02) writes
 * {@code _:b0}. Everything else (IRIs and literals as their plain text, quoting, CRLF, ASK) is as Jena does it.
 */
public final class CsvResults implements RowSetWriter {

    private static final RowSetWriter JENA = RowSetWriterCSV.factory.create(ResultSetLang.RS_CSV);

    /** Makes this the CSV results writer of the JVM (Fuseki's responses, the command line). */
    public static void install() {
        RowSetWriterRegistry.register(ResultSetLang.RS_CSV, lang -> new CsvResults());
    }

    @Override
    public void write(OutputStream out, RowSet rowSet, Context context) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(w, rowSet, context);
    }

    @Override
    public void write(Writer out, RowSet rowSet, Context context) {
        try {
            List<Var> vars = rowSet.getResultVars();
            for (int i = 0; i < vars.size(); i++)
                out.write((i > 0 ? "," : "") + field(vars.get(i).getVarName()));
            out.write("\r\n");
            while (rowSet.hasNext()) {
                Binding b = rowSet.next();
                for (int i = 0; i < vars.size(); i++) {
                    if (i > 0) out.write(',');
                    Node n = b.get(vars.get(i));
                    if (n != null) out.write(field(text(n)));
                }
                out.write("\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(OutputStream out, boolean result, Context context) {
        JENA.write(out, result, context);
    }

    private static String text(Node n) {
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel().replaceAll("[^A-Za-z0-9_-]", "_");
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return n.isURI() ? n.getURI() : n.toString();
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
    private static String field(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
