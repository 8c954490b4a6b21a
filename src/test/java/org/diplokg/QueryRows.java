package org.diplokg;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;

/** SELECT results as comparable text: one string per row, its values' lexical forms (IRIs in full) joined by " | ". */
public final class QueryRows {
    private QueryRows() {}

    public static List<String> of(ResultSet rs) {
        List<String> out = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.add(rs.getResultVars().stream().map(v -> text(s.get(v))).collect(Collectors.joining(" | ")));
        }
        return out;
    }

    public static String text(RDFNode n) {
        if (n == null) return "";
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : n.toString();
    }
}
