package org.diplokg.server;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks every request before Fuseki sees it, answering in one plain-text line when it refuses:
 * <ul>
 * <li>a body over {@code maxBytes} is a 413 (a junk body of a few MB otherwise costs the parser minutes), and a
 * body of unknown length (chunked) a 411, since its size cannot be checked before it is read;</li>
 * <li>a query string that is not percent-encoded UTF-8 is a 400 (Jetty would fail later, as a 500);</li>
 * <li>on a read-only server, a SPARQL Update anywhere, or any write to a write endpoint, is a 405 saying so;</li>
 * <li>a state-changing request (any method but GET, HEAD, OPTIONS) to a write endpoint that carries an
 * {@code Origin} other than this server's own is a 403: a page on another site must not use an editor's
 * stored credentials to change the data (cross-site request forgery).</li>
 * </ul>
 */
final class RequestGuard implements Filter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final long maxBytes;
    private final Set<String> writePaths;
    private final boolean readOnly;

    /**
     * @param writePaths request paths (as {@code getRequestURI} gives them) whose state-changing requests need a
     *                   same-origin Origin, or, when {@code readOnly}, are refused with a 405 saying why
     */
    RequestGuard(long maxBytes, Set<String> writePaths, boolean readOnly) {
        this.maxBytes = maxBytes;
        this.writePaths = writePaths;
        this.readOnly = readOnly;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(req, resp);
            return;
        }
        int status = Integer.parseInt(refusal.substring(0, 3));
        // A body within the limit is read and dropped, so the connection stays usable; one over it is not read, and
        // the connection is closed after the answer.
        if (status == 413 || status == 411)
            response.setHeader("Connection", "close");
        else
            request.getInputStream().readAllBytes();
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(refusal.substring(4));
    }

    /** "NNN message" when the request is refused, else null. */
    private String refusal(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length > maxBytes)
            return "413 Request body of " + length + " bytes is over this server's limit of " + maxBytes
                    + " bytes (kg serve --max-request-bytes).";
        String te = request.getHeader("Transfer-Encoding");
        if (length < 0 && te != null && te.toLowerCase(Locale.ROOT).contains("chunked"))
            return "411 A request body needs a Content-Length (at most " + maxBytes + " bytes); chunked bodies are not accepted.";
        String query = request.getQueryString();
        if (query != null && !isPercentEncodedUtf8(query))
            return "400 The query string is not valid percent-encoded UTF-8.";
        String type = request.getContentType();
        if (readOnly && type != null && type.toLowerCase(Locale.ROOT).startsWith("application/sparql-update"))
            return "405 This server is read-only: SPARQL Update exists only with kg serve --update-user.";
        if (!SAFE_METHODS.contains(request.getMethod()) && writePaths.contains(request.getRequestURI())) {
            if (readOnly)
                return "405 This server is read-only: SPARQL Update and Graph Store writes exist only with kg serve --update-user.";
            String origin = request.getHeader("Origin");
            String own = request.getScheme() + "://" + request.getHeader("Host");
            if (origin != null && !sameOrigin(origin, own))
                return "403 Cross-origin update refused: Origin " + origin + " is not this server (" + own + ").";
        }
        return null;
    }

    static boolean sameOrigin(String origin, String own) {
        try {
            URI a = URI.create(origin), b = URI.create(own);
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
        } catch (IllegalArgumentException e) {
            return false;   // "null" (a sandboxed page) or garbage
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Whether decoding the %XX escapes (and '+') of {@code s} gives well-formed UTF-8. */
    static boolean isPercentEncodedUtf8(String s) {
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) return false;
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return false;
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
