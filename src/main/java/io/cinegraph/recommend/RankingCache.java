package io.cinegraph.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cinegraph.domain.Explanation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each user's ranked candidates (before filters), kept while they are exact: while the user's ratings
 * ({@link #forget}), the signal snapshot, the ranker and the generators' proposals are the ones they were ranked
 * from (compared by identity). Predicted stars and the ranker's explanations are kept with them, computed only for
 * what answers return.
 */
final class RankingCache {

    /** A user's ranking under one request (snapshot, proposals) by one ranker, best first. */
    static final class Entry {
        private final Ranker ranker;
        private final Ranker.Request request;
        private final RankedItems items;
        private final Map<Long, Double> stars = new ConcurrentHashMap<>();
        private final Map<Long, Explanation> explanations = new ConcurrentHashMap<>();
        /** Whether an answer was given from it (a ranking only warmed, at start-up or after a write, is not yet). */
        private volatile boolean served;

        Entry(Ranker ranker, Ranker.Request request, List<Ranker.Item> items) {
            this.ranker = ranker;
            this.request = request;
            this.items = RankedItems.of(items);
        }

        Ranker ranker() {
            return ranker;
        }

        /** Marks it as answered from: the user is being served, so a change to them warms their next ranking. */
        void served() {
            served = true;
        }

        Ranker.Request request() {
            return request;
        }

        List<Ranker.Item> items() {
            return items;
        }

        /** Predicted stars of these movies: one call to the ranker for those not predicted yet for this ranking. */
        double[] stars(long[] movieIds) {
            long[] missing = Arrays.stream(movieIds).filter(id -> !stars.containsKey(id)).toArray();
            if (missing.length > 0) {
                double[] fresh = ranker.stars(request, missing);
                for (int i = 0; i < missing.length; i++) {
                    stars.put(missing[i], fresh[i]);
                }
            }
            return Arrays.stream(movieIds).mapToDouble(stars::get).toArray();
        }

        /**
         * Why a ranked movie is there: its proposing candidate's explanation, or, for a movie no source proposed,
         * the ranker's; built once per movie of this ranking.
         */
        Explanation explanation(Ranker.Item item) {
            return explanations.computeIfAbsent(item.movieId(), id -> item.explainedBy() != null
                    ? request.proposed().of(id, item.explainedBy()).explanation() : ranker.explain(request, id));
        }

        boolean rankedFrom(Ranker.Request current, Ranker by) {
            return ranker == by && request.snapshot() == current.snapshot() && request.proposed() == current.proposed();
        }
    }

    private final Cache<Long, Entry> cache;

    RankingCache(int size) {
        this.cache = Caffeine.newBuilder().maximumSize(size).build();
    }

    /** The user's ranking if it is still exact for this snapshot, proposals and ranker; else null. */
    Entry get(long userId, Ranker.Request current, Ranker by) {
        Entry entry = cache.getIfPresent(userId);
        return entry != null && entry.rankedFrom(current, by) ? entry : null;
    }

    /** Keeps the ranking unless the user's version moved since {@code version} (the request's start). */
    void put(long userId, Entry entry, UserVersions versions, long version) {
        cache.asMap().compute(userId, (id, old) -> versions.current(userId) == version ? entry : old);
    }

    /** Drops the user's ranking; whether there was one that an answer was given from. */
    boolean forget(long userId) {
        Entry removed = cache.asMap().remove(userId);
        return removed != null && removed.served;
    }
}
