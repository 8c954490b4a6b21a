package org.diplokg.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the KG says, in the gold's terms, as the queries in {@code queries/eval/} return it.
 * Nodes are IRIs; {@link #entities} describes every named entity so that holders, participants and speakers
 * can be resolved to gold entities by name and type.
 *
 * @param entities  every named entity by IRI
 * @param wikidata  the Q-id each linked entity is owl:sameAs
 * @param articles  per article stem, the items with evidence in it
 */
public record SystemItems(Map<String, Entity> entities, Map<String, String> wikidata, Map<String, Article> articles) {

    /**
     * Where an item's first evidence span is in the article (code points) and its words, and the extraction rules
     * of all its evidence of the item's kind in the article (qualified ids, sorted; empty when the KG names none).
     */
    public record Evidence(int begin, int end, String text, List<String> rules) {
        public static final Evidence NONE = new Evidence(-1, -1, null);

        public Evidence {
            rules = rules.stream().sorted().distinct().toList();
        }

        /** Evidence whose rules are not known. */
        public Evidence(int begin, int end, String text) { this(begin, end, text, List.of()); }
    }

    /**
     * @param type       a gold entity type (Person, Organization, Country, Place, Document, PolicyConcept)
     * @param names      English label and aliases
     * @param represents IRIs of the countries the entity speaks for (through its posts or affiliation)
     */
    public record Entity(String iri, String type, String label, List<String> names, Set<String> represents) {}

    /** The items of one article; every list is in a deterministic order (by evidence offset, then IRI). */
    public record Article(List<Mention> mentions, List<Post> posts, List<Event> events, List<Quote> quotes,
                          List<Stance> stances, List<Document> documents, List<ConceptRelation> concepts) {
        public static final Article EMPTY = new Article(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public record Mention(String entity, Evidence evidence) {}

    /** @param of the organisation or country the post is in, or null; @param former described as past in this article */
    public record Post(String holding, String holder, String postLabel, String of, boolean former, Evidence evidence) {}

    /**
     * @param types        gold event types of its classes (Summit, Meeting, ...)
     * @param placeWithin  the place and everything it lies in
     * @param status       held, planned, proposed, cancelled or postponed, or null
     */
    public record Event(String iri, String label, Set<String> types, Set<String> participants, String date, String start,
                        String end, String earliest, String latest, String place, Set<String> placeWithin, String status,
                        Evidence evidence) {}

    /** @param speaker the speaker's IRI, null when no one; @param unnamed the speaker is a dkg:UnnamedSource or absent */
    public record Quote(String iri, String text, String speaker, String speakerLabel, boolean unnamed, Evidence evidence) {}

    /** @param issueLabels the issue's English labels */
    public record Stance(String iri, String holder, String stance, String issue, List<String> issueLabels, Evidence evidence) {}

    /** @param date the signing date, or null */
    public record Document(String iri, String date, Evidence evidence) {}

    /** @param relation introducedBy, agreedIn, codifiedIn or reaffirmedIn; @param targetDate the target's date, or null */
    public record ConceptRelation(String concept, String relation, String target, String targetDate, Evidence evidence) {}
}
