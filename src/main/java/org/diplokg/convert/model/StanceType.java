package org.diplokg.convert.model;

/** The classes of stance, each with its dkg: individual. */
public enum StanceType {
    SUPPORT("Support"), OPPOSE("Oppose"), URGE("Urge"), REAFFIRM("Reaffirm"), CONCERN("Concern");

    public final String individual;

    StanceType(String individual) { this.individual = individual; }
}
