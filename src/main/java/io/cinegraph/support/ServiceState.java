package io.cinegraph.support;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Whether the service is still filling its graph or its caches at start-up (then it is alive but not ready). */
@ApplicationScoped
public class ServiceState {

    private final AtomicReference<Path> importing = new AtomicReference<>();
    private volatile boolean serving;
    /** While {@code serve} is starting (import, model, warm-up): set when Quarkus starts, so no request sees it ready early. */
    private volatile boolean starting;

    /**
     * The HTTP server is up before the {@code serve} command runs its start-up (import, model, warm-up): a process
     * launched to serve is marked as starting from the first moment, and ready only when the command says so
     * ({@link #started}). CLI commands and tests are never starting.
     */
    void onStart(@Observes StartupEvent event, @CommandLineArguments String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            starting = true;
        }
    }

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

    /** {@code serve} has finished its start-up: the process may report ready. */
    public void started() {
        starting = false;
    }

    /** While {@code serve} is still starting (alive, not ready yet). */
    public boolean isStarting() {
        return starting;
    }

    /** The dataset being imported, if an import is under way. */
    public Optional<Path> currentImport() {
        return Optional.ofNullable(importing.get());
    }
}
