package org.diplokg.rdf;

import org.apache.jena.datatypes.xsd.impl.RDFLangString;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/** Converts terms between Jena and RDF4J, so that Rio can write what Jena holds and the two parsers can be compared. */
public final class RioBridge {
    private RioBridge() {}

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    public static Statement statement(Quad q) {
        Resource ctx = q.isDefaultGraph() ? null : (Resource) value(q.getGraph());
        return VF.createStatement((Resource) value(q.getSubject()), VF.createIRI(q.getPredicate().getURI()),
                value(q.getObject()), ctx);
    }

    public static Value value(Node n) {
        if (n.isURI()) return VF.createIRI(n.getURI());
        if (n.isBlank()) return VF.createBNode(n.getBlankNodeLabel());
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) return VF.createLiteral(n.getLiteralLexicalForm(), lang);
            if (n.getLiteralDatatype() instanceof RDFLangString) return VF.createLiteral(n.getLiteralLexicalForm());
            return VF.createLiteral(n.getLiteralLexicalForm(), VF.createIRI(n.getLiteralDatatypeURI()));
        }
        throw new IllegalArgumentException("not an RDF term: " + n);
    }

    public static Quad quad(Statement st) {
        Node g = st.getContext() == null ? Quad.defaultGraphIRI : node(st.getContext());
        return Quad.create(g, node(st.getSubject()), node(st.getPredicate()), node(st.getObject()));
    }

    public static Node node(Value v) {
        if (v.isIRI()) return NodeFactory.createURI(v.stringValue());
        if (v.isBNode()) return NodeFactory.createBlankNode(v.stringValue());
        if (v instanceof Literal lit) {
            if (lit.getLanguage().isPresent()) return NodeFactory.createLiteralLang(lit.getLabel(), lit.getLanguage().get());
            return NodeFactory.createLiteralDT(lit.getLabel(), TypeMapper.getInstance().getSafeTypeByName(lit.getDatatype().stringValue()));
        }
        throw new IllegalArgumentException("not an RDF term: " + v);
    }
}
