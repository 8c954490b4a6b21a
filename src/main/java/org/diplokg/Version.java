package org.diplokg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** DiploKG's version, as the build wrote it into {@code diplokg.properties} (the same in the jar and in tests). */
public final class Version {
    private Version() {}

    private static final String VERSION = read();

    public static String get() { return VERSION; }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/diplokg.properties")) {
            if (in == null) throw new IllegalStateException("missing resource /diplokg.properties (build with Maven)");
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.contains("${")) throw new IllegalStateException("diplokg.properties was not filtered by the build: " + v);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
