package org.diplokg.convert.model;

/**
 * A date as precisely as the article gives it. Values are lexical forms whose shape is their precision:
 * "2023-11-16" (xsd:date), "2023-11" (xsd:gYearMonth), "2023" (xsd:gYear).
 *
 * @param date     the single date, when there is one
 * @param start    first day of a range ("Aug. 28-30"), else null
 * @param end      last day of a range, else null
 * @param earliest lower bound of an uncertain date ("early November 2023"), else null
 * @param latest   upper bound of an uncertain date, else null
 * @param text     the words the article uses
 */
public record DateValue(String date, String start, String end, String earliest, String latest, String text) {
    public static DateValue of(String date, String text) { return new DateValue(date, null, null, null, null, text); }
    public static DateValue range(String start, String end, String text) { return new DateValue(null, start, end, null, null, text); }

    /**
     * When, as precisely as is certain: the single date, else the range's start, else what the bounds of an
     * uncertain date share ("2023-11" for a week within November), else null.
     */
    public String anchor() {
        if (date != null) return date;
        if (start != null) return start;
        if (earliest == null || latest == null) return null;
        if (earliest.substring(0, 7).equals(latest.substring(0, 7))) return earliest.substring(0, 7);
        if (earliest.substring(0, 4).equals(latest.substring(0, 4))) return earliest.substring(0, 4);
        return null;
    }

    /** Whether two dates can be the same at the coarser precision; an unknown date agrees with any. */
    public static boolean agree(DateValue a, DateValue b) {
        String x = a == null ? null : a.anchor(), y = b == null ? null : b.anchor();
        return x == null || y == null || x.startsWith(y) || y.startsWith(x);
    }

    public static DateValue between(String earliest, String latest, String text) {
        return new DateValue(null, null, null, earliest, latest, text);
    }
}
