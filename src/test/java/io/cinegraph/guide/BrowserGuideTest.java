package io.cinegraph.guide;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import io.cinegraph.graph.CypherQueries;
import io.cinegraph.graph.CypherQuery;
import io.cinegraph.graph.EventRepository;
import io.cinegraph.graph.Graph;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.SyntheticGenerator;
import io.cinegraph.signals.CandidateSource;
import io.cinegraph.signals.SignalGraph;
import io.cinegraph.signals.TestSignalsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code cypher/explore/} query runs on a small generated graph with its signals, with the parameters a real
 * explanation gives it, and returns rows; the guide holds each of them, runnable.
 */
class BrowserGuideTest {

    @TempDir
    Path tmp;

    @Test
    void everyExploreQueryRunsWithTheParametersOfARealExplanationAndReturnsRows() throws Exception {
        Path dir = tmp.resolve("generated");
        java.nio.file.Files.createDirectories(dir);
        new SyntheticGenerator(new SyntheticGenerator.Params(120, 150, 6_000, 3, dir, SyntheticGenerator.Layout.ML_100K)).write();
        try (SignalGraph signals = SignalGraph.temporary(g -> io.cinegraph.ingest.Fixtures.importer(g)
                .run(dir, new ImportOptions(1_000, ImportOptions.OnError.FAIL, null, false)), TestSignalsConfig.fixture())) {
            Graph graph = signals.graph();
            Map<CypherQuery, Map<String, Object>> ran = new HashMap<>();
            // the why_* queries, with the parameters of each source's explanation for user 1
            for (CandidateSource source : signals.candidates().all()) {
                for (long user = 1; user <= 20; user++) {
                    for (Candidate c : source.candidates(user, 5)) {
                        Explanation why = c.explanation();
                        if (why != null && why.exploreQuery() != null) {
                            CypherQuery query = CypherQuery.valueOf("EXPLORE_" + why.exploreQuery()
                                    .substring("explore/".length()).toUpperCase(java.util.Locale.ROOT));
                            ran.putIfAbsent(query, why.exploreParams());
                        }
                    }
                }
            }
            ran.put(CypherQuery.EXPLORE_SCHEMA, Map.of());
            ran.put(CypherQuery.EXPLORE_USER_GENRE_MAP, Map.of("userId", 1L));
            ran.put(CypherQuery.EXPLORE_USER_NEIGHBOURS, Map.of("userId", 1L));
            ran.put(CypherQuery.EXPLORE_SIMILAR_MOVIES, Map.of("movieId", 1L));
            ran.putIfAbsent(CypherQuery.EXPLORE_MOVIE_RATINGS, Map.of("movieId", 1L));
            new EventRepository(graph).put(List.of(new EventRepository.NewEvent("guide-1", 1, 1, "impression",
                    1_700_000_000L, null, "m", "A")));
            ran.put(CypherQuery.EXPLORE_EXPERIMENT_EVENTS, Map.of("variant", "A"));
            long ratedByOne = graph.readList(CypherQuery.USER_RATINGS, Map.of("userId", 1L), r -> r.get("movieId").asLong())
                    .get(0);
            ran.putIfAbsent(CypherQuery.EXPLORE_WHY_RANKER, Map.of("userId", 1L, "fromMovieId", ratedByOne,
                    "movieId", ratedByOne == 1 ? 2L : 1L));

            List<CypherQuery> explore = Stream.of(CypherQuery.values())
                    .filter(q -> q.fileName().startsWith("explore/")).toList();
            assertThat(ran.keySet()).as("every explore query has parameters to run with").containsAll(explore);
            for (CypherQuery q : explore) {
                List<Integer> rows = graph.readList(q, ran.get(q), r -> r.size());
                assertThat(rows).as(q.fileName() + " with " + ran.get(q)).isNotEmpty();
            }
        }
    }

    @Test
    void theGuideHoldsEveryExploreQueryRunnableAndTheParametersToRunThem() {
        CypherQueries queries = CypherQueries.load();
        String html = new BrowserGuide(queries).html();
        assertThat(html).startsWith("<article class=\"guide\"").contains("<carousel", "<slide", ":param userId =&gt; 1");
        for (CypherQuery q : CypherQuery.values()) {
            if (q.fileName().startsWith("explore/")) {
                String escaped = queries.text(q).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                assertThat(html).as(q.fileName()).contains("class=\"pre-scrollable code runnable\">" + escaped + "</pre>");
            }
        }
    }
}
