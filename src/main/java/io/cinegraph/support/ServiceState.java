package io.cinegraph.support;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Whether the service is still filling its graph at start-up (then it is alive but not ready). */
@ApplicationScoped
public class ServiceState {

    private final AtomicReference<Path> importing = new AtomicReference<>();

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
