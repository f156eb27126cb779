package io.cinegraph.ingest;

/** Where a row came from, printed as {@code file:line} in every report. */
public record SourcePosition(String file, long line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
