package io.cinegraph.ingest;

import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.TagRow;
import io.cinegraph.graph.BulkLoad;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.support.Futures;
import io.cinegraph.support.Progress;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** One import: its counters, known ids, rejections and batches. */
final class ImportRun implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ImportRun.class);
    /** Concurrent transactions per batch on a first import (one per core of the machines we target). */
    private static final int CREATE_PARTITIONS = 2;

    /** Reads one file's rows into a sink, reporting bytes read. */
    @FunctionalInterface
    interface Source<T> {
        void read(RowSink<T> sink, LongConsumer bytes) throws IOException;
    }

    /** Checks a row against what was imported before it; a non-null answer is the reason to reject it. */
    @FunctionalInterface
    interface Check<T> {
        String problem(T row, SourcePosition at);
    }

    private final IngestRepository ingest;

    private final DatasetReader reader;
    private final ImportOptions options;
    private final KnownIds known;
    /** Writes batches while the reader parses the next one. */
    private final ExecutorService writer = Futures.daemonThread("cinegraph-import-writer");
    /** Extra writers for the partitions of a first import's batches. */
    private final ExecutorService helpers = Executors.newFixedThreadPool(CREATE_PARTITIONS - 1,
            Futures.daemon("cinegraph-import-helper"));
    private final Rejections rejections;
    private long ratingRows;
    private long ratingsCreated;
    private long ratingsUpdated;
    /** Pairs written by this import, when it started on a graph without ratings (else null: always MERGE). */
    private final SeenPairs seen;
    /** The staged first import into an empty embedded graph (else null: every row in transactions). */
    private final BulkLoad bulk;
    /** Ratings of a bulk load that may repeat an earlier pair: merged after the load. */
    private final List<RatingRow> deferred = new ArrayList<>();

    ImportRun(IngestRepository ingest, CatalogRepository catalog, DatasetReader reader, ImportOptions options) {
        this.ingest = ingest;
        this.reader = reader;
        this.options = options;
        this.rejections = new Rejections(options);
        this.known = new KnownIds(reader);
        long ratingsBytes = reader.size(reader.ratingsFile());
        // a bulk load needs a graph without data nodes, so without ratings: the count is then not needed
        this.bulk = ratingsBytes >= options.bulkFromBytes() ? ingest.bulkLoad().orElse(null) : null;
        this.seen = bulk != null || catalog.counts().ratings() == 0 ? SeenPairs.forRatingsFile(ratingsBytes) : null;
    }

    /** Whether this import writes the store afresh with Neo4j's batch importer. */
    boolean bulk() {
        return bulk != null;
    }

    /** What a run did: its ratings rows, created and updated, how long the ratings took, and whether it ran to the end. */
    record Outcome(long ratingRows, long ratingsCreated, long ratingsUpdated, double ratingsSeconds, boolean completed) {
    }

    Outcome execute() throws IOException {
        boolean completed;
        double ratingsSeconds = 0;
        try {
            List<String> genres = reader.declaredGenres();
            if (!genres.isEmpty() && bulk != null) {
                bulk.genres(genres);
            } else if (!genres.isEmpty()) {
                ingest.mergeGenres(genres);
            }
            if (reader.usersFile() != null) {
                phase(reader.usersFile(), (sink, bytes) -> reader.users(sink, bytes), known::user,
                        bulk != null ? bulk::users : ingest::mergeUsers);
            }
            phase(reader.moviesFile(), (sink, bytes) -> reader.movies(sink, bytes), known::movie,
                    bulk != null ? bulk::movies : ingest::mergeMovies);
            long ratingsStarted = System.nanoTime();
            phase(reader.ratingsFile(), (sink, bytes) -> reader.ratings(Importer.only(options.ratingFilter(), sink), bytes),
                    known::rating,
                    batch -> {
                        createUnknownUsers(batch, RatingRow::userId);
                        writeRatings(batch);
                    });
            ratingsSeconds = Importer.seconds(ratingsStarted);
            if (reader.tagsFile() != null) {
                phase(reader.tagsFile(), (sink, bytes) -> reader.tags(sink, bytes), known::tag,
                        batch -> {
                            createUnknownUsers(batch, TagRow::userId);
                            if (bulk != null) {
                                bulk.tags(batch);
                            } else {
                                ingest.mergeTags(batch);
                            }
                        });
            }
            completed = true;
        } catch (ImportAbortedException e) {
            completed = false;
        }
        if (bulk != null) {
            load();
        }
        return new Outcome(ratingRows, ratingsCreated, ratingsUpdated, ratingsSeconds, completed);
    }

    /**
     * Writes a bulk import's staged rows (also when a bad row stopped it: everything before that row is kept,
     * as batch by batch), then merges the ratings that may have repeated a pair, in file order.
     */
    private void load() {
        long started = System.nanoTime();
        stageFalseRepeats();
        bulk.load();
        LOG.infof("Bulk load: %,d ratings written by Neo4j's batch importer in %.1f s", ratingsCreated,
                Importer.seconds(started));
        for (int from = 0; from < deferred.size(); from += options.batchSize()) {
            record(ingest.mergeRatings(deferred.subList(from, Math.min(deferred.size(), from + options.batchSize()))));
        }
        deferred.clear();
    }

    /** Stages the filter's false alarms among the deferred ratings; only real repeats stay deferred. */
    private void stageFalseRepeats() {
        List<RatingRow> repeats = SeenPairs.stageFalseAlarms(bulk, deferred);
        ratingsCreated += deferred.size() - repeats.size();
        deferred.clear();
        deferred.addAll(repeats);
    }

    /**
     * Into a graph that held no ratings when the import began, ratings this import has certainly not written
     * yet are created without MERGE's existence check; a repeated (user, movie) pair is merged, so it is
     * never duplicated.
     */
    private void writeRatings(List<RatingRow> batch) {
        ratingRows += batch.size();
        if (seen == null) {
            record(ingest.mergeRatings(batch));
            return;
        }
        List<RatingRow> fresh = new ArrayList<>(batch.size());
        List<RatingRow> repeated = new ArrayList<>();
        for (RatingRow r : batch) {
            (seen.add(r.userId(), r.movieId()) ? repeated : fresh).add(r);
        }
        if (bulk != null) {
            bulk.ratings(fresh);
            ratingsCreated += fresh.size();
            deferred.addAll(repeated);
            return;
        }
        if (!fresh.isEmpty() && options.concurrentWrites()) {
            createInParallel(fresh);
        } else if (!fresh.isEmpty()) {
            record(ingest.createRatings(fresh));
        }
        if (!repeated.isEmpty()) {
            IngestRepository.RatingWrite merged = ingest.mergeRatings(repeated);
            // a repeated pair that MERGE found is a second row for an existing rating: counted as changed or not
            record(merged);
        }
    }

    /**
     * Creates ratings in {@value #CREATE_PARTITIONS} concurrent transactions over disjoint users (the
     * database then uses both cores). Each locks movies in ascending id order, so they cannot deadlock.
     */
    private void createInParallel(List<RatingRow> fresh) {
        List<List<RatingRow>> parts = new ArrayList<>();
        for (int i = 0; i < CREATE_PARTITIONS; i++) {
            parts.add(new ArrayList<>(fresh.size() / CREATE_PARTITIONS + 1));
        }
        for (RatingRow r : fresh) {
            parts.get((int) Math.floorMod(r.userId(), (long) CREATE_PARTITIONS)).add(r);
        }
        List<Future<IngestRepository.RatingWrite>> pending = new ArrayList<>();
        for (List<RatingRow> part : parts.subList(1, parts.size())) {
            if (!part.isEmpty()) {
                pending.add(helpers.submit(() -> ingest.createRatings(part)));
            }
        }
        if (!parts.get(0).isEmpty()) {
            record(ingest.createRatings(parts.get(0)));
        }
        for (Future<IngestRepository.RatingWrite> f : pending) {
            record(Futures.await(f, "a batch of ratings"));
        }
    }

    private void record(IngestRepository.RatingWrite w) {
        ratingsCreated += w.created();
        ratingsUpdated += w.updated();
    }

    /** Datasets without a users file know users only by their ratings and tags: create them first. */
    private <T> void createUnknownUsers(List<T> batch, java.util.function.ToLongFunction<T> userId) {
        if (reader.hasUsers()) {
            return;
        }
        Set<Long> fresh = new HashSet<>();
        for (T row : batch) {
            long id = userId.applyAsLong(row);
            if (!known.users().contains(id)) {
                fresh.add(id);
            }
        }
        if (!fresh.isEmpty() && bulk != null) {
            bulk.userIds(fresh);
            known.users().addAll(fresh);
        } else if (!fresh.isEmpty()) {
            ingest.mergeUserIds(fresh);
            known.users().addAll(fresh);
        }
    }

    private <T> void phase(String file, Source<T> source, Check<T> check, Consumer<List<T>> write)
            throws IOException {
        try (Progress progress = Progress.bytes("Importing " + file, reader.size(file))) {
            ImportBatcher<T> batcher = new ImportBatcher<>(check, write, progress, options, writer, rejections);
            source.read(batcher, progress::stepTo);
            batcher.flush();
            double secs = Importer.seconds(batcher.started());
            LOG.infof("%s: %,d rows in %.1f s (%,.0f rows/s)", file, batcher.rows(), secs, batcher.rows() / Math.max(secs, 1e-3));
        }
    }

    @Override
    public void close() throws IOException {
        writer.shutdownNow();
        helpers.shutdownNow();
        if (bulk != null) {
            bulk.close();
        }
        rejections.close();
    }

    Rejections rejections() {
        return rejections;
    }
}
