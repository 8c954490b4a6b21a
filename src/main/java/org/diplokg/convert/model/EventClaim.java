package org.diplokg.convert.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One event as one article reports it. Filled in by the event stage; the merge stage gives it its IRI. */
public final class EventClaim {
    public EventType type;
    public final Span trigger;
    public final int sentence;
    /** The last sentence that reports it (later definite mentions refer back to recently mentioned events). */
    public int lastSentence;
    public final Set<Entity> participants = new LinkedHashSet<>();
    public Entity host;
    public Entity place;
    public DateValue date;
    public EventStatus status = EventStatus.HELD;
    /** ISO-8601 duration, e.g. "PT7H". */
    public String duration;
    public EventClaim sidelinesOf;
    public Integer ordinal;
    public String ordinalScope;
    /** For commemorations and anniversaries: the document or event remembered. */
    public Entity commemorates;
    public Integer anniversaryNumber;
    /** Known only from a presupposition ("the first talks since November 2022 in Bangkok"), never named again. */
    public boolean presupposed;
    /** Every span of this article that reports the event (the first is the one that introduced it). */
    public final List<Span> evidence = new ArrayList<>();
    /** Set by the merge stage: the IRI shared by every article's report of the same real-world event. */
    public String iri;
    /** Id of the rule that found it (a trigger of event-triggers.tsv, or a named mechanism). */
    public String rule;
    /** The rule of an evidence span added later (a report that refers back to this event); the others are {@link #rule}'s. */
    public final java.util.Map<Span, String> evidenceRules = new java.util.HashMap<>();

    public EventClaim(EventType type, Span trigger, int sentence) {
        this.type = type;
        this.trigger = trigger;
        this.sentence = sentence;
        this.lastSentence = sentence;
        evidence.add(trigger);
    }
}
