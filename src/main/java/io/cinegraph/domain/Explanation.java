package io.cinegraph.domain;

import java.util.List;
import java.util.Map;

/**
 * Why a movie was proposed: a sentence for people, the facts behind it, the graph elements it rests on
 * (nodes and relationships, written as Cypher patterns), and the ready-made Browser query under
 * {@code cypher/explore/} with the parameters that draw the same path.
 */
public record Explanation(String source, String sentence, Map<String, Object> facts, List<String> elements,
                          String exploreQuery, Map<String, Object> exploreParams) {
}
