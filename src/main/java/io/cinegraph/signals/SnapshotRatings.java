package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository.Demographics;
import io.cinegraph.signals.SignalSnapshot.CohortStat;
import io.cinegraph.signals.SignalSnapshot.UserRatings;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rating-derived parts of a {@link SignalSnapshot}, built from the {@link RatingTable} in linear passes. */
final class SnapshotRatings {

    /** Cohort levels: 0 everyone … 3 gender × age band × occupation ({@link SignalSnapshot#cohortKey}). */
    private static final int LEVELS = 4;

    private SnapshotRatings() {
    }

    /** Each user's ratings, movie ids ascending, and mean. */
    static Map<Long, UserRatings> userRatings(RatingTable table) {
        int[] start = table.userStart;
        int[] order = table.byUser;
        Map<Long, UserRatings> out = new HashMap<>(table.userIds.length * 2);
        for (int u = 0; u < table.userIds.length; u++) {
            int n = start[u + 1] - start[u];
            int[] ids = new int[n];
            float[] values = new float[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int r = order[start[u] + i];
                ids[i] = Math.toIntExact(table.movieIds[table.movie[r]]);
                values[i] = (float) table.rating[r];
                sum += table.rating[r];
            }
            out.put(table.userIds[u], new UserRatings(ids, values, sum / n));
        }
        return out;
    }

    /** Each movie's rating times, ascending. */
    static Map<Long, long[]> ratingTimes(RatingTable table) {
        int[] next = RatingTable.starts(table.movie, table.movieIds.length);
        long[][] times = new long[table.movieIds.length][];
        for (int m = 0; m < times.length; m++) {
            times[m] = new long[next[m + 1] - next[m]];
        }
        int[] filled = new int[times.length];
        for (int r = 0; r < table.size(); r++) {
            int m = table.movie[r];
            times[m][filled[m]++] = table.time[r];
        }
        Map<Long, long[]> out = new HashMap<>(times.length * 2);
        for (int m = 0; m < times.length; m++) {
            Arrays.sort(times[m]);
            out.put(table.movieIds[m], times[m]);
        }
        return out;
    }

    /**
     * Per cohort key, each movie the cohort rated with its rating count and sum: every rating counts in each of its
     * rater's cohorts (a level whose demographics the rater lacks is skipped), as {@code CohortLevels} groups them.
     */
    static Map<String, Map<Long, CohortStat>> cohorts(RatingTable table, List<Demographics> demographics) {
        Map<Long, Demographics> byUser = new HashMap<>(demographics.size() * 2);
        demographics.forEach(d -> byUser.put(d.userId(), d));
        Map<String, Map<Long, CohortStat>> out = new HashMap<>();
        int[] userStart = table.userStart;
        int[] byUserOrder = table.byUser;
        for (int level = 0; level < LEVELS; level++) {
            // number the level's cohorts, then count each (cohort, movie) run of the ratings sorted by both
            Map<String, Integer> numbers = new HashMap<>();
            int[] cohortOfUser = new int[table.userIds.length];
            for (int u = 0; u < cohortOfUser.length; u++) {
                Demographics d = byUser.get(table.userIds[u]);
                String key = d == null ? (level == 0 ? SignalSnapshot.cohortKey(0, null, null, null) : null)
                        : SignalSnapshot.cohortKey(level, d.gender(), d.ageBand(), d.occupation());
                cohortOfUser[u] = key == null ? -1 : numbers.computeIfAbsent(key, k -> numbers.size());
            }
            String[] keys = new String[numbers.size()];
            numbers.forEach((k, v) -> keys[v] = k);
            long[] count = new long[table.movieIds.length];
            double[] total = new double[table.movieIds.length];
            List<int[]> members = usersByCohort(cohortOfUser, keys.length);
            for (int c = 0; c < keys.length; c++) {
                Map<Long, CohortStat> movies = new HashMap<>();
                for (int u : members.get(c)) {
                    for (int i = userStart[u]; i < userStart[u + 1]; i++) {
                        int r = byUserOrder[i];
                        count[table.movie[r]]++;
                        total[table.movie[r]] += table.rating[r];
                    }
                }
                for (int m = 0; m < count.length; m++) {
                    if (count[m] > 0) {
                        movies.put(table.movieIds[m], new CohortStat(count[m], total[m]));
                        count[m] = 0;
                        total[m] = 0;
                    }
                }
                out.put(keys[c], movies);
            }
        }
        return out;
    }

    /** The user indexes of each cohort number (users of no cohort, -1, left out). */
    private static List<int[]> usersByCohort(int[] cohortOfUser, int cohorts) {
        int[] sizes = new int[cohorts];
        for (int c : cohortOfUser) {
            if (c >= 0) {
                sizes[c]++;
            }
        }
        int[][] members = new int[cohorts][];
        for (int c = 0; c < cohorts; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] filled = new int[cohorts];
        for (int u = 0; u < cohortOfUser.length; u++) {
            int c = cohortOfUser[u];
            if (c >= 0) {
                members[c][filled[c]++] = u;
            }
        }
        return List.of(members);
    }
}
