package org.diplokg.convert.model;

/** Kinds of diplomatic event, each with its dkg: class. */
public enum EventType {
    MEETING("Meeting"), SUMMIT("Summit"), TALKS("Talks"), VISIT("Visit"), PHONE_CALL("PhoneCall"),
    CONFERENCE("Conference"), COMMEMORATION("Commemoration"), ANNIVERSARY("Anniversary"), INTERVIEW("Interview"),
    AGREEMENT("Agreement"), SPEECH("Speech");

    public final String ontologyClass;

    EventType(String ontologyClass) { this.ontologyClass = ontologyClass; }
}
