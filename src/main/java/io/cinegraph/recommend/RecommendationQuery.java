package io.cinegraph.recommend;

import java.util.Set;

/**
 * What a client asks for: how many, and filters applied before truncation (so {@code limit} results come back
 * whenever enough movies pass): a genre (case-insensitive), a release-year range (inclusive; null = open) and
 * movies to leave out. Movies the user rated are always left out. {@code fresh} ranks afresh from the user's
 * graph side rather than reusing their cached ranking (the answer is the same; it costs the full ranking path).
 */
public record RecommendationQuery(int limit, String genre, Integer yearFrom, Integer yearTo, Set<Long> exclude,
                                  boolean explain, boolean fresh) {

    public RecommendationQuery {
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
    }

    public static RecommendationQuery top(int limit) {
        return new RecommendationQuery(limit, null, null, null, Set.of(), true, false);
    }

    boolean accepts(long movieId, java.util.List<String> genres, Integer year) {
        if (exclude.contains(movieId)) {
            return false;
        }
        if (genre != null && genres.stream().noneMatch(g -> g.equalsIgnoreCase(genre))) {
            return false;
        }
        if (yearFrom != null && (year == null || year < yearFrom)) {
            return false;
        }
        return yearTo == null || (year != null && year <= yearTo);
    }
}
