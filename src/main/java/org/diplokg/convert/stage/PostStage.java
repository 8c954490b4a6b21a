package org.diplokg.convert.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.diplokg.convert.Iris;
import org.diplokg.convert.Lexicon;
import org.diplokg.convert.ReferenceIndex;
import org.diplokg.convert.Stage;
import org.diplokg.convert.model.ArticleDocument;
import org.diplokg.convert.model.Entity;
import org.diplokg.convert.model.EntityType;
import org.diplokg.convert.model.Mention;
import org.diplokg.convert.model.PostClaim;
import org.diplokg.convert.model.Span;
import org.diplokg.store.KgDataset;

import edu.stanford.nlp.ling.CoreLabel;

/**
 * Posts people hold, from the two ways news states them: a title before the name ("former Japanese
 * Ambassador to China, Hideo Tarumi", "then National Security Secretariat secretary general Shigeru
 * Kitamura") and an apposition after it ("Wang Yi, a member of the Chinese Communist Party's Politburo and
 * China's foreign minister"). Role words come from roles.tsv; a claim is resolved to the reference post
 * with that role and organisation (and to the reference holding covering the article's date) when there
 * is one, else a post is minted.
 */
public final class PostStage implements Stage {
    private static final Set<String> PAST = Set.of("former", "then", "ex", "ex-", "late");

    private final ReferenceIndex reference;
    private final Map<String, Boolean> roles = new HashMap<>();   // phrase -> diplomatic
    private final int longestRole;
    private final List<RefPost> posts = new ArrayList<>();
    private final Map<String, String> roleIris = new HashMap<>();  // role name -> reference role IRI

    private record RefPost(String iri, String label, String roleIri, Set<String> roleNames, String in) {}
    private record RefHolding(String iri, String holder, String post, String start, String end) {}
    private final List<RefHolding> holdings = new ArrayList<>();

    public PostStage(ReferenceIndex reference) {
        this.reference = reference;
        int longest = 1;
        for (String[] row : Lexicon.rows("/convert/roles.tsv")) {
            roles.put(row[0], row.length > 1 && row[1].equals("diplomatic"));
            longest = Math.max(longest, row[0].split(" ").length);
        }
        this.longestRole = longest;
        loadReferencePosts();
    }

