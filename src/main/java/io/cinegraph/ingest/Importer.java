package io.cinegraph.ingest;

import io.cinegraph.domain.Rows;

import io.cinegraph.domain.DatasetInfo;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.TagRow;
import io.cinegraph.domain.Rows.UserRow;
import io.cinegraph.support.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Streams a MovieLens dataset into the graph: genres, users, movies, ratings, tags, in batched idempotent
 * transactions. Checks what the readers cannot: that ratings and tags name known movies (and known users
 * when the dataset has a users file), and that ids are not listed twice.
 */
@ApplicationScoped
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class);
    /** How many rejections the summary keeps (all of them go to the rejects file). */
    private static final int ERRORS_KEPT = 50;
    /** How many rejections are logged one by one before the log goes quiet. */
    private static final int ERRORS_LOGGED = 20;
    /** The shortest rating lines ("1\t2\t3\t881250949") are about this long: sizes the seen-pairs filter. */
    private static final long BYTES_PER_RATING_LINE = 16;
    /** Concurrent transactions per batch on a first import (one per core of the machines we target). */
    private static final int CREATE_PARTITIONS = 2;

    private final IngestRepository ingest;
    private final CatalogRepository catalog;

    public Importer(IngestRepository ingest, CatalogRepository catalog) {
        this.ingest = ingest;
        this.catalog = catalog;
    }

    /** Imports the dataset found in {@code dir}. Structural problems throw {@link DatasetException}. */
    public ImportSummary run(Path dir, ImportOptions options) {
        long started = System.nanoTime();
        DatasetReader reader = DatasetFormat.open(dir);
        String fingerprint = fingerprint(reader);
        if (options.skipIfUnchanged()) {
            DatasetInfo current = catalog.dataset().orElse(null);
            if (current != null && current.complete() && fingerprint.equals(current.fingerprint())) {
                return new ImportSummary(reader.format().label(), reader.directory(), catalog.counts(), 0, 0, 0, 0,
                        List.of(), null, true, true, seconds(started), 0);
            }
        }
        Map<String, Object> record = new HashMap<>();
        record.put("name", reader.directory().getFileName().toString());
        record.put("format", reader.format().label());
        record.put("path", reader.directory().toAbsolutePath().toString());
        record.put("fingerprint", fingerprint);
        record.put("complete", false);
        record.put("ratingMin", reader.scale().min());
        record.put("ratingMax", reader.scale().max());
        record.put("ratingStep", reader.scale().step());
        ingest.recordDataset(record);

        try (Run run = new Run(reader, options)) {
            run.execute();
            if (run.completed) {
                ingest.recordDataset(Map.of("complete", true, "importedAt", Instant.now().getEpochSecond()));
            }
            ImportSummary summary = new ImportSummary(reader.format().label(), reader.directory(), catalog.counts(),
                    run.ratingRows, run.ratingsCreated, run.ratingsUpdated, run.rejected, List.copyOf(run.errors),
                    options.onError() == ImportOptions.OnError.SKIP ? options.rejectsFile() : null,
                    run.completed, false, seconds(started), run.ratingsSeconds);
            LOG.info(summary.describe());
            return summary;
        } catch (IOException e) {
            throw new DatasetException("Cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** A sink that passes on only the rows {@code keep} accepts (and every rejection). */
    private static <T> RowSink<T> only(java.util.function.Predicate<T> keep, RowSink<T> sink) {
        return new RowSink<>() {
            @Override
            public void accept(T row, SourcePosition position, String rawLine) {
                if (keep.test(row)) {
                    sink.accept(row, position, rawLine);
                }
            }

            @Override
            public void reject(SourcePosition position, String reason, String rawLine) {
                sink.reject(position, reason, rawLine);
            }
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The result of a write on another thread, with its exception as thrown there. */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Name, size and modification time of every file: cheap, and changes whenever a file is replaced. */
    static String fingerprint(DatasetReader reader) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : reader.files()) {
                Path p = reader.directory().resolve(file);
                sha.update((file + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One import: its counters, known ids, rejects file and batches. */
    private final class Run implements AutoCloseable {

        private final DatasetReader reader;
        private final ImportOptions options;
        private final Set<Long> knownUsers = ConcurrentHashMap.newKeySet();
        /** Writes batches while the reader parses the next one. */
        private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("cinegraph-import-writer"));
        /** Extra writers for the partitions of a first import's batches. */
        private final ExecutorService helpers = Executors.newFixedThreadPool(CREATE_PARTITIONS - 1,
                daemon("cinegraph-import-helper"));
        private final Map<Long, Long> movieLines = new HashMap<>();
        private final List<String> errors = new ArrayList<>();
        private BufferedWriter rejects;
        private long rejected;
        private long ratingRows;
        private long ratingsCreated;
        private long ratingsUpdated;
        private double ratingsSeconds;
        private boolean completed;
        /** Pairs written by this import, when it started on a graph without ratings (else null: always MERGE). */
        private final SeenPairs seen;

        Run(DatasetReader reader, ImportOptions options) {
            this.reader = reader;
            this.options = options;
            this.seen = catalog.counts().ratings() == 0
                    ? new SeenPairs(reader.size(reader.ratingsFile()) / BYTES_PER_RATING_LINE + 1)
                    : null;
        }

        void execute() throws IOException {
            try {
                List<String> genres = reader.declaredGenres();
                if (!genres.isEmpty()) {
                    ingest.mergeGenres(genres);
                }
                if (reader.usersFile() != null) {
                    phase(reader.usersFile(), (sink, bytes) -> reader.users(sink, bytes), this::acceptUser,
                            ingest::mergeUsers);
                }
                phase(reader.moviesFile(), (sink, bytes) -> reader.movies(sink, bytes), this::acceptMovie,
                        ingest::mergeMovies);
                long ratingsStarted = System.nanoTime();
                phase(reader.ratingsFile(), (sink, bytes) -> reader.ratings(only(options.ratingFilter(), sink), bytes),
                        this::acceptRating,
                        batch -> {
                            createUnknownUsers(batch, RatingRow::userId);
                            writeRatings(batch);
                        });
                ratingsSeconds = seconds(ratingsStarted);
                if (reader.tagsFile() != null) {
                    phase(reader.tagsFile(), (sink, bytes) -> reader.tags(sink, bytes), this::acceptTag,
                            batch -> {
                                createUnknownUsers(batch, TagRow::userId);
                                ingest.mergeTags(batch);
                            });
                }
                completed = true;
            } catch (ImportAbortedException e) {
                completed = false;
            }
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
                record(await(f));
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
                if (!knownUsers.contains(id)) {
                    fresh.add(id);
                }
            }
            if (!fresh.isEmpty()) {
                ingest.mergeUserIds(fresh);
                knownUsers.addAll(fresh);
            }
        }

        /** Checks a row against what was imported before it; a non-null answer is the reason to reject it. */
        private String acceptUser(UserRow row, SourcePosition at) {
            return knownUsers.add(row.userId()) ? null : "user " + row.userId() + " is listed twice";
        }

        private String acceptMovie(MovieRow row, SourcePosition at) {
            Long first = movieLines.putIfAbsent(row.movieId(), at.line());
            return first == null ? null : "movie " + row.movieId() + " is listed twice (first at line " + first + ")";
        }

        private String acceptRating(RatingRow row, SourcePosition at) {
            if (!movieLines.containsKey(row.movieId())) {
                return "movie " + row.movieId() + " is not in " + reader.moviesFile();
            }
            if (reader.hasUsers() && !knownUsers.contains(row.userId())) {
                return "user " + row.userId() + " is not in " + reader.usersFile();
            }
            return null;
        }

        private String acceptTag(TagRow row, SourcePosition at) {
            if (!movieLines.containsKey(row.movieId())) {
                return "movie " + row.movieId() + " is not in " + reader.moviesFile();
            }
            if (reader.hasUsers() && !knownUsers.contains(row.userId())) {
                return "user " + row.userId() + " is not in " + reader.usersFile();
            }
            return null;
        }

        private <T> void phase(String file, Source<T> source, Check<T> check, Consumer<List<T>> write)
                throws IOException {
            try (Progress progress = Progress.bytes("Importing " + file, reader.size(file))) {
                Batcher<T> batcher = new Batcher<>(file, check, write, progress);
                source.read(batcher, progress::stepTo);
                batcher.flush();
                double secs = seconds(batcher.started);
                LOG.infof("%s: %,d rows in %.1f s (%,.0f rows/s)", file, batcher.rows, secs, batcher.rows / Math.max(secs, 1e-3));
            }
        }

        private void reject(SourcePosition at, String reason, String rawLine) {
            rejected++;
            String message = at + ": " + reason;
            if (errors.size() < ERRORS_KEPT) {
                errors.add(message);
            }
            if (rejected <= ERRORS_LOGGED) {
                LOG.warn(message);
            } else if (rejected == ERRORS_LOGGED + 1) {
                LOG.warn("More rows were rejected; the rest are counted"
                        + (options.onError() == ImportOptions.OnError.SKIP ? " and written to " + options.rejectsFile() : ""));
            }
            if (options.onError() == ImportOptions.OnError.SKIP) {
                try {
                    if (rejects == null) {
                        Path parent = options.rejectsFile().toAbsolutePath().getParent();
                        if (parent != null) {
                            Files.createDirectories(parent);
                        }
                        rejects = Files.newBufferedWriter(options.rejectsFile(), StandardCharsets.UTF_8);
                    }
                    rejects.write(message);
                    rejects.write('\n');
                    rejects.write('\t');
                    rejects.write(rawLine);
                    rejects.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write the rejects file " + options.rejectsFile(), e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            writer.shutdownNow();
            helpers.shutdownNow();
            if (rejects != null) {
                rejects.close();
            }
        }

        /** Collects accepted rows into batches and writes each full batch in one transaction. */
        private final class Batcher<T> implements RowSink<T> {
            private final String file;
            private final Check<T> check;
            private final Consumer<List<T>> write;
            private final Progress progress;
            private final long started = System.nanoTime();
            private List<T> batch;
            private long rows;
            private Future<?> inFlight;

            Batcher(String file, Check<T> check, Consumer<List<T>> write, Progress progress) {
                this.file = file;
                this.check = check;
                this.write = write;
                this.progress = progress;
                this.batch = new ArrayList<>(options.batchSize());
            }

            @Override
            public void accept(T row, SourcePosition position, String rawLine) {
                String problem = check.problem(row, position);
                if (problem != null) {
                    reject(position, problem, rawLine);
                    return;
                }
                batch.add(row);
                if (batch.size() >= options.batchSize()) {
                    submit();
                }
            }

            @Override
            public void reject(SourcePosition position, String reason, String rawLine) {
                Run.this.reject(position, reason, rawLine);
                if (options.onError() == ImportOptions.OnError.FAIL) {
                    flush();
                    throw new ImportAbortedException(position + ": " + reason);
                }
            }

            /**
             * Hands the batch to the writer thread, after the previous one is committed: reading and parsing
             * the next batch overlaps with writing this one, and batches still commit in file order.
             */
            void submit() {
                awaitWrite();
                if (batch.isEmpty()) {
                    return;
                }
                List<T> full = batch;
                inFlight = writer.submit(() -> write.accept(full));
                rows += full.size();
                batch = new ArrayList<>(options.batchSize());
                double secs = Math.max(seconds(started), 1e-3);
                progress.message(String.format("%,d rows, %,.0f rows/s", rows, rows / secs));
            }

            /** Writes what is pending and waits until every batch is committed. */
            void flush() {
                submit();
                awaitWrite();
            }

            private void awaitWrite() {
                if (inFlight == null) {
                    return;
                }
                try {
                    await(inFlight);
                } finally {
                    inFlight = null;
                }
            }
        }
    }

    @FunctionalInterface
    private interface Source<T> {
        void read(RowSink<T> sink, LongConsumer bytes) throws IOException;
    }

    @FunctionalInterface
    private interface Check<T> {
        String problem(T row, SourcePosition at);
    }
}
