package org.diplokg.convert.model;

/** Kinds of diplomatic event, each with its dkg: class. */
public enum EventType {
    MEETING("Meeting"), SUMMIT("Summit"), TALKS("Talks"), VISIT("Visit"), PHONE_CALL("PhoneCall"),
    CONFERENCE("Conference"), COMMEMORATION("Commemoration"), ANNIVERSARY("Anniversary"), INTERVIEW("Interview"),
    AGREEMENT("Agreement"), SPEECH("Speech");

    public final String ontologyClass;

    EventType(String ontologyClass) { this.ontologyClass = ontologyClass; }

    /** Summits, meetings and talks are reported interchangeably for the same encounter: one family. */
    public boolean sameFamily(EventType other) {
        return family() == other.family();
    }

    private int family() {
        return switch (this) {
            case SUMMIT, MEETING, TALKS -> 0;
            default -> ordinal() + 1;
        };
    }
}
