package io.cinegraph.graph;

import io.cinegraph.domain.Interaction;
import io.cinegraph.domain.Rows;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.IngestRepository;
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

    /** Movies, users and the given ratings into an empty graph. */
    public void copyInto(Graph target, List<Interaction> subset) {
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

    private static <T> void batches(List<T> rows, int size, Consumer<List<T>> write) {
        for (int from = 0; from < rows.size(); from += size) {
            write.accept(rows.subList(from, Math.min(rows.size(), from + size)));
        }
    }
}
