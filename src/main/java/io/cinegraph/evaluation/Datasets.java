package io.cinegraph.evaluation;

import io.cinegraph.domain.AgeBands;
import io.cinegraph.domain.Interaction;
import io.cinegraph.domain.Rows;
import io.cinegraph.ingest.DatasetException;
import io.cinegraph.ingest.DatasetFormat;
import io.cinegraph.ingest.DatasetReader;
import io.cinegraph.ingest.RowSink;
import io.cinegraph.ingest.SourcePosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** What the evaluation reads from a MovieLens copy, straight from its files (no graph): ratings, genres, cohorts. */
public final class Datasets {

    private Datasets() {
    }

    /** Every rating; any bad rating row fails the read with its {@code file:line}. */
    public static List<Interaction> ratings(Path dir) throws IOException {
        List<Interaction> all = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        DatasetFormat.open(dir).ratings(sink((r, p) -> all.add(interaction(r)), errors), bytes -> { });
        if (!errors.isEmpty()) {
            throw new DatasetException(errors.size() + " bad rating rows, first: " + errors.get(0));
        }
        return all;
    }

    /** The ratings of one of ml-100k's u1–u5 folds: its base ({@code test} false) or test file. */
    public static List<Interaction> fold(DatasetReader reader, int fold, boolean test) throws IOException {
        List<Interaction> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        reader.foldRatings(fold, test, sink((r, p) -> out.add(interaction(r)), errors));
        if (!errors.isEmpty()) {
            throw new DatasetException(errors.get(0));
        }
        return out;
    }

    /** Each movie's genres; a malformed movie row only loses that movie's genres. */
    public static Map<Long, List<String>> genres(Path dir) throws IOException {
        Map<Long, List<String>> out = new HashMap<>();
        DatasetFormat.open(dir).movies(sink((m, p) -> out.put(m.movieId(), m.genres()), new ArrayList<>()), bytes -> { });
        return out;
    }

    /**
     * Each user's demographic cohort, "gender age-band" (e.g. "F 25-34"), where the dataset has demographics; a
     * malformed user row only loses that user's cohort label.
     */
    public static Map<Long, String> cohorts(Path dir) throws IOException {
        Map<Long, String> out = new HashMap<>();
        DatasetFormat.open(dir).users(sink((u, p) -> {
            if (u.gender() != null && u.age() != null) {
                out.put(u.userId(), u.gender() + " " + AgeBands.label(AgeBands.of(u.age())));
            }
        }, new ArrayList<>()), bytes -> { });
        return out;
    }

    private static Interaction interaction(Rows.RatingRow r) {
        return new Interaction(r.userId(), r.movieId(), r.rating(), r.ratedAt());
    }

    /** A sink that hands accepted rows on and collects rejected ones as {@code file:line: reason}. */
    private static <T> RowSink<T> sink(BiConsumer<T, SourcePosition> accept, List<String> errors) {
        return new RowSink<>() {
            @Override
            public void accept(T row, SourcePosition position, String rawLine) {
                accept.accept(row, position);
            }

            @Override
            public void reject(SourcePosition position, String reason, String rawLine) {
                errors.add(position + ": " + reason);
            }
        };
    }
}
