package org.diplokg.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diplokg.UserException;

/**
 * Reads an article's text file and refuses what is not a plain-text article: too big, empty, binary,
 * not UTF-8, or a saved web page. Each refusal is a {@link UserException} whose message is the cause only
 * (the loader prefixes the file name).
 */
final class ArticleText {

    /** Longer than any news article; a bigger file is a dump, a book or a mistake, and would stall CoreNLP. */
    static final long MAX_BYTES = 1_000_000;

    /** Markup of common HTML elements; plain text of a news article contains a few at most. */
    private static final Pattern HTML_TAG = Pattern.compile(
            "</?(?:html|head|body|div|span|p|a|br|img|script|style|meta|link|ul|ol|li|table|tr|td|h[1-6]"
                    + "|strong|em|b|i|article|section|header|footer|nav|figure|figcaption)(?:\\s[^<>]*)?/?>",
            Pattern.CASE_INSENSITIVE);
    /** This many HTML tags make a file a web page rather than text. */
    private static final int HTML_TAG_LIMIT = 5;

    private ArticleText() {}

    static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES)
            throw new UserException("is " + size + " bytes, over the " + MAX_BYTES / 1_000_000
                    + " MB limit for one article");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++)
            if (bytes[i] == 0)
                throw new UserException("is binary, not text (NUL byte at byte offset " + i + ")");
        String text = decodeUtf8(bytes);
        // A byte order mark is an encoding artefact, not part of the article; offsets start after it.
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw new UserException("is empty");
        checkControlCharacters(text);
        checkNotHtml(text);
        return text;
    }

    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError())
            throw new UserException("is not valid UTF-8 (bad byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + " at byte offset " + in.position()
                    + "); save it as UTF-8 text");
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Other C0 control characters than tab and line breaks mean a binary or corrupted file. */
    private static void checkControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                throw new UserException("is binary, not text (control character U+"
                        + String.format("%04X", (int) c) + " at line " + lineOf(text, i) + ")");
        }
    }

    private static void checkNotHtml(String text) {
        String start = text.stripLeading();
        String head = start.substring(0, Math.min(start.length(), 20)).toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype") || head.startsWith("<html") || head.startsWith("<?xml"))
            throw new UserException("is HTML or XML, not plain text (starts with "
                    + start.substring(0, start.indexOf('>') > 0 ? Math.min(start.indexOf('>') + 1, 20) : 9)
                    + "); save the article's text instead");
        Matcher m = HTML_TAG.matcher(text);
        int tags = 0;
        while (m.find()) {
            if (++tags >= HTML_TAG_LIMIT)
                throw new UserException("is HTML, not plain text (" + HTML_TAG_LIMIT + " or more HTML tags, the "
                        + HTML_TAG_LIMIT + "th at line " + lineOf(text, m.start()) + "); save the article's text instead");
        }
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
