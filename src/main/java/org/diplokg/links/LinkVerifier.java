package org.diplokg.links;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.QuerySolution;

/**
 * Checks each owl:sameAs link against a Wikidata SPARQL endpoint: the item's English label against the recorded
 * dkg:wikidataLabel, its instance-of (P31) against the entity's dkg: class, and whether the item exists at all or
 * has been merged into another (Wikidata's RDF states a redirect as {@code wd:Qold owl:sameAs wd:Qnew}).
 * Items are asked for in batches, one VALUES block per request.
 */
public final class LinkVerifier {

    public enum Problem { MISSING, REDIRECTED, LABEL, TYPE }

    public record Finding(Link link, Problem problem, String detail) {
        public String line() {
            return link.qid() + "\t" + problem + "\t" + link.entity() + "\t" + detail;
        }
    }

    private final PoliteSparqlClient client;
    private final int batchSize;

    public LinkVerifier(PoliteSparqlClient client, int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
    }

    /** Every problem found, in the order of {@code links}; links without an item are skipped. */
    public List<Finding> verify(List<Link> links) {
        List<Link> linked = links.stream().filter(l -> l.item() != null).toList();
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < linked.size(); i += batchSize)
            out.addAll(verifyBatch(linked.subList(i, Math.min(linked.size(), i + batchSize))));
        return out;
    }

    static String query(List<Link> batch) {
        StringBuilder values = new StringBuilder();
        for (Link l : batch) values.append(" <").append(l.item()).append('>');
        return """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                PREFIX wdt: <http://www.wikidata.org/prop/direct/>
                SELECT ?item ?label ?type ?redirect WHERE {
                  VALUES ?item {%s }
                  OPTIONAL { ?item rdfs:label ?label FILTER (lang(?label) = "en") }
                  OPTIONAL { ?item wdt:P31 ?type }
                  OPTIONAL { ?item owl:sameAs ?redirect }
                }""".formatted(values);
    }

    private List<Finding> verifyBatch(List<Link> batch) {
        Map<String, String> labels = new HashMap<>();
        Map<String, Set<String>> types = new HashMap<>();
        Map<String, String> redirects = new HashMap<>();
        for (QuerySolution s : client.select(query(batch))) {
            String item = s.getResource("item").getURI();
            if (s.contains("label")) labels.put(item, s.getLiteral("label").getLexicalForm());
            if (s.contains("type")) types.computeIfAbsent(item, k -> new LinkedHashSet<>()).add(s.getResource("type").getURI());
            if (s.contains("redirect")) redirects.put(item, s.getResource("redirect").getURI());
        }
        List<Finding> out = new ArrayList<>();
        for (Link l : batch) {
            String item = l.item();
            if (redirects.containsKey(item)) {
                out.add(new Finding(l, Problem.REDIRECTED, "redirects to " + redirects.get(item)));
                continue;
            }
            if (!labels.containsKey(item) && !types.containsKey(item)) {
                out.add(new Finding(l, Problem.MISSING, "no English label and no instance-of at the endpoint"));
                continue;
            }
            String label = labels.get(item);
            if (l.recordedLabel() != null && !l.recordedLabel().equals(label))
                out.add(new Finding(l, Problem.LABEL, "recorded \"" + l.recordedLabel() + "\", Wikidata \"" + (label == null ? "" : label) + "\""));
            Set<String> p31 = types.getOrDefault(item, Set.of());
            if (!l.expectedTypes().isEmpty() && p31.stream().noneMatch(l.expectedTypes()::contains))
                out.add(new Finding(l, Problem.TYPE, "expected instance of " + qids(l.expectedTypes()) + ", Wikidata has " + qids(p31)));
        }
        return out;
    }

    static String qids(Set<String> iris) {
        return iris.isEmpty() ? "none" : String.join(", ", iris.stream().map(s -> s.substring(s.lastIndexOf('/') + 1)).sorted().toList());
    }
}
