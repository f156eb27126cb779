package io.cinegraph.graph;

import io.cinegraph.domain.Interaction;
import io.cinegraph.domain.Rows;
import io.cinegraph.support.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What training reads from a graph: every rating (user order, then chronological), user and movie. It can be
 * copied, with a chosen subset of the ratings, into another (empty) graph, whose signals then see only those.
 */
public record GraphData(List<Interaction> ratings, List<Rows.UserRow> users, List<Rows.MovieRow> movies) {

    private static final int RATING_BATCH = 10_000;
    private static final int NODE_BATCH = 1_000;
    /** Copies of at least this many ratings into an empty embedded graph go through the batch importer. */
    static final int BULK_FROM_RATINGS = 500_000;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(GraphData.class);

    public static GraphData read(Graph graph) {
        IngestRepository repository = new IngestRepository(graph);
        List<Interaction> ratings = new ArrayList<>();
        repository.exportRatings(r -> ratings.add(new Interaction(r.userId(), r.movieId(), r.rating(), r.ratedAt())));
        ratings.sort(java.util.Comparator.comparingLong(Interaction::userId).thenComparing(Interaction.CHRONOLOGICAL));
        List<Rows.UserRow> users = new ArrayList<>();
        repository.exportUsers(users::add);
        List<Rows.MovieRow> movies = new ArrayList<>();
        repository.exportMovies(movies::add);
        return new GraphData(List.copyOf(ratings), List.copyOf(users), List.copyOf(movies));
    }

    /**
     * Movies, users and the given ratings into an empty graph: through Neo4j's batch importer when the target is
     * an embedded graph and the ratings are many (the way a first import goes), else in transactions.
     */
    public void copyInto(Graph target, List<Interaction> subset) {
        copyInto(target, subset, BULK_FROM_RATINGS);
    }

    /** As {@link #copyInto(Graph, List)}, through the batch importer from {@code bulkFromRatings} ratings on. */
    public void copyInto(Graph target, List<Interaction> subset, int bulkFromRatings) {
        if (subset.size() >= bulkFromRatings) {
            java.util.Optional<BulkLoad> bulk = target.bulkLoad();
            if (bulk.isPresent()) {
                bulkCopy(bulk.get(), subset);
                return;
            }
        }
        IngestRepository to = new IngestRepository(target);
        batches(movies, NODE_BATCH, to::mergeMovies);
        batches(users, NODE_BATCH, to::mergeUsers);
        List<Rows.RatingRow> rows = subset.stream()
                .map(i -> new Rows.RatingRow(i.userId(), i.movieId(), i.rating(), i.timestamp())).toList();
        try (Progress progress = Progress.items("Copying ratings", rows.size(), " ratings")) {
            for (int from = 0; from < rows.size(); from += RATING_BATCH) {
                to.createRatings(rows.subList(from, Math.min(rows.size(), from + RATING_BATCH)));
                progress.stepTo(from + RATING_BATCH);
            }
        }
    }

    private void bulkCopy(BulkLoad bulk, List<Interaction> subset) {
        long started = System.nanoTime();
        try (bulk; Progress progress = Progress.items("Staging ratings", subset.size(), " ratings")) {
            bulk.movies(movies);
            bulk.users(users);
            for (int from = 0; from < subset.size(); from += RATING_BATCH) {
                bulk.ratings(subset.subList(from, Math.min(subset.size(), from + RATING_BATCH)).stream()
                        .map(i -> new Rows.RatingRow(i.userId(), i.movieId(), i.rating(), i.timestamp())).toList());
                progress.stepTo(from + RATING_BATCH);
            }
            bulk.load();
        }
        LOG.infof("Copied %,d ratings through Neo4j's batch importer in %.1f s", subset.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private static <T> void batches(List<T> rows, int size, Consumer<List<T>> write) {
        for (int from = 0; from < rows.size(); from += size) {
            write.accept(rows.subList(from, Math.min(rows.size(), from + size)));
        }
    }
}
