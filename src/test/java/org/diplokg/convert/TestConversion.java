package org.diplokg.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diplokg.TestProject;

/**
 * Converts the project's articles once per test JVM into a temporary directory, so tests can compare a fresh
 * conversion with the committed data/kg/. The CoreNLP annotations come from the committed data/annotations/ only
 * (an article without one fails), so DiploKG's own stages run without loading CoreNLP's models;
 * {@code AnnotateStageTest} shows a fresh annotation equals the committed one.
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
                result = new Converter(reference, AnnotationCache.committedOnly(TestProject.LAYOUT), out, 2).run(loaded.articles(), null);
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
