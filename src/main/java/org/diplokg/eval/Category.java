package org.diplokg.eval;

import java.util.Locale;

/** The scored categories of FORMAT.md, in report order; {@link #key()} is the name used in gold and JSON files. */
public enum Category {
    ENTITIES, POSTS, EVENTS, MERGES, QUOTES, STANCES, DOCUMENTS, CONCEPTS, LINKS;

    public String key() { return name().toLowerCase(Locale.ROOT); }
}
