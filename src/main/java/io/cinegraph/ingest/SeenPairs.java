package io.cinegraph.ingest;

import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.graph.BulkLoad;
import io.cinegraph.support.PairFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Bloom filter ({@link PairFilter}) over the (user, movie) pairs of an import: "definitely not seen" or "maybe seen".
 * The importer creates ratings it has definitely not written yet, and merges the rest, so that a first import
 * skips MERGE's existence check without ever duplicating a rating, in memory that does not grow with the file.
 */
final class SeenPairs {

    /** The shortest rating lines ("1\t2\t3\t881250949") are about this long: a filter is sized from the file's size. */
    private static final long BYTES_PER_RATING_LINE = 16;

    private final PairFilter filter;

    /** A filter sized for about {@code expectedPairs} pairs. */
    SeenPairs(long expectedPairs) {
        this.filter = new PairFilter(expectedPairs);
    }

    /** Records the pair; true if it may have been recorded before (false means certainly not). */
    boolean add(long userId, long movieId) {
        return filter.add(userId, movieId);
    }

    /** The filter a first import of a ratings file of this size uses. */
    static SeenPairs forRatingsFile(long ratingsFileBytes) {
        return new SeenPairs(ratingsFileBytes / BYTES_PER_RATING_LINE + 1);
    }

    /**
     * The filter raises false alarms (about one in a thousand ratings). Of the ratings it called "maybe seen" (in file
     * order), those whose pair neither the bulk load's staged ratings nor an earlier one of them holds are new after
     * all: they are staged with the others. Returns the rest, the real repeats, for merging after the load.
     */
    static List<RatingRow> stageFalseAlarms(BulkLoad bulk, List<RatingRow> maybeSeen) {
        if (maybeSeen.isEmpty()) {
            return List.of();
        }
        Map<Pair, Boolean> held = new HashMap<>();
        maybeSeen.forEach(r -> held.put(new Pair(r.userId(), r.movieId()), false));
        bulk.stagedRatingPairs((user, movie) -> held.computeIfPresent(new Pair(user, movie), (k, v) -> true));
        List<RatingRow> fresh = new ArrayList<>();
        List<RatingRow> repeats = new ArrayList<>();
        for (RatingRow r : maybeSeen) {
            (Boolean.TRUE.equals(held.put(new Pair(r.userId(), r.movieId()), true)) ? repeats : fresh).add(r);
        }
        bulk.ratings(fresh);
        return repeats;
    }

    private record Pair(long userId, long movieId) {
    }
}
