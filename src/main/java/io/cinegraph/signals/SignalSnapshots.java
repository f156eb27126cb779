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
}
