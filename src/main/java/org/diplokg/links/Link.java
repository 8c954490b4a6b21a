package org.diplokg.links;

import java.util.Set;

/**
 * An entity of the KG and what it says about its Wikidata link.
 *
 * @param entity        the KG entity's IRI
 * @param label         its English label
 * @param type          its asserted dkg: class
 * @param item          the linked Wikidata item IRI, or null for an unlinked entity
 * @param recordedLabel dkg:wikidataLabel, the Wikidata label the link was checked against (null if none)
 * @param expectedTypes Wikidata classes one of which the item should be an instance of (empty: not checked)
 */
public record Link(String entity, String label, String type, String item, String recordedLabel, Set<String> expectedTypes) {
    public String qid() {
        return item == null ? null : item.substring(item.lastIndexOf('/') + 1);
    }
}
