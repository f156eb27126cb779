package io.cinegraph.signals;

import io.cinegraph.domain.Interaction;
import io.cinegraph.graph.CandidateRepository;
import io.cinegraph.graph.FeatureRepository;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.GraphData;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.graph.TemporaryGraph;

import java.util.List;
import java.util.function.Consumer;

/**
 * A graph with its signals, wired once: the graph, its signal job, the in-memory snapshot, the feature extractor
 * and the candidate generators. Either over an existing graph (its signals as they are) or a temporary graph that
 * is filled (e.g. with the training ratings only) and has every signal recomputed, deleted on close. Made by
 * {@link #over} and {@link #temporary}; {@code temporary} is null over an existing graph.
 */
public record SignalGraph(Graph graph, TemporaryGraph temporary, SignalSnapshots snapshots, SignalJob job,
                          FeatureExtractor extractor, CandidateSources candidates) implements AutoCloseable {

    /** Wires the signal job, the snapshot, the feature extractor and the candidate generators over {@code graph}. */
    private static SignalGraph wire(Graph graph, TemporaryGraph temporary, SignalsConfig config) {
        FeatureRepository features = new FeatureRepository(graph);
        SignalsRepository signals = new SignalsRepository(graph);
        SignalSnapshots snapshots = new SignalSnapshots(features, signals);
        return new SignalGraph(graph, temporary, snapshots, new SignalJob(signals, config, snapshots),
                new FeatureExtractor(features, snapshots, config),
                new CandidateSources(new CandidateRepository(graph), snapshots, config));
    }

    /** An existing graph, with the signals it holds; closing this leaves the graph open. */
    public static SignalGraph over(Graph graph, SignalsConfig config) {
        return wire(graph, null, config);
    }

    /** A new temporary graph, filled by {@code fill}, with every signal recomputed. */
    public static SignalGraph temporary(Consumer<Graph> fill, SignalsConfig config) {
        return temporary(fill, config, new TemporaryGraph());
    }

    private static SignalGraph temporary(Consumer<Graph> fill, SignalsConfig config, TemporaryGraph temporary) {
        try {
            fill.accept(temporary.graph());
            SignalGraph out = wire(temporary.graph(), temporary, config);
            out.job.recomputeAll();
            return out;
        } catch (RuntimeException e) {
            temporary.close();
            throw e;
        }
    }

    /** A new temporary graph holding {@code data}'s movies and users and only {@code ratings}, signals recomputed. */
    public static SignalGraph temporary(GraphData data, List<Interaction> ratings, SignalsConfig config) {
        return temporary(graph -> data.copyInto(graph, ratings), config,
                new TemporaryGraph(TemporaryGraph.pageCacheFor(ratings.size())));
    }

    /** Recomputes every materialized signal of the graph (and swaps the snapshot). */
    public SignalJob.Timings recompute() {
        return job.recomputeAll();
    }

    /** The current snapshot of the materialized signals. */
    public SignalSnapshot snapshot() {
        return snapshots.current();
    }

    @Override
    public void close() {
        if (temporary != null) {
            temporary.close();
        }
    }
}
