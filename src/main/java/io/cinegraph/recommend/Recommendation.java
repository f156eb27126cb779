package io.cinegraph.recommend;

import io.cinegraph.domain.Explanation;

import java.util.List;

/**
 * One recommended movie: the ranker's score (in (0, 1); the fallback's own score otherwise), the predicted
 * stars, the candidate sources that proposed it, and why.
 */
public record Recommendation(long movieId, String title, Integer year, List<String> genres, double score,
                             double predictedRating, List<String> sources, Explanation explanation) {
}
