package io.cinegraph.ingest;

import java.nio.file.Path;

/**
 * How an import runs.
 *
 * @param batchSize       rows per write transaction
 * @param onError         stop at the first bad row ({@code FAIL}), or skip bad rows and keep them in {@code rejectsFile}
 * @param rejectsFile     where skipped rows go ({@code file:line: reason}, then the raw line)
 * @param skipIfUnchanged do nothing when the graph already holds a complete import of the same files
 */
public record ImportOptions(int batchSize, OnError onError, Path rejectsFile, boolean skipIfUnchanged) {

    public enum OnError { FAIL, SKIP }

    public ImportOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (onError == OnError.SKIP && rejectsFile == null) {
            throw new IllegalArgumentException("skip mode needs a rejects file");
        }
    }
}
