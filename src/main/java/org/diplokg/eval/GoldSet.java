package org.diplokg.eval;

import java.util.List;
import java.util.Map;

/**
 * A gold set as FORMAT.md defines it: the reference entities and one annotated article per stem.
 * Entity references ({@code holder}, {@code participants}, ...) are gold entity ids; the loader has checked them.
 *
 * @param entities the reference entities by id, in file order
 * @param articles the annotated articles, sorted by stem
 */
public record GoldSet(Map<String, Entity> entities, List<Article> articles) {

    /** The entity types of FORMAT.md. */
    public static final List<String> ENTITY_TYPES = List.of("Person", "Organization", "Country", "Place", "Document", "PolicyConcept");
    /** The event types of FORMAT.md. */
    public static final List<String> EVENT_TYPES = List.of("Summit", "Meeting", "Talks", "PhoneCall", "Visit", "Conference", "Commemoration", "Interview", "Agreement");
    public static final List<String> STATUSES = List.of("held", "planned", "cancelled", "postponed");
    public static final List<String> STANCES = List.of("support", "oppose", "urge", "reaffirm", "concern");
    public static final List<String> CONCEPT_RELATIONS = List.of("introducedBy", "agreedIn", "codifiedIn", "reaffirmedIn");

    /** @param wikidata a Q-id, or null where the gold makes no claim */
    public record Entity(String id, String type, List<String> names, String wikidata) {}

    /** @param optional entity ids neither required nor wrong */
    public record Article(String stem, List<String> required, List<String> optional, List<Post> posts, List<Event> events,
                          List<Quote> quotes, List<Stance> stances, List<DocumentItem> documents, List<ConceptRelation> concepts) {}

    /** @param of may be null; @param current false when the article calls the holding past, else null or true */
    public record Post(String holder, String role, String of, Boolean current, boolean optional) {}

    /** @param date {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD} or {@code start/end}; null is not scored. @param place null is not scored */
    public record Event(String id, String type, List<String> participants, String place, String date, String status, boolean optional) {}

    /** @param speaker a gold entity id, or null for an unnamed source */
    public record Quote(String speaker, String starts, boolean optional) {}

    public record Stance(String holder, List<String> issue, String stance, boolean optional) {}

    /** @param date a year (or finer), or null when not scored */
    public record DocumentItem(String id, String date, boolean optional) {}

    /**
     * One relation of a concept's history, each scored as one item.
     * @param value a gold entity id, a gold event id of the same article, or a date such as {@code 2006}
     */
    public record ConceptRelation(String concept, String relation, String value, boolean optional) {}
}
