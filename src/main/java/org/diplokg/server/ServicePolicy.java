package org.diplokg.server;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

import org.apache.jena.query.QueryDeniedException;

/**
 * Which SERVICE targets this server may call, and where a call really goes. A SPARQL endpoint that follows any
 * SERVICE IRI can be used to probe the operator's internal network, so only these are allowed: the Wikidata
 * Query Service, this server's own datasets, and URLs the operator lists. With {@code offline}, calls to the
 * Wikidata Query Service are sent to this server's {@code /wikidata} slice instead.
 */
public final class ServicePolicy {

    /** The Wikidata Query Service under both of the URLs it answers on. */
    public static final List<String> WDQS = List.of(
            "https://query.wikidata.org/sparql",
            "https://query.wikidata.org/bigdata/namespace/wdq/sparql");

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final boolean offline;
    private final List<String> extra;
    private final IntSupplier ownPort;
    private final String ownHost;

    /**
     * @param ownHost the interface the server listens on
     * @param ownPort this server's port, asked at call time because port 0 is only resolved when Jetty starts
     */
    public ServicePolicy(boolean offline, List<String> extraAllowed, String ownHost, IntSupplier ownPort) {
        this.offline = offline;
        this.extra = extraAllowed.stream().map(ServicePolicy::normalise).toList();
        this.ownHost = ownHost;
        this.ownPort = ownPort;
    }

    public boolean offline() { return offline; }

    /** The URL a SERVICE call to {@code url} is sent to; throws {@link QueryDeniedException} when it is not allowed. */
    public String route(String url) {
        String n = normalise(url);
        if (isWikidata(n))
            return offline ? ownBase() + KgServer.WIKIDATA + "/sparql" : url;
        if (isOwn(n) || extra.contains(n))
            return url;
        throw new QueryDeniedException("SERVICE <" + url + "> refused: not on this server's allowlist "
                + "(the Wikidata Query Service, this server's own datasets, and URLs given with --allow-service)");
    }

    static boolean isWikidata(String normalised) {
        return WDQS.stream().map(ServicePolicy::normalise).anyMatch(normalised::equals);
    }

    private boolean isOwn(String n) {
        URI u;
        try { u = URI.create(n); } catch (IllegalArgumentException e) { return false; }
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        boolean sameHost = LOOPBACK.contains(host) || host.equals(ownHost);
        String path = u.getPath() == null ? "" : u.getPath();
        boolean ownDataset = path.equals(KgServer.DATASET) || path.startsWith(KgServer.DATASET + "/")
                || path.equals(KgServer.WIKIDATA) || path.startsWith(KgServer.WIKIDATA + "/");
        return "http".equals(u.getScheme()) && sameHost && u.getPort() == ownPort.getAsInt() && ownDataset;
    }

    private String ownBase() {
        return "http://127.0.0.1:" + ownPort.getAsInt();
    }

    /** http(s) scheme and host in lower case, no trailing slash, no query string or fragment. */
    static String normalise(String url) {
        String s = url.trim();
        int cut = s.indexOf('?');
        if (cut >= 0) s = s.substring(0, cut);
        cut = s.indexOf('#');
        if (cut >= 0) s = s.substring(0, cut);
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        int scheme = s.indexOf("://");
        if (scheme < 0) return s;
        int slash = s.indexOf('/', scheme + 3);
        String head = slash < 0 ? s : s.substring(0, slash);
        return head.toLowerCase(Locale.ROOT) + (slash < 0 ? "" : s.substring(slash));
    }
}
