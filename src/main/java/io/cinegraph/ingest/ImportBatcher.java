package io.cinegraph.ingest;

import io.cinegraph.support.Futures;
import io.cinegraph.support.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Collects accepted rows into batches and writes each full batch in one transaction. */
final class ImportBatcher<T> implements RowSink<T> {
    private final ImportRun.Check<T> check;
    private final Consumer<List<T>> write;
    private final Progress progress;
    private final ImportOptions options;
    private final ExecutorService writer;
    private final Rejections rejections;
    private final long started = System.nanoTime();
    private List<T> batch;
    private long rows;
    private Future<?> inFlight;

    ImportBatcher(ImportRun.Check<T> check, Consumer<List<T>> write, Progress progress,
                  ImportOptions options, ExecutorService writer, Rejections rejections) {
        this.check = check;
        this.write = write;
        this.progress = progress;
        this.options = options;
        this.writer = writer;
        this.rejections = rejections;
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
        rejections.reject(position, reason, rawLine);
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
        double secs = Math.max(Importer.seconds(started), 1e-3);
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
            Futures.await(inFlight, "the batch being written");
        } finally {
            inFlight = null;
        }
    }

    long started() {
        return started;
    }

    long rows() {
        return rows;
    }
}
