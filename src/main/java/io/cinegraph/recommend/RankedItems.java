package io.cinegraph.recommend;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A ranking as the cache keeps it: the movies and scores in two primitive arrays and, per movie, the index of its
 * (sources, explaining source) pair among the few distinct ones. An entry lives until its user's next write, a few
 * seconds under write load, so it is copied by young collections until it dies: a handful of arrays copy in a
 * fraction of the time of one {@link Ranker.Item} per candidate. Items are made again when read (an answer reads
 * the first few).
 */
final class RankedItems extends AbstractList<Ranker.Item> implements RandomAccess {

    private record Origin(List<String> sources, String explainedBy) {
    }

    private final long[] movieIds;
    private final double[] scores;
    private final short[] origins;
    private final Origin[] distinct;

    /** A copy of {@code items}, in their order. */
    static RankedItems of(List<Ranker.Item> items) {
        return items instanceof RankedItems ranked ? ranked : new RankedItems(items);
    }

    private RankedItems(List<Ranker.Item> items) {
        int n = items.size();
        movieIds = new long[n];
        scores = new double[n];
        short[] at = new short[n];
        Map<Origin, Short> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Ranker.Item item = items.get(i);
            movieIds[i] = item.movieId();
            scores[i] = item.score();
            Origin origin = new Origin(List.copyOf(item.sources()), item.explainedBy());
            Short known = index.get(origin);
            if (known == null) {
                if (index.size() > Short.MAX_VALUE) {
                    throw new IllegalArgumentException("More than " + (Short.MAX_VALUE + 1)
                            + " distinct candidate-source combinations in one ranking");
                }
                known = (short) index.size();
                index.put(origin, known);
            }
            at[i] = known;
        }
        origins = at;
        distinct = new Origin[index.size()];
        index.forEach((origin, i) -> distinct[i] = origin);
    }

    @Override
    public Ranker.Item get(int i) {
        Origin origin = distinct[origins[i]];
        return new Ranker.Item(movieIds[i], scores[i], origin.sources(), origin.explainedBy());
    }

    @Override
    public int size() {
        return movieIds.length;
    }
}
