package org.diplokg.convert.model;

/**
 * An article's statement that a person holds (or held) a post: "Chinese President Xi Jinping",
 * "Wang Yi, ... China's foreign minister", "former Japanese Ambassador to China, Hideo Tarumi".
 * The post stage resolves it against the reference posts and holdings.
 *
 * @param holder     the person
 * @param role       the role words as written, lower-cased ("foreign minister", "secretary general")
 * @param of         the organisation or country of the post, when stated or implied, else null
 * @param to         for envoys, the country they are accredited to, else null
 * @param former     the article calls the holding past ("former", "then")
 * @param evidence   the span stating it
 * @param post       the post: a reference post's IRI, or a minted one
 * @param postLabel  the post's English label ("Minister of Foreign Affairs of China", "Secretary General of ...")
 * @param roleIri    the role: a reference role, or a minted one
 * @param holding    the holding: a reference holding covering the article's date, or a minted one
 * @param newPost    true when the post is minted (so its description is written with the claim)
 * @param newRole    true when the role is minted
 * @param diplomatic the role is a diplomatic one (roles.tsv), so a minted post is a dkg:DiplomaticPost
 * @param rule       id of the rule that found it (a title before the name, an apposition after it)
 */
public record PostClaim(Entity holder, String role, Entity of, Entity to, boolean former, Span evidence,
                        String post, String postLabel, String roleIri, String holding, boolean newPost, boolean newRole,
                        boolean diplomatic, String rule) {}
