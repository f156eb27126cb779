package io.cinegraph.signals;

import io.cinegraph.graph.FeatureRepository;
import io.cinegraph.graph.SignalsRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicReference;

/** Holds the current {@link SignalSnapshot}: loaded on first use, replaced atomically after recomputation. */
@ApplicationScoped
public class SignalSnapshots {

    private final FeatureRepository features;
    private final SignalsRepository signals;
    private final AtomicReference<SignalSnapshot> current = new AtomicReference<>();
    /** When the signals this snapshot was read from were computed (epoch ms; 0 when not known). */
    private volatile long computedAt;

    public SignalSnapshots(FeatureRepository features, SignalsRepository signals) {
        this.features = features;
        this.signals = signals;
    }

    public SignalSnapshot current() {
        SignalSnapshot snapshot = current.get();
        if (snapshot == null) {
            synchronized (this) {
                snapshot = current.get();
                if (snapshot == null) {
                    computedAt = signals.computedAt();
                    snapshot = SignalSnapshot.load(features, signals);
                    current.set(snapshot);
                }
            }
        }
        return snapshot;
    }

    /** Adds a movie created since the snapshot was read (or replaces its signals), so search and ranking see it. */
    public void addMovie(long movieId, SignalSnapshot.MovieSignals movie) {
        current();
        current.updateAndGet(s -> s.withMovie(movieId, movie));
    }

    /** Reads the materialized signals again and swaps the new snapshot in. */
    public SignalSnapshot rebuild() {
        RatingTable table = RatingTable.read(signals);
        return rebuild(table, new RatingStats(table).global());
    }

    /** As {@link #rebuild()}, with the ratings the signal job has just read and their graph-wide figures. */
    SignalSnapshot rebuild(RatingTable table, SignalsRepository.GlobalStats global) {
        SignalSnapshot snapshot = SignalSnapshot.load(features, signals, table, global);
        current.set(snapshot);
        return snapshot;
    }

    /**
     * Reads the snapshot again when the graph's signals were recomputed (by another replica) after the ones this
     * snapshot holds; true when it did. (A snapshot not read yet will be read fresh on first use.)
     */
    public synchronized boolean follow() {
        long graphComputedAt = signals.computedAt();
        if (graphComputedAt <= computedAt || current.get() == null) {
            return false;
        }
        rebuild();
        computedAt = graphComputedAt;
        return true;
    }

    /** Notes that the current snapshot holds the signals computed at {@code at} (by this process's signal job). */
    void computedAt(long at) {
        computedAt = at;
    }
}
