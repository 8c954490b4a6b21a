package org.diplokg.links;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.QuerySolution;

/**
 * Finds Wikidata candidates for entities without a link: items whose label in English equals the entity's English
 * label exactly, with their instance-of (P31). A candidate is only marked for linking when it is the only one
 * and its type agrees with the entity's dkg: class; everything else goes to a person for review.
 */
public final class LinkSuggester {

    public enum Verdict { LINK, REVIEW_TYPE, REVIEW_AMBIGUOUS, NONE }

    public record Suggestion(Link entity, Verdict verdict, List<Candidate> candidates) {}

    public record Candidate(String item, Set<String> types, boolean typeAgrees) {}

    private final PoliteSparqlClient client;
    private final int batchSize;

    public LinkSuggester(PoliteSparqlClient client, int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
    }

    public List<Suggestion> suggest(List<Link> links) {
        List<Link> unlinked = links.stream().filter(l -> l.item() == null).toList();
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < unlinked.size(); i += batchSize)
            out.addAll(batch(unlinked.subList(i, Math.min(unlinked.size(), i + batchSize))));
        return out;
    }

    static String query(List<Link> batch) {
        StringBuilder values = new StringBuilder();
        for (Link l : batch)
            values.append(" \"").append(l.label().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"@en");
        return """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX wdt: <http://www.wikidata.org/prop/direct/>
                SELECT ?label ?item ?type WHERE {
                  VALUES ?label {%s }
                  ?item rdfs:label ?label .
                  FILTER (STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q"))
                  OPTIONAL { ?item wdt:P31 ?type }
                }""".formatted(values);
    }

    private List<Suggestion> batch(List<Link> batch) {
        Map<String, Map<String, Set<String>>> byLabel = new LinkedHashMap<>();
        for (QuerySolution s : client.select(query(batch))) {
            var items = byLabel.computeIfAbsent(s.getLiteral("label").getLexicalForm(), k -> new LinkedHashMap<>());
            var types = items.computeIfAbsent(s.getResource("item").getURI(), k -> new LinkedHashSet<>());
            if (s.contains("type")) types.add(s.getResource("type").getURI());
        }
        List<Suggestion> out = new ArrayList<>();
        for (Link l : batch) {
            List<Candidate> cands = new ArrayList<>();
            byLabel.getOrDefault(l.label(), Map.of()).forEach((item, types) ->
                    cands.add(new Candidate(item, types, types.stream().anyMatch(l.expectedTypes()::contains))));
            Verdict v = cands.isEmpty() ? Verdict.NONE
                    : cands.size() > 1 ? Verdict.REVIEW_AMBIGUOUS
                    : cands.get(0).typeAgrees() ? Verdict.LINK : Verdict.REVIEW_TYPE;
            out.add(new Suggestion(l, v, cands));
        }
        return out;
    }
}
