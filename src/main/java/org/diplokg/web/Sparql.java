package org.diplokg.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.diplokg.vocab.DKG;

/**
 * Read access to the served dataset (the {@code /kg} view: union default graph, RDFS entailment) through SPARQL
 * only, so the pages show what a query would and follow the data wherever the converter takes it.
 */
final class Sparql {
    static final String PREFIXES = DKG.PREFIXES.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> "PREFIX " + e.getKey() + ": <" + e.getValue() + ">\n").collect(Collectors.joining())
            + "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n";

    /** A total order of nodes for stable output. */
    static final java.util.Comparator<Node> NODE_ORDER = java.util.Comparator.comparing(Node::toString);

    private final DatasetGraph dsg;

    Sparql(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** The query with {@code $x} replaced by the node in SPARQL syntax (escaped by Jena's formatter). */
    static String bind(String query, Node x) {
        return query.replace("$x", NodeFmtLib.strNT(x));
    }

    List<Binding> select(String query) {
        return Txn.calculateRead(dsg, () -> {
            List<Binding> rows = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(dsg).query(PREFIXES + query).build()) {
                RowSet rs = qe.select();
                rs.forEachRemaining(rows::add);
            }
            return rows;
        });
    }

    boolean ask(String query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(PREFIXES + query).build()) {
                return qe.ask();
            }
        });
    }

    Graph construct(String query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(PREFIXES + query).build()) {
                return qe.construct();
            }
        });
    }

    /** One display label per IRI: English, else untagged, else any language, else none (absent from the map). */
    Map<Node, String> labels(Collection<Node> nodes) {
        Map<Node, String> out = new HashMap<>();
        List<Node> iris = new LinkedHashSet<>(nodes).stream().filter(Node::isURI).toList();
        for (int i = 0; i < iris.size(); i += 200) {
            String values = iris.subList(i, Math.min(iris.size(), i + 200)).stream().map(NodeFmtLib::strNT)
                    .collect(Collectors.joining(" "));
            Map<Node, Integer> rank = new HashMap<>();
            for (Binding b : select("SELECT ?s ?l WHERE { VALUES ?s { " + values + " } "
                    + "{ ?s rdfs:label ?l } UNION { ?s schema:headline ?l } } ")) {
                Node s = b.get("s"), l = b.get("l");
                if (!l.isLiteral()) continue;
                String lang = l.getLiteralLanguage();
                int r = lang.equals("en") ? 0 : lang.isEmpty() ? 1 : 2;
                String text = l.getLiteralLexicalForm();
                Integer old = rank.get(s);
                // Lowest rank wins; ties go to the lexically smallest label, so a page is the same on every request.
                if (old == null || r < old || (r == old && text.compareTo(out.get(s)) < 0)) {
                    rank.put(s, r);
                    out.put(s, text);
                }
            }
        }
        return out;
    }
}
