package org.diplokg.web;

import static org.diplokg.web.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.diplokg.vocab.DKG;

/**
 * The ontology's documentation page, generated from {@code ontology/diplokg.ttl} as it is (no inference): the
 * header metadata, then every DiploKG class, property, datatype and individual with its label, comment, domain,
 * range, super- and sub-terms and alignments. Each term has an anchor named by its local name, so the term IRI
 * {@code dkg:Person} (= {@code .../ontology#Person}) opens at its entry.
 */
final class OntologyPage {
    private OntologyPage() {}

    static final String VANN = "http://purl.org/vocab/vann/";
    private static final Property WIKIDATA_LABEL = ResourceFactory.createProperty(DKG.NS, "wikidataLabel");

    private record Section(String id, String heading, List<Resource> types) {}

    private static final List<Section> SECTIONS = List.of(
            new Section("classes", "Classes", List.of(OWL2.Class)),
            new Section("object-properties", "Object properties", List.of(OWL2.ObjectProperty)),
            new Section("datatype-properties", "Datatype properties", List.of(OWL2.DatatypeProperty)),
            new Section("annotation-properties", "Annotation properties", List.of(OWL2.AnnotationProperty)),
            new Section("datatypes", "Datatypes", List.of(RDFS.Datatype)),
            new Section("individuals", "Named individuals", List.of(OWL2.NamedIndividual)));

    /** The DiploKG terms of a section, in label order. */
    static List<Resource> terms(Model m, Section s) {
        return s.types.stream().flatMap(t -> m.listResourcesWithProperty(RDF.type, t).toList().stream())
                .filter(r -> r.isURIResource() && r.getURI().startsWith(DKG.NS)).distinct()
                .sorted(Comparator.comparing(r -> r.getLocalName().toLowerCase())).toList();
    }

    /** Every DiploKG term the ontology declares. */
    static List<Resource> allTerms(Model m) {
        return SECTIONS.stream().flatMap(s -> terms(m, s).stream()).distinct().toList();
    }

