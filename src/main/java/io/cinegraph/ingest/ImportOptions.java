package io.cinegraph.ingest;

import io.cinegraph.domain.Rows;

import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * How an import runs.
 *
 * @param batchSize       rows per write transaction
 * @param onError         stop at the first bad row ({@code FAIL}), or skip bad rows and keep them in {@code rejectsFile}
 * @param rejectsFile     where skipped rows go ({@code file:line: reason}, then the raw line)
 * @param skipIfUnchanged do nothing when the graph already holds a complete import of the same files
 * @param ratingFilter    which valid ratings to write (the others are read and checked, then left out)
 * @param concurrentWrites whether a first import may write ratings in concurrent transactions
 * @param bulkFromBytes   a first import into an empty embedded graph whose ratings file has at least this many bytes
 *                        goes through Neo4j's batch importer (below it, transactions are quicker: the importer's own
 *                        start costs about seven seconds); {@link Long#MAX_VALUE} never
 */
public record ImportOptions(int batchSize, OnError onError, Path rejectsFile, boolean skipIfUnchanged,
                            Predicate<Rows.RatingRow> ratingFilter, boolean concurrentWrites, long bulkFromBytes) {

    public enum OnError { FAIL, SKIP }

    /** About 40,000 ratings in a MovieLens file: ml-100k (1.9 MB) already loads faster through the batch importer. */
    public static final long DEFAULT_BULK_FROM_BYTES = 1L << 20;

    /** Imports every rating. */
    public ImportOptions(int batchSize, OnError onError, Path rejectsFile, boolean skipIfUnchanged) {
        this(batchSize, onError, rejectsFile, skipIfUnchanged, rating -> true, true, DEFAULT_BULK_FROM_BYTES);
    }

    /** The same options, importing only the ratings {@code filter} accepts (e.g. an evaluation's training part). */
    public ImportOptions onlyRatings(Predicate<Rows.RatingRow> filter) {
        return new ImportOptions(batchSize, onError, rejectsFile, skipIfUnchanged, filter, concurrentWrites, bulkFromBytes);
    }

    /**
     * The same options with ratings written by one transaction at a time: slower, but the graph's storage order
     * (which the signals' degree caps sample in) is then the same on every run.
     */
    public ImportOptions repeatable() {
        return new ImportOptions(batchSize, onError, rejectsFile, skipIfUnchanged, ratingFilter, false, bulkFromBytes);
    }

    /** The same options with a first import's bulk path taken from a ratings file of {@code bytes} bytes. */
    public ImportOptions bulkFrom(long bytes) {
        return new ImportOptions(batchSize, onError, rejectsFile, skipIfUnchanged, ratingFilter, concurrentWrites, bytes);
    }

    public ImportOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (bulkFromBytes < 0) {
            throw new IllegalArgumentException("bulk-from must be at least 0 bytes, got " + bulkFromBytes);
        }
        if (onError == OnError.SKIP && rejectsFile == null) {
            throw new IllegalArgumentException("skip mode needs a rejects file");
        }
    }
}