    private void loadReferencePosts() {
        Map<String, RefPost> byIri = new HashMap<>();
        Set<String> seenHoldings = new HashSet<>();
        var dsg = reference.dataset();
        String q = KgDataset.resource("/convert/reference/posts.rq");
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    String post = s.getResource("post").getURI();
                    String roleName = s.getLiteral("roleName").getLexicalForm().toLowerCase(Locale.ROOT);
                    roleIris.put(roleName, s.getResource("role").getURI());
                    RefPost p = byIri.computeIfAbsent(post, k -> new RefPost(post, s.getLiteral("postLabel").getLexicalForm(),
                            s.getResource("role").getURI(), new HashSet<>(), s.contains("in") ? s.getResource("in").getURI() : null));
                    p.roleNames().add(roleName);
                    if (s.contains("holding") && seenHoldings.add(s.getResource("holding").getURI()))
                        holdings.add(new RefHolding(s.getResource("holding").getURI(), s.getResource("holder").getURI(), post,
                                str(s, "start"), str(s, "end")));
                });
            }
        });
        posts.addAll(byIri.values());
        posts.sort(Comparator.comparing(RefPost::iri));
        holdings.sort(Comparator.comparing(RefHolding::iri));
    }

    private static String str(QuerySolution s, String v) {
        RDFNode n = s.get(v);
        return n == null ? null : n.asLiteral().getLexicalForm();
    }

    @Override
    public void process(ArticleDocument doc) {
        for (Mention m : doc.mentions) {
            if (m.entity().type() != EntityType.PERSON) continue;
            List<CoreLabel> tokens = doc.nlp.sentences().get(m.sentence()).tokens();
            int first = -1, last = -1;
            for (int i = 0; i < tokens.size(); i++) {
                Span t = doc.original(tokens.get(i).beginPosition(), tokens.get(i).endPosition());
                if (t.begin() >= m.span().begin() && t.end() <= m.span().end()) { if (first < 0) first = i; last = i; }
            }
            if (first < 0) continue;
            before(doc, m, tokens, first);
            after(doc, m, tokens, last + 1);
        }
    }

    /** "former Japanese Ambassador to China, Hideo Tarumi", "Chinese President Xi Jinping". */
    private void before(ArticleDocument doc, Mention person, List<CoreLabel> tokens, int nameStart) {
        int i = nameStart - 1;
        if (i >= 0 && tokens.get(i).word().equals(",")) i--;
        int end = i + 1;
        // Walk left over the title: role words, country/organisation names, "of", "to", "'s", "former".
        while (i >= 0 && titleToken(doc, tokens.get(i))) i--;
        int start = i + 1;
        if (start >= end) return;
        claim(doc, person, tokens.subList(start, end), doc.original(tokens.get(start).beginPosition(), tokens.get(end - 1).endPosition()), null, "title-before-name");
    }

    /** "Takeo Akiba, secretary general of the National Security Secretariat," and coordinated roles. */
    private void after(ArticleDocument doc, Mention person, List<CoreLabel> tokens, int next) {
        if (next >= tokens.size() || !tokens.get(next).word().equals(",")) return;
        int i = next + 1;
        Entity country = null;
        while (i < tokens.size()) {
            int start = i;
            while (i < tokens.size() && !Set.of(",", ".", ";", "and", "who", "which", "said", "says", "\"", "\u201D").contains(tokens.get(i).word())
                    && !tokens.get(i).tag().startsWith("VB")) i++;
            if (start == i) return;
            List<CoreLabel> phrase = tokens.subList(start, i);
            if (roleIn(phrase) == null) return;
            // "head of Japan's Komeito party and member of parliament": a coordinated role keeps the country
            Entity found = claim(doc, person, phrase, doc.original(tokens.get(start).beginPosition(), tokens.get(i - 1).endPosition()), country,
                    start == next + 1 ? "apposition" : "apposition-coordinated");
            if (found != null) country = found;
            if (i < tokens.size() && tokens.get(i).word().equals("and")) i++;
            else return;
        }
    }

    private boolean titleToken(ArticleDocument doc, CoreLabel t) {
        String w = t.word().toLowerCase(Locale.ROOT);
        String ner = t.ner() == null ? "O" : t.ner();
        if (PAST.contains(w) || Set.of("of", "to", "'s", "the", "for").contains(w)) return true;
        if (Set.of("TITLE", "NATIONALITY", "COUNTRY", "ORGANIZATION").contains(ner)) return true;
        if (roles.keySet().stream().anyMatch(r -> List.of(r.split(" ")).contains(w))) return true;
        return doc.mentions.stream().anyMatch(m -> m.entity().type() != EntityType.PERSON
                && m.span().contains(doc.original(t.beginPosition(), t.endPosition())));
    }

    /** The longest role phrase in the tokens, or null. */
    private String roleIn(List<CoreLabel> phrase) {
        String best = null;
        for (int i = 0; i < phrase.size(); i++)
            for (int j = Math.min(phrase.size(), i + longestRole); j > i; j--) {
                StringBuilder sb = new StringBuilder();
                for (int k = i; k < j; k++) sb.append(k > i ? " " : "").append(phrase.get(k).word().toLowerCase(Locale.ROOT));
                String r = sb.toString();
                if (roles.containsKey(r) && (best == null || r.length() > best.length())) best = r;
            }
        return best;
    }

    /**
     * Adds the post the phrase states, if any; {@code inherited} is the country of a role coordinated before it.
     * Returns the country the phrase names, else null.
     */
    private Entity claim(ArticleDocument doc, Mention person, List<CoreLabel> phrase, Span span, Entity inherited, String rule) {
        String role = roleIn(phrase);
        if (role == null) return null;
        boolean former = phrase.stream().anyMatch(t -> PAST.contains(t.word().toLowerCase(Locale.ROOT)));
        // Entities named in the phrase: the country after "to" is where an envoy is sent; of the others,
        // the last organisation named wins ("the Chinese Communist Party's Politburo" -> the Politburo),
        // else the country.
        Entity of = null, to = null, country = null;
        for (int i = 0; i < phrase.size(); i++) {
            CoreLabel t = phrase.get(i);
            Entity e = entityAt(doc, t);
            if (e == null) continue;
            boolean afterTo = i > 0 && phrase.get(i - 1).word().equalsIgnoreCase("to");
            if (afterTo && e.type() == EntityType.COUNTRY) { to = e; continue; }
            if (e.type() == EntityType.ORGANIZATION) of = e;
            else if (e.type() == EntityType.COUNTRY && country == null) country = e;
        }
        if (of == null) of = country;
        if (of == null) of = impliedOf(person.entity(), role, doc);
        if (of == null) of = inherited;
        if (of == null) return null;  // a post is an office of some body or country; without one there is no post to name
        doc.posts.add(resolve(doc, person.entity(), role, of, to, former, span, rule));
        return country;
    }

    private Entity entityAt(ArticleDocument doc, CoreLabel t) {
        Span s = doc.original(t.beginPosition(), t.endPosition());
        for (Mention m : doc.mentions)
            if (m.span().overlaps(s) && m.entity().type() != EntityType.PERSON) return m.entity();
        return null;
    }

    /** "Prime Minister Fumio Kishida": the organisation of the reference post this person holds with that role. */
    private Entity impliedOf(Entity person, String role, ArticleDocument doc) {
        String date = doc.article.metadata().referenceDate().toString();
        for (RefHolding h : holdings) {
            if (!h.holder().equals(person.iri())) continue;
            RefPost p = posts.stream().filter(x -> x.iri().equals(h.post())).findFirst().orElse(null);
            if (p == null || p.in() == null || !p.roleNames().contains(role)) continue;
            if (covers(h, date)) return reference.byIri(p.in()).orElse(null);
        }
        return null;
    }

    private static boolean covers(RefHolding h, String date) {
        return (h.start() == null || h.start().compareTo(date) <= 0)
                && (h.end() == null || h.end().compareTo(date.substring(0, Math.min(date.length(), h.end().length()))) >= 0);
    }

    private PostClaim resolve(ArticleDocument doc, Entity holder, String role, Entity of, Entity to, boolean former, Span span, String rule) {
        String date = doc.article.metadata().referenceDate().toString();
        RefPost ref = null;
        for (RefPost p : posts)
            if (p.roleNames().contains(role) && of != null && of.iri().equals(p.in())) { ref = p; break; }
        String roleIri = roleIris.get(role);
        boolean newRole = roleIri == null;
        if (newRole) roleIri = Iris.resource("role", Iris.slug(role));
        String postIri, postLabel;
        if (ref != null) {
            postIri = ref.iri();
            postLabel = ref.label();
        } else {
            postLabel = titleCase(role) + (of != null ? " of " + of.label() : "") + (to != null ? " to " + to.label() : "");
            postIri = Iris.resource("post", Iris.slug(postLabel));
        }
        String holding = null;
        if (ref != null)
            for (RefHolding h : holdings)
                if (h.holder().equals(holder.iri()) && h.post().equals(postIri) && (former || covers(h, date))) { holding = h.iri(); break; }
        if (holding == null)
            holding = Iris.resource("holding", Iris.lastSegment(holder.iri()), Iris.lastSegment(postIri));
        return new PostClaim(holder, role, of, to, former, span, postIri, postLabel, roleIri, holding, ref == null, newRole, diplomatic(role), rule);
    }

    /** Whether holding a post with this role makes one a diplomat (roles.tsv). */
    public boolean diplomatic(String role) { return roles.getOrDefault(role, false); }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.split(" ")) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(Set.of("of", "for", "the").contains(w) ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString();
    }
}
