package io.cinegraph.ingest;

/** Receives what a reader parsed: good rows, and rows it could not parse with the reason. */
public interface RowSink<T> {

    void accept(T row, SourcePosition position, String rawLine);

    void reject(SourcePosition position, String reason, String rawLine);
}
