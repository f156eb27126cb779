package io.cinegraph.recommend;

import io.cinegraph.domain.Candidate;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The graph generators' candidates for one user, as ranking reads them: the movies in the order first proposed,
 * which generators proposed each, and each generator's candidates (as the generator returned them: compact lists
 * whose candidates are put together when read). Per movie it keeps an id, a set of generators and where its first
 * candidate is; a served user's proposals are cached, so nothing per candidate is an object of its own.
 */
final class Proposed {

    /** Nothing proposed. */
    static final Proposed NONE = new Proposed(new Generators(List.of()), List.of());

    /** The generators' names, in order (at most 31), and their sets' names, shared by every user's proposals. */
    static final class Generators {
        private final List<String> names;
        private final Map<Integer, List<String>> namesBySet = new ConcurrentHashMap<>();

        Generators(List<String> names) {
            if (names.size() > 31) {
                throw new IllegalArgumentException("at most 31 generators: " + names);
            }
            this.names = List.copyOf(names);
        }

        /** The names of a set of generators (bit g: the g-th), in order. */
        List<String> names(int set) {
            return namesBySet.computeIfAbsent(set, s -> {
                List<String> out = new ArrayList<>();
                for (int g = 0; g < names.size(); g++) {
                    if ((s & 1 << g) != 0) {
                        out.add(names.get(g));
                    }
                }
                return List.copyOf(out);
            });
        }
    }

    private final Generators generators;
    private final List<List<Candidate>> lists;
    /** The movies, first proposed first. */
    private final long[] order;
    /** The same movies sorted, with (parallel) the generators that proposed each as bits and its first candidate. */
    private final long[] sorted;
    private final int[] proposers;
    private final byte[] firstGenerator;
    private final int[] firstRow;

    /** {@code lists.get(g)}: the candidates of generator g, best first. */
    Proposed(Generators generators, List<List<Candidate>> lists) {
        if (generators.names.size() != lists.size()) {
            throw new IllegalArgumentException("one list per generator of " + generators.names);
        }
        this.generators = generators;
        this.lists = List.copyOf(lists);
        Map<Long, int[]> byMovie = new HashMap<>(); // movie → {generators, first generator, first row}
        List<Long> movies = new ArrayList<>();
        for (int g = 0; g < lists.size(); g++) {
            List<Candidate> list = lists.get(g);
            for (int row = 0; row < list.size(); row++) {
                long movieId = list.get(row).movieId();
                int[] seen = byMovie.get(movieId);
                if (seen == null) {
                    byMovie.put(movieId, new int[]{1 << g, g, row});
                    movies.add(movieId);
                } else {
                    seen[0] |= 1 << g;
                }
            }
        }
        order = movies.stream().mapToLong(Long::longValue).toArray();
        sorted = order.clone();
        Arrays.sort(sorted);
        proposers = new int[sorted.length];
        firstGenerator = new byte[sorted.length];
        firstRow = new int[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            int[] seen = byMovie.get(sorted[k]);
            proposers[k] = seen[0];
            firstGenerator[k] = (byte) seen[1];
            firstRow[k] = seen[2];
        }
    }

    /** The proposed movies, first proposed first. */
    List<Long> movies() {
        return new AbstractList<>() {
            @Override
            public Long get(int index) {
                return order[index];
            }

            @Override
            public int size() {
                return order.length;
            }
        };
    }

    boolean isEmpty() {
        return order.length == 0;
    }

    /** The generators that proposed the movie, in the generators' order (empty when none did). */
    List<String> sources(long movieId) {
        int k = Arrays.binarySearch(sorted, movieId);
        return k < 0 ? List.of() : generators.names(proposers[k]);
    }

    /** The movie's first candidate (of the first generator that proposed it), or null. */
    Candidate first(long movieId) {
        int k = Arrays.binarySearch(sorted, movieId);
        return k < 0 ? null : lists.get(firstGenerator[k]).get(firstRow[k]);
    }

    /** The movie's candidate from the generator named {@code source}, or null. */
    Candidate of(long movieId, String source) {
        int g = generators.names.indexOf(source);
        int k = Arrays.binarySearch(sorted, movieId);
        if (g < 0 || k < 0 || (proposers[k] & 1 << g) == 0) {
            return null;
        }
        if (firstGenerator[k] == g) {
            return lists.get(g).get(firstRow[k]);
        }
        for (Candidate c : lists.get(g)) {
            if (c.movieId() == movieId) {
                return c;
            }
        }
        return null;
    }

    /** The candidates of the generator named {@code source}, best first (empty for a generator not asked). */
    List<Candidate> by(String source) {
        int g = generators.names.indexOf(source);
        return g < 0 ? List.of() : lists.get(g);
    }
}
