package io.cinegraph.ratings;

import io.cinegraph.domain.GraphCounts;
import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.UserRow;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.graph.CypherQueries;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.graph.TestGraphs;
import io.cinegraph.signals.TestSignalsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up write warm-up writes on a throw-away graph of its own and leaves the service's graph as it was. */
class WriteWarmUpTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheAskedRatingsElsewhereAndLeavesTheServicesGraphUntouched() {
        try (Graph graph = new Graph(TestGraphs.embedded(tmp.resolve("db")), CypherQueries.load())) {
            IngestRepository ingest = new IngestRepository(graph);
            ingest.mergeUsers(List.of(new UserRow(1, 25, "F", "writer", "0")));
            ingest.mergeMovies(List.of(new MovieRow(1, "One", 1990, List.of("Drama"), null, null)));
            ingest.mergeRatings(List.of(new RatingRow(1, 1, 4.0, 1_000)));
            CatalogRepository catalog = new CatalogRepository(graph);
            GraphCounts before = catalog.counts();

            int written = new WriteWarmUp(graph, TestSignalsConfig.fixture(), 120, Duration.ofMinutes(2)).run();

            assertThat(written).as("every asked write, give or take a replacement that met its pair in its batch")
                    .isBetween(100, 120);
            assertThat(catalog.counts()).isEqualTo(before);
            assertThat(new WriteWarmUp(graph, TestSignalsConfig.fixture(), 0, Duration.ofMinutes(2)).run()).isZero();
        }
    }
}
