package io.cinegraph.ingest;

/** A dataset that cannot be read at all (missing directory or file, unknown format, wrong header): one sentence. */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
