package io.cinegraph.ingest;

/** A field that does not parse; the reader turns it into a {@code file:line: reason} rejection. */
final class InvalidRowException extends Exception {

    InvalidRowException(String reason) {
        super(reason, null, false, false);
    }
}
