package org.diplokg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.main.QueryEngineMain;
import org.apache.jena.sparql.expr.E_Coalesce;
import org.apache.jena.sparql.expr.E_Conditional;
import org.apache.jena.sparql.expr.E_Equals;
import org.apache.jena.sparql.expr.E_Lang;
import org.apache.jena.sparql.expr.E_Str;
import org.apache.jena.sparql.expr.E_StrAfter;
import org.apache.jena.sparql.expr.E_StrStartsWith;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.PatternVars;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformer;
import org.apache.jena.sparql.util.Context;
import org.diplokg.vocab.DKG;

/**
 * The Wikidata Query Service's label service, {@code SERVICE wikibase:label { bd:serviceParam wikibase:language
 * "en,ja" }}, answered from the data being queried (the offline Wikidata slice, or DiploKG itself), so common WDQS
 * queries run unchanged with {@code --offline}. As on WDQS it runs after the rest of its group: for each variable
 * {@code ?xLabel}, {@code ?xDescription} or {@code ?xAltLabel} that the query mentions and whose {@code ?x} the
 * group binds, it binds the {@code rdfs:label}, {@code schema:description} or a {@code skos:altLabel} of
 * {@code ?x} in the first language listed that has one (WDQS joins all alternative labels with commas; here it is
 * one of them); a label falls back to the Q-id (or the IRI). Triples inside the block ({@code ?x rdfs:label ?name}) name the variables instead ("manual mode").
 * <p>
 * It is a rewrite of the query into plain SPARQL (OPTIONAL and BIND) by a query engine installed in the dataset's
 * context, so SERVICE is never called and the SERVICE allowlist is not involved.
 */
public final class LabelService {
    private LabelService() {}

    static final String WIKIBASE = "http://wikiba.se/ontology#";
    static final Node LABEL_SERVICE = NodeFactory.createURI(WIKIBASE + "label");
    private static final Node LANGUAGE = NodeFactory.createURI(WIKIBASE + "language");
    private static final Node RDFS_LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    private static final Node DESCRIPTION = NodeFactory.createURI("http://schema.org/description");
    private static final Node ALT_LABEL = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel");
    private static final Pattern LABEL_VAR = Pattern.compile("\\?(\\w+?)(AltLabel|Label|Description)\\b");

    /** Installs the label service in a dataset's context. */
    public static void install(Context cxt) {
        QueryEngineRegistry registry = QueryEngineRegistry.chooseRegistry(cxt).copy();
        registry.add(FACTORY);
        QueryEngineRegistry.set(cxt, registry);
    }

    private static final QueryEngineFactory FACTORY = new QueryEngineFactory() {
        @Override public boolean accept(Query query, DatasetGraph dsg, Context cxt) {
            return uses(query) && !rewrite(query).getQueryPattern().equals(query.getQueryPattern());
        }
        @Override public Plan create(Query query, DatasetGraph dsg, Binding input, Context cxt) {
            return QueryEngineMain.getFactory().create(rewrite(query), dsg, input, cxt);
        }
        @Override public boolean accept(org.apache.jena.sparql.algebra.Op op, DatasetGraph dsg, Context cxt) { return false; }
        @Override public Plan create(org.apache.jena.sparql.algebra.Op op, DatasetGraph dsg, Binding input, Context cxt) {
            throw new UnsupportedOperationException();
        }
    };

    static boolean uses(Query q) {
        if (q.getQueryPattern() == null) return false;
        boolean[] found = {false};
        ElementWalker.walk(q.getQueryPattern(), new ElementVisitorBase() {
            @Override public void visit(ElementService el) {
                if (LABEL_SERVICE.equals(el.getServiceNode())) found[0] = true;
            }
        });
        return found[0];
    }

