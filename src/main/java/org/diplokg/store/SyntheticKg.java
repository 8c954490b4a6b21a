package org.diplokg.store;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplokg.vocab.DKG;

/**
 * A synthetic knowledge graph shaped like {@code data/kg}, for the store benchmark: the project's ontology and
 * reference graphs once, and the converted articles' graphs copied as many times as it takes to reach a size.
 * Copy {@code i} renames every resource the articles minted (people, events, quotations, the article graphs
 * themselves: IRIs under {@code resource/} that the reference data does not describe) by appending {@code -s<i>},
 * renames blank nodes alike, and moves each date {@code i} days later, so that copies are distinct events on
 * distinct days that still link to the same countries, offices and leaders. Deterministic for a given size.
 */
public final class SyntheticKg {

    private static final String RESOURCE = "https://w3id.org/diplokg/resource/";

    private final List<Quad> fixed = new ArrayList<>();
    private final List<Quad> articles = new ArrayList<>();
    private final Set<Node> shared = new HashSet<>();

    /** Reads the templates: ontology and reference graphs, and the article graphs of {@code layout}'s KG (without entailment). */
    public SyntheticKg(ProjectLayout layout) {
        DatasetGraph src = KgDataset.loadReference(layout);
        Txn.executeWrite(src, () -> {
            for (var f : layout.kgFiles()) org.diplokg.rdf.RdfFiles.readInto(src, f, null);
        });
        Node ontology = DKG.graph(DKG.GRAPH_ONTOLOGY), reference = DKG.graph(DKG.GRAPH_REFERENCE);
        Txn.executeRead(src, () -> src.find().forEachRemaining(q -> {
            if (q.getGraph().equals(ontology) || q.getGraph().equals(reference)) {
                fixed.add(q);
                shared.add(q.getSubject());
            } else {
                articles.add(q);
            }
        }));
        if (articles.isEmpty())
            throw new org.diplokg.UserException(layout.kgDir() + ": no converted articles to copy (run kg convert)");
    }

    /** Quads in the ontology and reference graphs (present once at any size). */
    public int fixedSize() { return fixed.size(); }

    /** Quads in one copy of the articles' graphs. */
    public int copySize() { return articles.size(); }

    /** Copies of the articles needed for about {@code quads} stated quads in all (at least one). */
    public int copiesFor(long quads) {
        return (int) Math.max(1, Math.round((double) (quads - fixed.size()) / articles.size()));
    }

    /** Sends the ontology and reference graphs and {@code copies} copies of the articles' graphs to {@code out}. */
    public long emit(int copies, StreamRDF out) {
        long n = 0;
        for (Quad q : fixed) { out.quad(q); n++; }
        for (int i = 0; i < copies; i++)
            for (Quad q : articles) {
                out.quad(Quad.create(rename(q.getGraph(), i), rename(q.getSubject(), i), q.getPredicate(), rename(q.getObject(), i)));
                n++;
            }
        return n;
    }

    private Node rename(Node n, int copy) {
        if (copy == 0) return n;
        if (n.isBlank()) return NodeFactory.createBlankNode(n.getBlankNodeLabel() + "-s" + copy);
        if (n.isURI() && n.getURI().startsWith(RESOURCE) && !shared.contains(n)) return NodeFactory.createURI(n.getURI() + "-s" + copy);
        if (n.isLiteral() && XSDDatatype.XSDdate.getURI().equals(n.getLiteralDatatypeURI())) {
            try {
                return NodeFactory.createLiteralDT(LocalDate.parse(n.getLiteralLexicalForm()).plusDays(copy).toString(), XSDDatatype.XSDdate);
            } catch (DateTimeParseException e) {
                return n;
            }
        }
        return n;
    }
}
