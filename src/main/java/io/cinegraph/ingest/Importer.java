package io.cinegraph.ingest;

import io.cinegraph.domain.DatasetInfo;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.graph.IngestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Streams a MovieLens dataset into the graph: genres, users, movies, ratings, tags, in batched idempotent
 * transactions. Checks what the readers cannot: that ratings and tags name known movies (and known users
 * when the dataset has a users file), and that ids are not listed twice.
 */
@ApplicationScoped
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class);

    private final IngestRepository ingest;
    private final CatalogRepository catalog;
    /** Told after every import (caches of what a dataset defines, e.g. its rating scale, drop it); may be null. */
    private final jakarta.enterprise.event.Event<DatasetImported> imported;

    /** Fired after an import wrote into the graph (complete or not). */
    public record DatasetImported(String name) {
    }

    @jakarta.inject.Inject
    public Importer(IngestRepository ingest, CatalogRepository catalog,
                    jakarta.enterprise.event.Event<DatasetImported> imported) {
        this.ingest = ingest;
        this.catalog = catalog;
        this.imported = imported;
    }

    /** An importer outside the service (benchmarks, temporary graphs): nobody to tell. */
    public Importer(IngestRepository ingest, CatalogRepository catalog) {
        this(ingest, catalog, null);
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
        try (ImportRun run = new ImportRun(ingest, catalog, reader, options)) {
            if (!run.bulk()) {
                // marked incomplete until the end, so that a crash leaves a record that says so; a bulk load writes
                // the store afresh at its end (a crash before then leaves the empty graph it found)
                ingest.recordDataset(record);
            }
            ImportRun.Outcome outcome = run.execute();
            // the whole record again: a bulk load writes the store afresh
            record.put("complete", outcome.completed());
            if (outcome.completed()) {
                record.put("importedAt", Instant.now().getEpochSecond());
            }
            ingest.recordDataset(record);
            if (imported != null) {
                imported.fire(new DatasetImported(String.valueOf(record.get("name"))));
            }
            ImportSummary summary = new ImportSummary(reader.format().label(), reader.directory(), catalog.counts(),
                    outcome.ratingRows(), outcome.ratingsCreated(), outcome.ratingsUpdated(), run.rejections().count(),
                    run.rejections().kept(), options.onError() == ImportOptions.OnError.SKIP ? options.rejectsFile() : null,
                    outcome.completed(), false, seconds(started), outcome.ratingsSeconds());
            LOG.info(summary.describe());
            return summary;
        } catch (IOException e) {
            throw new DatasetException("Cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** A sink that passes on only the rows {@code keep} accepts (and every rejection). */
    static <T> RowSink<T> only(java.util.function.Predicate<T> keep, RowSink<T> sink) {
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

}