    /** The query with every label-service block replaced by the OPTIONAL/BIND patterns it stands for. */
    static Query rewrite(Query q) {
        // Mentioned label variables, wherever they occur (projection, ORDER BY, FILTER).
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        Matcher m = LABEL_VAR.matcher(q.toString());
        while (m.find()) wanted.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(m.group(2));
        int[] counter = {0};
        Query out = q.cloneQuery();
        out.setQueryPattern(ElementTransformer.transform(q.getQueryPattern(), new ElementTransformCopyBase() {
            /** A label service inside another SERVICE is the remote endpoint's to answer. */
            @Override
            public Element transform(ElementService el, Node service, Element inner) {
                return el;
            }

            @Override
            public Element transform(ElementGroup group, List<Element> members) {
                List<ElementService> services = new ArrayList<>();
                ElementGroup g = new ElementGroup();
                for (Element e : members) {
                    if (e instanceof ElementService s && LABEL_SERVICE.equals(s.getServiceNode())) services.add(s);
                    else g.addElement(e);
                }
                if (services.isEmpty()) return super.transform(group, members);
                Set<Var> inScope = new LinkedHashSet<>(PatternVars.vars(g));
                for (ElementService s : services) {
                    List<String> languages = languages(s);
                    List<Triple> manual = manualTriples(s);
                    if (!manual.isEmpty()) {
                        for (Triple t : manual)
                            if (t.getSubject().isVariable() && t.getObject().isVariable())
                                bind(g, t.getSubject(), t.getPredicate(), Var.alloc(t.getObject()), languages, counter);
                    } else {
                        for (Var x : inScope)
                            for (String kind : wanted.getOrDefault(x.getVarName(), Set.of())) {
                                Node p = kind.equals("Label") ? RDFS_LABEL : kind.equals("Description") ? DESCRIPTION : ALT_LABEL;
                                Var target = Var.alloc(x.getVarName() + kind);
                                if (!inScope.contains(target)) bind(g, x, p, target, languages, counter);
                            }
                    }
                }
                return g;
            }
        }));
        return out;
    }

    /**
     * OPTIONAL { ?x p ?v_i FILTER (lang(?v_i) = l_i) } for each language, then BIND (COALESCE(?v_1, ..., fallback) AS ?target).
     * The helper variables are ARQ's hidden ones ({@code ??...}), so SELECT * does not show them.
     */
    private static void bind(ElementGroup g, Node x, Node p, Var target, List<String> languages, int[] counter) {
        ExprList choices = new ExprList();
        for (String lang : languages) {
            Var v = Var.alloc("?lbl" + counter[0]++);
            ElementGroup opt = new ElementGroup();
            ElementPathBlock block = new ElementPathBlock();
            block.addTriple(new TriplePath(Triple.create(x, p, v)));
            opt.addElement(block);
            opt.addElement(new ElementFilter(new E_Equals(new E_Lang(new ExprVar(v)), NodeValue.makeString(lang))));
            g.addElement(new ElementOptional(opt));
            choices.add(new ExprVar(v));
        }
        if (p.equals(RDFS_LABEL) && x.isVariable()) {
            Expr str = new E_Str(new ExprVar(x));
            Expr wd = NodeValue.makeString(DKG.WD);
            choices.add(new E_Conditional(new E_StrStartsWith(str, wd), new E_StrAfter(str, wd), str));
        }
        g.addElement(new ElementBind(target, new E_Coalesce(choices)));
    }

    /** bd:serviceParam wikibase:language "en,ja" (WDQS's [AUTO_LANGUAGE] is English here); English by default. */
    private static List<String> languages(ElementService s) {
        List<String> out = new ArrayList<>();
        for (Triple t : triples(s))
            if (LANGUAGE.equals(t.getPredicate()) && t.getObject().isLiteral())
                for (String l : t.getObject().getLiteralLexicalForm().split(","))
                    if (!l.isBlank()) out.add(l.strip().equals("[AUTO_LANGUAGE]") ? "en" : l.strip());
        return out.isEmpty() ? List.of("en") : out.stream().distinct().toList();
    }

    private static List<Triple> manualTriples(ElementService s) {
        return triples(s).stream().filter(t -> t.getPredicate().equals(RDFS_LABEL) || t.getPredicate().equals(DESCRIPTION)
                || t.getPredicate().equals(ALT_LABEL)).toList();
    }

    private static List<Triple> triples(ElementService s) {
        List<Triple> out = new ArrayList<>();
        ElementWalker.walk(s.getElement(), new ElementVisitorBase() {
            @Override public void visit(ElementPathBlock el) {
                el.getPattern().forEach(tp -> { if (tp.isTriple()) out.add(tp.asTriple()); });
            }
            @Override public void visit(ElementTriplesBlock el) { out.addAll(el.getPattern().getList()); }
        });
        return out;
    }
}
