package io.cinegraph.signals;

import io.cinegraph.domain.Explanation;
import io.cinegraph.domain.TimeWindows;
import io.cinegraph.domain.UserSide;
import io.cinegraph.graph.CandidateRepository.CandidateRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Every explanation a user reads, in one place: the sentence, the facts behind it, the graph path and the
 * {@code cypher/explore} query that shows it in Neo4j Browser. For each candidate generator (from the evidence its
 * query returned), for similar movies, and for movies only the ranker proposed.
 */
public final class Explanations {

    private Explanations() {
    }

    static Explanation userKnn(long userId, CandidateRow r) {
        long neighbours = number(r, "neighbours").longValue();
        double mean = number(r, "neighbourMean").doubleValue();
        List<?> ids = (List<?>) r.evidence().get("neighbourIds");
        return new Explanation("user-knn",
                String.format(Locale.ROOT, "%d %s with tastes like yours rated it %.1f★ on average", neighbours,
                        neighbours == 1 ? "person" : "people", mean),
                facts("neighbours", neighbours, "neighbourMean", mean, "predictedRating",
                        number(r, "predicted").doubleValue(), "neighbourIds", ids),
                List.of(user(userId), "[:NEIGHBOUR]", "(:User {userId: " + ids.get(0) + "})", "[:RATED]", movie(r)),
                "explore/why_user_knn", Map.of("userId", userId, "movieId", r.movieId()));
    }

    static Explanation itemKnn(long userId, CandidateRow r) {
        long because = number(r, "becauseMovieId").longValue();
        double rating = number(r, "becauseRating").doubleValue();
        String title = (String) r.evidence().get("becauseTitle");
        return new Explanation("item-knn", "because you rated " + title + " " + stars(rating),
                facts("becauseMovieId", because, "becauseTitle", title, "becauseRating", rating,
                        "support", number(r, "support").longValue()),
                List.of(user(userId), "[:RATED {rating: " + stars(rating).replace("★", "") + "}]",
                        "(:Movie {movieId: " + because + "})", "[:SIMILAR]", movie(r)),
                "explore/why_item_knn", Map.of("userId", userId, "movieId", r.movieId()));
    }

    static Explanation genre(long userId, CandidateRow r) {
        String genre = (String) r.evidence().get("genre");
        return new Explanation("genre", "you often enjoy " + genre,
                facts("genre", genre, "affinity", number(r, "affinity").doubleValue(),
                        "support", number(r, "support").longValue()),
                List.of(user(userId), "[:PREFERS]", "(:Genre {name: '" + genre + "'})", "<-[:IN_GENRE]-", movie(r)),
                "explore/why_genre", Map.of("userId", userId, "movieId", r.movieId()));
    }

    static Explanation cohort(long userId, CandidateRow r) {
        int level = number(r, "level").intValue();
        Number band = (Number) r.evidence().get("ageBand");
        Integer ageBand = band == null ? null : band.intValue();
        String gender = (String) r.evidence().get("gender");
        String occupation = (String) r.evidence().get("occupation");
        String who = Cohorts.describe(level, ageBand, gender, occupation);
        double mean = number(r, "cohortMean").doubleValue();
        long n = number(r, "cohortRatings").longValue();
        Number users = (Number) r.evidence().get("cohortUsers");
        return new Explanation("cohort",
                String.format(Locale.ROOT, "popular with %s (%d ratings, %.1f★ on average)", who, n, mean),
                facts("cohort", who, "cohortLevel", level, "cohortUsers", users == null ? 0L : users.longValue(),
                        "cohortRatings", n, "cohortMean", mean),
                List.of("(:User " + Cohorts.pattern(level, ageBand, gender, occupation) + ")", "[:RATED]", movie(r)),
                "explore/why_cohort", Map.of("userId", userId, "movieId", r.movieId()));
    }

