package org.diplokg;

/**
 * A problem with the user's input (a file, a query, an option) rather than a bug.
 * The message is one line naming what and where; the command line prints it without a stack trace.
 */
public class UserException extends RuntimeException {
    public UserException(String message) { super(message); }
    public UserException(String message, Throwable cause) { super(message, cause); }

    /** Collapses a library's multi-line message (parser errors, reasoner reports) into one line. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
