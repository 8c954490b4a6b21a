package org.diplokg.convert.model;

/** What the article says became of an event, each with its dkg: individual. */
public enum EventStatus {
    HELD("Held"), PLANNED("Planned"), PROPOSED("Proposed"), CANCELLED("Cancelled"), POSTPONED("Postponed");

    public final String individual;

    EventStatus(String individual) { this.individual = individual; }
}
