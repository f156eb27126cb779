package io.cinegraph.recommend;

import io.cinegraph.domain.UserSide;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.domain.Explanation;
import io.cinegraph.signals.SignalSnapshot;

import java.util.List;
import java.util.Map;

/**
 * Explanations for movies that only the ranker's own candidates proposed: the movie the user liked (rated at
 * least their mean) most often watched by the same people (highest cosine), or, failing that, how much the movie was rated in the 30 days up to the
 * user's latest rating.
 */
final class Explanations {

    private Explanations() {
    }

    static Explanation ofRanker(long userId, long movieId, UserSide request, long time,
                                RankerModel model, SignalSnapshot snapshot) {
        UserSide.Rated best = null;
        double bestSimilarity = 0;
        // "because you watched X" only from movies the user liked (rated at least their mean)
        double liked = request.ratings().stream().mapToDouble(UserSide.Rated::rating).average().orElse(0);
        for (UserSide.Rated r : request.ratings()) {
            if (r.rating() < liked) {
                continue;
            }
            double s = model.cosine(r.movieId(), movieId);
            if (s > bestSimilarity || (s == bestSimilarity && best != null && s > 0 && r.rating() > best.rating())) {
                best = r;
                bestSimilarity = s;
            }
        }
        if (best != null && bestSimilarity > 0) {
            SignalSnapshot.MovieSignals from = snapshot.movie(best.movieId());
            String title = from == null ? "movie " + best.movieId() : from.title();
            return new Explanation("ranker", String.format(java.util.Locale.ROOT,
                    "people who watched %s, which you rated %s★, often watched this too", title, stars(best.rating())),
                    Map.of("fromMovieId", best.movieId(), "fromTitle", title, "yourRating", best.rating(),
                            "cosine", bestSimilarity),
                    List.of("(:User {userId: " + userId + "})-[:RATED]->(:Movie {movieId: " + best.movieId() + "})",
                            "(:Movie {movieId: " + best.movieId() + "})<-[:RATED]-(:User)-[:RATED]->(:Movie {movieId: " + movieId + "})"),
                    "explore/why_ranker", Map.of("userId", userId, "movieId", movieId, "fromMovieId", best.movieId()));
        }
        int recent = snapshot.ratingsBetween(movieId, time - 30 * 86_400L, time);
        return new Explanation("ranker", recent > 0
                ? recent + " ratings in the 30 days before your latest rating: it is trending"
                : "a pick of the ranker for your profile",
                Map.of("ratingsLast30Days", recent), List.of("(:User)-[:RATED]->(:Movie {movieId: " + movieId + "})"),
                "explore/movie_ratings", Map.of("movieId", movieId));
    }

    private static String stars(double rating) {
        return rating == Math.floor(rating) ? String.valueOf((long) rating) : String.valueOf(rating);
    }
}
