package io.cinegraph.ingest;

/** Fail mode met a bad row: the batches before it are committed, nothing after it is read. */
final class ImportAbortedException extends RuntimeException {

    ImportAbortedException(String message) {
        super(message, null, false, false);
    }
}
