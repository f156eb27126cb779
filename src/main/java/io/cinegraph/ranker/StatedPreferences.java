package io.cinegraph.ranker;

import io.cinegraph.domain.UserSide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a new user tells us instead of ratings: genres and movies they like. They enter the ranker as the
 * user's side of the features: each liked genre as a genre affinity of {@link #GENRE_AFFINITY} (about what a
 * clear favourite genre reaches after shrinkage), each liked movie as a rating at the top of the scale, at
 * time {@code now}. Demographics come from the user's profile; there are no neighbours yet.
 */
public record StatedPreferences(List<String> likedGenres, List<Long> likedMovies) {

    static final double GENRE_AFFINITY = 0.5;

    public StatedPreferences {
        likedGenres = likedGenres == null ? List.of() : List.copyOf(likedGenres);
        likedMovies = likedMovies == null ? List.of() : List.copyOf(likedMovies);
    }

    /** The user's side of feature extraction, from a profile (its own ratings, if any, are kept). */
    public UserSide apply(UserSide profile, double topRating, long now) {
        Map<String, Double> prefers = new HashMap<>(profile.prefers());
        likedGenres.forEach(g -> prefers.merge(g, GENRE_AFFINITY, Math::max));
        List<UserSide.Rated> ratings = new ArrayList<>(profile.ratings());
        for (long movieId : likedMovies) {
            if (ratings.stream().noneMatch(r -> r.movieId() == movieId)) {
                ratings.add(new UserSide.Rated(movieId, topRating, now));
            }
        }
        double mean = ratings.stream().mapToDouble(UserSide.Rated::rating).average().orElse(Double.NaN);
        return new UserSide(ratings.size(), ratings.isEmpty() ? null : mean,
                ratings.isEmpty() ? null : profile.ratingSd(), profile.cohortLevel(), profile.gender(),
                profile.ageBand(), profile.occupation(), List.copyOf(ratings), Map.copyOf(prefers), profile.neighbours());
    }

    /**
     * A new user's ranking reordered so that movies in the genres they stated hold at least half of every prefix
     * of even length (while such movies remain); each group keeps its own order. The network ranks what new users
     * go on to rate, which leans toward what everybody watches; someone who said "horror and thriller" at
     * sign-up should see those straight away.
     */
    public static <T> List<T> leadWithLikedGenres(List<T> ranked, java.util.function.Predicate<T> inLikedGenres) {
        List<T> liked = new ArrayList<>();
        List<T> other = new ArrayList<>();
        List<Integer> likedAt = new ArrayList<>();
        List<Integer> otherAt = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            boolean isLiked = inLikedGenres.test(ranked.get(i));
            (isLiked ? liked : other).add(ranked.get(i));
            (isLiked ? likedAt : otherAt).add(i);
        }
        List<T> out = new ArrayList<>(ranked.size());
        int l = 0;
        int o = 0;
        while (out.size() < ranked.size()) {
            // the next slot follows the ranking unless that would leave liked movies under half of the list
            boolean owed = l < (out.size() + 1) / 2;
            boolean takeLiked = l < liked.size() && (o >= other.size() || owed || likedAt.get(l) < otherAt.get(o));
            out.add(takeLiked ? liked.get(l++) : other.get(o++));
        }
        return out;
    }

    /** A profile with demographics only: no ratings, no affinities, no neighbours. */
    public static UserSide demographicsOnly(UserSide profile) {
        return new UserSide(0, null, null, profile.cohortLevel(), profile.gender(),
                profile.ageBand(), profile.occupation(), List.of(), Map.of(), List.of());
    }
}
