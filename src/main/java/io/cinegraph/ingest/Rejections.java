package io.cinegraph.ingest;

import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows an import rejected: counted, the first {@value #ERRORS_KEPT} kept for the summary, the first
 * {@value #ERRORS_LOGGED} logged, and with {@code --on-error=skip} every one written (message and raw line) to the
 * rejects file.
 */
final class Rejections implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Rejections.class);
    /** How many rejections the summary keeps (all of them go to the rejects file). */
    private static final int ERRORS_KEPT = 50;
    /** How many rejections are logged one by one before the log goes quiet. */
    private static final int ERRORS_LOGGED = 20;

    private final ImportOptions options;
    private final List<String> errors = new ArrayList<>();
    private BufferedWriter rejects;
    private long rejected;

    Rejections(ImportOptions options) {
        this.options = options;
    }

    void reject(SourcePosition at, String reason, String rawLine) {
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

    long count() {
        return rejected;
    }

    List<String> kept() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws IOException {
        if (rejects != null) {
            rejects.close();
        }
    }
}