    static String render(Model m) {
        Resource ont = m.getResource(DKG.ONTOLOGY);
        String title = str(ont, DCTerms.title, str(ont, RDFS.label, "DiploKG ontology"));
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(title)).append("</h1>\n<div class=\"iri\">").append(esc(DKG.ONTOLOGY)).append("</div>\n");
        b.append("<p>").append(esc(str(ont, DCTerms.description, str(ont, RDFS.comment, "")))).append("</p>\n<table>\n");
        row(b, "Ontology IRI", esc(DKG.ONTOLOGY));
        row(b, "Version IRI", values(m, ont, OWL2.versionIRI));
        row(b, "Version", values(m, ont, OWL2.versionInfo));
        row(b, "Preferred prefix", values(m, ont, m.createProperty(VANN, "preferredNamespacePrefix")));
        row(b, "Namespace", values(m, ont, m.createProperty(VANN, "preferredNamespaceUri")));
        row(b, "Creators", values(m, ont, DCTerms.creator));
        row(b, "Publisher", values(m, ont, DCTerms.publisher));
        row(b, "Created", values(m, ont, DCTerms.created));
        row(b, "Modified", values(m, ont, DCTerms.modified));
        row(b, "Licence", values(m, ont, DCTerms.license));
        row(b, "Imports", values(m, ont, OWL2.imports));
        row(b, "Download", "<a href=\"/ontology.ttl\">Turtle</a> · <a href=\"/ontology.nt\">N-Triples</a> · "
                + "<a href=\"/ontology.jsonld\">JSON-LD</a> · <a href=\"/ontology.rdf\">RDF/XML</a>");
        b.append("</table>\n<p>");
        for (Section s : SECTIONS)
            b.append("<a href=\"#").append(s.id).append("\">").append(esc(s.heading)).append(" (")
             .append(terms(m, s).size()).append(")</a> · ");
        b.append("</p>\n");
        for (Section s : SECTIONS) {
            List<Resource> terms = terms(m, s);
            if (terms.isEmpty()) continue;
            b.append("<h2 id=\"").append(s.id).append("\">").append(esc(s.heading)).append("</h2>\n<p class=\"types\">");
            for (Resource t : terms) b.append("<a href=\"#").append(esc(t.getLocalName())).append("\">").append(esc(t.getLocalName())).append("</a> ");
            b.append("</p>\n");
            for (Resource t : terms) b.append(term(m, t));
        }
        return Html.page(title, "<link rel=\"alternate\" type=\"text/turtle\" href=\"/ontology.ttl\">\n", b.toString());
    }

    private static String term(Model m, Resource t) {
        StringBuilder b = new StringBuilder("<div class=\"card\" id=\"").append(esc(t.getLocalName())).append("\">\n<h3>")
                .append(esc(str(t, RDFS.label, t.getLocalName()))).append(" <span class=\"tag\">dkg:").append(esc(t.getLocalName()))
                .append("</span></h3>\n<div class=\"iri\">").append(esc(t.getURI())).append("</div>\n<p>")
                .append(esc(str(t, RDFS.comment, ""))).append("</p>\n<table>\n");
        row(b, "Type", values(m, t, RDF.type));
        row(b, "Super-classes", values(m, t, RDFS.subClassOf));
        row(b, "Sub-classes", subjects(m, RDFS.subClassOf, t));
        row(b, "Equivalent to", values(m, t, OWL2.equivalentClass));
        row(b, "Disjoint with", values(m, t, OWL2.disjointWith) + subjectsSep(m, OWL2.disjointWith, t));
        row(b, "Domain", values(m, t, RDFS.domain));
        row(b, "Range", values(m, t, RDFS.range));
        row(b, "Super-properties", values(m, t, RDFS.subPropertyOf));
        row(b, "Sub-properties", subjects(m, RDFS.subPropertyOf, t));
        row(b, "Inverse of", values(m, t, OWL2.inverseOf) + subjectsSep(m, OWL2.inverseOf, t));
        row(b, "Close match", values(m, t, SKOS.closeMatch));
        row(b, "Exact match", values(m, t, SKOS.exactMatch));
        row(b, "In scheme", values(m, t, SKOS.inScheme));
        row(b, "Instances", subjects(m, RDF.type, t));
        row(b, "Example", values(m, t, SKOS.example));
        row(b, "Note", values(m, t, SKOS.scopeNote));
        return b.append("</table>\n</div>\n").toString();
    }

    private static void row(StringBuilder b, String name, String html) {
        if (!html.isEmpty()) b.append("<tr><th>").append(esc(name)).append("</th><td>").append(html).append("</td></tr>\n");
    }

    private static String values(Model m, Resource s, Property p) {
        return m.listObjectsOfProperty(s, p).toList().stream().map(o -> node(m, o)).sorted().collect(Collectors.joining(" · "));
    }

    private static String subjects(Model m, Property p, Resource o) {
        return m.listSubjectsWithProperty(p, o).toList().stream().filter(Resource::isURIResource).map(s -> node(m, s))
                .sorted().collect(Collectors.joining(" · "));
    }

    private static String subjectsSep(Model m, Property p, Resource o) {
        String s = subjects(m, p, o);
        return s.isEmpty() ? "" : " · " + s;
    }

    /** A term as a link (DiploKG terms to their anchor, Wikidata ones with their label), a class expression in words. */
    private static String node(Model m, RDFNode n) {
        if (n.isLiteral()) return Html.literal(n.asNode());
        Resource r = n.asResource();
        if (r.isURIResource()) {
            String uri = r.getURI();
            String shortForm = m.shortForm(uri);
            String text = uri.startsWith(DKG.NS) ? "dkg:" + r.getLocalName() : shortForm.equals(uri) ? "<" + uri + ">" : shortForm;
            String wd = r.hasProperty(WIKIDATA_LABEL) ? " <span class=\"tag\">(" + esc(r.getProperty(WIKIDATA_LABEL).getString()) + ")</span>" : "";
            String href = uri.startsWith(DKG.NS) ? "#" + r.getLocalName() : uri;
            return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>" + wd;
        }
        for (Property op : List.of(OWL2.unionOf, OWL2.intersectionOf, OWL2.oneOf)) {
            if (r.hasProperty(op)) {
                List<String> parts = new ArrayList<>();
                for (RDFNode x : r.getPropertyResourceValue(op).as(RDFList.class).asJavaList()) parts.add(node(m, x));
                String sep = op.equals(OWL2.unionOf) ? " or " : op.equals(OWL2.intersectionOf) ? " and " : ", ";
                return (op.equals(OWL2.oneOf) ? "one of " : "") + "(" + String.join(sep, parts) + ")";
            }
        }
        if (r.hasProperty(OWL2.complementOf)) return "not " + node(m, r.getPropertyResourceValue(OWL2.complementOf));
        if (r.hasProperty(OWL2.onProperty)) return "(a restriction on " + node(m, r.getPropertyResourceValue(OWL2.onProperty)) + ")";
        return "(an anonymous class)";
    }

    private static String str(Resource r, Property p, String fallback) {
        Literal best = null;
        for (var it = r.listProperties(p); it.hasNext(); ) {
            RDFNode o = it.next().getObject();
            if (!o.isLiteral()) continue;
            Literal l = o.asLiteral();
            if (best == null || l.getLanguage().equals("en")) best = l;
        }
        return best == null ? fallback : best.getLexicalForm();
    }
}
