package io.cinegraph.ingest;

import io.cinegraph.domain.GraphCounts;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did.
 *
 * @param counts          what the graph holds afterwards
 * @param ratingRows      rating rows read and written
 * @param ratingsCreated  ratings new to the graph
 * @param ratingsUpdated  ratings whose value or time changed
 * @param rejected        rows rejected (in fail mode, the one that stopped the import)
 * @param errors          the first rejections, as {@code file:line: reason}
 * @param completed       false when fail mode stopped at a bad row
 * @param skipped         true when the graph already held this exact copy
 * @param ratingsSeconds  time spent on the ratings file
 */
public record ImportSummary(String format, Path path, GraphCounts counts, long ratingRows, long ratingsCreated,
                            long ratingsUpdated, long rejected, List<String> errors, Path rejectsFile,
                            boolean completed, boolean skipped, double seconds, double ratingsSeconds) {

    public double ratingsPerSecond() {
        return ratingsSeconds > 0 ? ratingRows / ratingsSeconds : 0;
    }

    /** The one-paragraph report the CLI prints. */
    public String describe() {
        if (skipped) {
            return String.format("Graph already holds this copy of %s (%s): %,d users, %,d movies, %,d genres, "
                    + "%,d ratings, %,d tags. Nothing imported.", path, format, counts.users(), counts.movies(),
                    counts.genres(), counts.ratings(), counts.tags());
        }
        String head = completed ? "Imported" : "Import STOPPED at a bad row:";
        return String.format("%s %s (%s) in %.1f s: %,d users, %,d movies, %,d genres, %,d ratings, %,d tags in the graph; "
                        + "%,d rating rows (%,d new, %,d changed) at %,.0f ratings/s; %,d rejected row%s%s.",
                head, path, format, seconds, counts.users(), counts.movies(), counts.genres(), counts.ratings(),
                counts.tags(), ratingRows, ratingsCreated, ratingsUpdated, ratingsPerSecond(), rejected,
                rejected == 1 ? "" : "s", rejectsFile != null && rejected > 0 ? " (written to " + rejectsFile + ")" : "");
    }
}
