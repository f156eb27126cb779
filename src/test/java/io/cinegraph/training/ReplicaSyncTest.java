package io.cinegraph.training;

import io.cinegraph.graph.ClusterRepository;
import io.cinegraph.recommend.Experiment;
import io.cinegraph.recommend.Experiments;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ReplicaSyncTest {

    @Inject
    ReplicaSync sync;

    @Inject
    Experiments experiments;

    @Inject
    ClusterRepository cluster;

    @Test
    void aPollServesTheExperimentAnotherReplicaStartedAndEnded() {
        assertThat(experiments.current()).isEmpty();
        // what another replica's start records in the shared graph
        cluster.recordExperiment("{\"name\": \"elsewhere\", \"startedAt\": 1700000000, \"arms\": ["
                + "{\"name\": \"A\", \"model\": \"fallback\", \"share\": 50}, "
                + "{\"name\": \"B\", \"model\": \"popular\", \"share\": 50}]}");
        try {
            sync.follow();
            assertThat(experiments.current()).map(Experiment::name).contains("elsewhere");
            assertThat(experiments.choose(7).variant()).isIn("A", "B");
        } finally {
            cluster.recordExperiment(null);
            sync.follow();
        }
        assertThat(experiments.current()).as("ended by the other replica").isEmpty();
    }
}