    static Explanation popular(long userId, CandidateRow r) {
        long n = number(r, "ratingCount").longValue();
        double mean = number(r, "meanRating").doubleValue();
        return new Explanation("popular",
                String.format(Locale.ROOT, "one of the most rated movies (%d ratings, %.1f★ on average)", n, mean),
                facts("ratingCount", n, "meanRating", mean), List.of("(:User)", "[:RATED]", movie(r)),
                "explore/movie_ratings", Map.of("movieId", r.movieId()));
    }

    /** A movie similar to {@code movieId}: by co-ratings or, for sparsely rated movies, by content. */
    public static Explanation similar(long movieId, CandidateRow r) {
        String kind = (String) r.evidence().get("kind");
        long overlap = number(r, "overlap").longValue();
        String sentence = kind.equals("rating") ? overlap + " people rated both, in similar ways"
                : "similar genres, year and tags";
        return new Explanation("similar", sentence,
                facts("kind", kind, "overlap", overlap, "similarity", r.score()),
                List.of("(:Movie {movieId: " + movieId + "})", "[:SIMILAR {kind: '" + kind + "'}]", movie(r)),
                "explore/similar_movies", Map.of("movieId", movieId));
    }

    /**
     * A movie only the ranker's own candidates proposed: the movie the user liked (rated at least their mean) most
     * often watched by the same people (highest {@code cosine}), or, failing that, how much the movie was rated in
     * the {@link TimeWindows#RECENT} window up to {@code time} (the user's latest rating).
     */
    public static Explanation ofRanker(long userId, long movieId, UserSide side, long time,
                                       ToDoubleBiFunction<Long, Long> cosine, SignalSnapshot snapshot) {
        UserSide.Rated best = null;
        double bestSimilarity = 0;
        double liked = side.ratings().stream().mapToDouble(UserSide.Rated::rating).average().orElse(0);
        for (UserSide.Rated r : side.ratings()) {
            if (r.rating() < liked) {
                continue;
            }
            double s = cosine.applyAsDouble(r.movieId(), movieId);
            if (s > bestSimilarity || (s == bestSimilarity && best != null && s > 0 && r.rating() > best.rating())) {
                best = r;
                bestSimilarity = s;
            }
        }
        if (best != null && bestSimilarity > 0) {
            SignalSnapshot.MovieSignals from = snapshot.movie(best.movieId());
            String title = from == null ? "movie " + best.movieId() : from.title();
            return new Explanation("ranker", String.format(Locale.ROOT,
                    "people who watched %s, which you rated %s, often watched this too", title, stars(best.rating())),
                    Map.of("fromMovieId", best.movieId(), "fromTitle", title, "yourRating", best.rating(),
                            "cosine", bestSimilarity),
                    List.of("(:User {userId: " + userId + "})-[:RATED]->(:Movie {movieId: " + best.movieId() + "})",
                            "(:Movie {movieId: " + best.movieId() + "})<-[:RATED]-(:User)-[:RATED]->(:Movie {movieId: "
                                    + movieId + "})"),
                    "explore/why_ranker", Map.of("userId", userId, "movieId", movieId, "fromMovieId", best.movieId()));
        }
        int recent = snapshot.ratingsBetween(movieId, time - TimeWindows.RECENT, time);
        return new Explanation("ranker", recent > 0
                ? recent + " ratings in the 30 days before your latest rating: it is trending"
                : "a pick of the ranker for your profile",
                Map.of("ratingsLast30Days", recent), List.of("(:User)-[:RATED]->(:Movie {movieId: " + movieId + "})"),
                "explore/movie_ratings", Map.of("movieId", movieId));
    }

    private static Number number(CandidateRow r, String column) {
        return (Number) r.evidence().get(column);
    }

    private static String user(long userId) {
        return "(:User {userId: " + userId + "})";
    }

    private static String movie(CandidateRow r) {
        return "(:Movie {movieId: " + r.movieId() + "})";
    }

    /** "4★", "3.5★". */
    private static String stars(double rating) {
        return (rating == Math.rint(rating) ? String.valueOf((long) rating) : String.valueOf(rating)) + "★";
    }

    private static Map<String, Object> facts(Object... keyValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            facts.put((String) keyValues[i], keyValues[i + 1]);
        }
        return facts;
    }
}
