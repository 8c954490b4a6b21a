package org.diplokg.convert.model;

/**
 * A half-open range [begin, end) of an article's original text, as Java string (UTF-16) indices; the emitter
 * turns them into the Unicode code point offsets the KG publishes.
 */
public record Span(int begin, int end) implements Comparable<Span> {
    public Span {
        if (begin < 0 || end < begin) throw new IllegalArgumentException("bad span " + begin + ".." + end);
    }

    public boolean contains(Span other) { return begin <= other.begin && other.end <= end; }
    public boolean overlaps(Span other) { return begin < other.end && other.begin < end; }

    @Override
    public int compareTo(Span o) {
        return begin != o.begin ? Integer.compare(begin, o.begin) : Integer.compare(end, o.end);
    }
}
