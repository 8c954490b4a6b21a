package org.diplokg.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diplokg.TestProject;

/**
 * Converts the project's articles once per test JVM (CoreNLP takes tens of seconds to load) into a
 * temporary directory, so tests can compare a fresh conversion with the committed data/kg/.
 */
public final class TestConversion {
    private TestConversion() {}

    private static Path out;
    private static Converter.Result result;

    public static synchronized Path outputDir() {
        if (out == null) {
            try {
                Path dir = Files.createTempDirectory("diplokg-convert-");
                out = dir.resolve("kg");
                ArticleLoader.Result loaded = ArticleLoader.load(TestProject.LAYOUT.articlesDir());
                if (!loaded.errors().isEmpty())
                    throw new IllegalStateException("article errors: " + loaded.errors());
                ReferenceIndex reference = ReferenceIndex.load(TestProject.LAYOUT);
                // A fresh annotation cache: the test must show the whole pipeline reproduces the committed KG.
                result = new Converter(reference, dir.resolve("cache"), out, 2).run(loaded.articles(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static synchronized Converter.Result result() {
        outputDir();
        return result;
    }
}
