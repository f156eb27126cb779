package io.cinegraph.support;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Whether the service is still filling its graph at start-up (then it is alive but not ready). */
@ApplicationScoped
public class ServiceState {

    private final AtomicReference<Path> importing = new AtomicReference<>();
    private volatile boolean serving;

    /** Marks this process as the long-running service (scheduled jobs run only there, not in CLI commands). */
    public void serving() {
        serving = true;
    }

    public boolean isServing() {
        return serving;
    }

    public void importing(Path dataset) {
        importing.set(dataset);
    }

    public void ready() {
        importing.set(null);
    }

    /** The dataset being imported, if an import is under way. */
    public Optional<Path> currentImport() {
        return Optional.ofNullable(importing.get());
    }
}
