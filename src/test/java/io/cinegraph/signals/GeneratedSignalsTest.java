package io.cinegraph.signals;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.GenreAffinity;
import io.cinegraph.graph.CandidateRepository;
import io.cinegraph.graph.FeatureRepository;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.graph.TestGraphs;
import io.cinegraph.graph.UserSignalsRepository;
import io.cinegraph.ingest.Fixtures;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.SyntheticGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Signals on generated data with planted structure: what the generators return and what features say agree. */
class GeneratedSignalsTest {

    @TempDir
    static Path tmp;

    private static Graph graph;
    private static CandidateRepository candidates;
    private static FeatureExtractor extractor;
    private static UserSignalsRepository userSignals;

    @BeforeAll
    static void generatedGraph() {
        // a graph of its own: no other test class's writes can reach it
        graph = new Graph(TestGraphs.embedded(tmp.resolve("db")), io.cinegraph.graph.CypherQueries.load());
        Path dir = tmp.resolve("gen");
        new SyntheticGenerator(new SyntheticGenerator.Params(150, 300, 9_000, 11, dir, SyntheticGenerator.Layout.ML_100K)).write();
        Fixtures.importer(graph)
                .run(dir, new ImportOptions(1000, ImportOptions.OnError.FAIL, null, false));
        SignalsConfig config = TestSignalsConfig.fixture();
        SignalSnapshots snapshots = new SignalSnapshots(new FeatureRepository(graph), new SignalsRepository(graph));
        new SignalJob(new SignalsRepository(graph), config, snapshots).recomputeAll();
        candidates = new CandidateRepository(graph);
        extractor = new FeatureExtractor(new FeatureRepository(graph), snapshots, config);
        userSignals = new UserSignalsRepository(graph);
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        graph.close();
    }

    @Test
    void kNNFeatureValuesEqualTheScoresOfTheKnnGenerators() {
        for (long user = 1; user <= 20; user++) {
            List<Candidate> item = CandidateQueries.itemKnn(candidates, user, 20);
            List<Candidate> knn = CandidateQueries.userKnn(candidates, user, 20);
            Map<Long, FeatureVector> itemFeatures = byMovie(extractor.extract(user, item.stream().map(Candidate::movieId).toList()).orElseThrow());
            Map<Long, FeatureVector> userFeatures = byMovie(extractor.extract(user, knn.stream().map(Candidate::movieId).toList()).orElseThrow());
            for (Candidate c : item) {
                assertThat(itemFeatures.get(c.movieId()).get(Feature.ITEM_KNN_SCORE)).isCloseTo(c.score(), within(1e-6));
            }
            for (Candidate c : knn) {
                assertThat(userFeatures.get(c.movieId()).get(Feature.USER_KNN_SCORE)).isCloseTo(c.score(), within(1e-6));
            }
        }
    }

    @Test
    void generatorsNeverProposeRatedMoviesAndRankBestFirst() {
        for (long user = 1; user <= 20; user++) {
            List<Long> rated = new FeatureRepository(graph).request(user).orElseThrow().ratings().stream()
                    .map(io.cinegraph.domain.UserSide.Rated::movieId).toList();
            for (String source : List.of("user-knn", "item-knn", "genre", "cohort", "popular")) {
                List<Candidate> top = switch (source) {
                    case "user-knn" -> CandidateQueries.userKnn(candidates, user, 30);
                    case "item-knn" -> CandidateQueries.itemKnn(candidates, user, 30);
                    case "genre" -> CandidateQueries.genre(candidates, user, 30);
                    case "cohort" -> CandidateQueries.cohort(candidates, user, 30, 3.5, 10);
                    default -> CandidateQueries.popular(candidates, user, 30);
                };
                assertThat(top).as(source).isNotEmpty();
                assertThat(top).as(source).extracting(Candidate::movieId).doesNotContainAnyElementsOf(rated);
                assertThat(top).as(source).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
                assertThat(top).as(source).allSatisfy(c -> assertThat(c.explanation().sentence()).isNotBlank());
            }
        }
    }

    @Test
    void genreCandidatesComeFromGenresTheUserLikes() {
        for (long user = 1; user <= 20; user++) {
            var liked = userSignals.genreAffinities(user).values().stream()
                    .filter(a -> a.affinity() > 0).map(GenreAffinity::genre).toList();
            assertThat(CandidateQueries.genre(candidates, user, 10)).allSatisfy(c ->
                    assertThat(liked).contains((String) c.explanation().facts().get("genre")));
        }
    }

    @Test
    void inMemoryNeighboursAndSimilarityEqualThePerUserAndPerMovieCypher() {
        SignalsRepository repository = new SignalsRepository(graph);
        CoRatings co = CoRatings.of(RatingTable.read(repository));
        assertThat(co.ratings()).isEqualTo(9_000);
        // a cap above every degree of this fixture: which raters a cap keeps is pinned by CoRatingsTest; the Cypher
        // refresh's choice under a small cap (12) did not match the in-memory one in every run (open, see issue 17)
        int cap = 1000;
        List<Long> users = java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList();
        List<Long> movies = java.util.stream.LongStream.rangeClosed(1, 60).boxed().toList();
        List<SignalsRepository.Replacement> neighbours = co.userNeighbours(users, 10, 2, 1, cap);
        List<SignalsRepository.Replacement> similar = co.itemSimilarity(movies, 10, 2, 1, cap);
        repository.userNeighbours(users, 10, 2, 1, cap);
        repository.itemSimilarity(movies, 10, 2, 1, cap);
        // scores equal but for rounding (sums in another order) may come in either order: compare by id
        int compared = 0;
        for (SignalsRepository.Replacement expected : neighbours) {
            Map<Long, Double> written = new java.util.HashMap<>();
            userSignals.neighbours(expected.id()).forEach(n -> written.put(n.userId(), n.score()));
            compared += assertSame("user " + expected.id(), written, expected);
        }
        for (SignalsRepository.Replacement expected : similar) {
            Map<Long, Double> written = new java.util.HashMap<>();
            candidates.similarMovies(expected.id(), 100).stream().filter(r -> "rating".equals(r.evidence().get("kind")))
                    .forEach(r -> written.put(r.movieId(), r.score()));
            compared += assertSame("movie " + expected.id(), written, expected);
        }
        assertThat(compared).as("relationships compared").isGreaterThan(300);
        // back to the fixture's parameters for the other tests
        SignalsConfig config = TestSignalsConfig.fixture();
        repository.replaceUserNeighbours(co.userNeighbours(users, config.neighbours().k(),
                config.neighbours().minOverlap(), config.neighbours().shrinkage(), config.degreeCap()));
        repository.replaceRatingSimilarity(co.itemSimilarity(movies, config.similar().k(),
                config.similar().minOverlap(), config.similar().shrinkage(), config.degreeCap()));
    }

    @Test
    void inMemoryGenreAffinitiesEqualThePerUserCypher() {
        SignalsRepository repository = new SignalsRepository(graph);
        List<Long> users = java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList();
        Map<Long, Map<String, GenreAffinity>> inMemory = new java.util.HashMap<>();
        users.forEach(u -> inMemory.put(u, Map.copyOf(userSignals.genreAffinities(u))));
        repository.genreAffinity(users, TestSignalsConfig.fixture().genreShrinkage());
        int compared = 0;
        for (long user : users) {
            Map<String, GenreAffinity> cypher = userSignals.genreAffinities(user);
            Map<String, GenreAffinity> expected = inMemory.get(user);
            assertThat(cypher.keySet()).as("user " + user).isEqualTo(expected.keySet());
            for (GenreAffinity a : cypher.values()) {
                assertThat(a.affinity()).as("user " + user + " " + a.genre())
                        .isCloseTo(expected.get(a.genre()).affinity(), within(1e-9));
                assertThat(a.support()).isEqualTo(expected.get(a.genre()).support());
                compared++;
            }
        }
        assertThat(compared).as("affinities compared").isGreaterThan(200);
    }

    @Test
    void everyoneAsTheCohortScoresFromTheMoviesMaterializedTotalsAsFromTheRatings() {
        SignalsRepository repository = new SignalsRepository(graph);
        RatingTable table = RatingTable.read(repository);
        double globalMean = 3.5;
        double prior = 10;
        for (long user = 1; user <= 5; user++) {
            repository.setCohortLevels(List.of(new SignalsRepository.CohortLevel(user, 0, 149)));
            // expected from the ratings themselves: every other user's ratings of the movies this user has not rated
            Map<Long, double[]> byMovie = new java.util.TreeMap<>();
            java.util.Set<Long> own = new java.util.HashSet<>();
            for (int r = 0; r < table.size(); r++) {
                if (table.userIds[table.user[r]] == user) {
                    own.add(table.movieIds[table.movie[r]]);
                }
            }
            for (int r = 0; r < table.size(); r++) {
                long movie = table.movieIds[table.movie[r]];
                if (table.userIds[table.user[r]] != user && !own.contains(movie)) {
                    double[] acc = byMovie.computeIfAbsent(movie, k -> new double[2]);
                    acc[0]++;
                    acc[1] += table.rating[r];
                }
            }
            List<Map.Entry<Long, Double>> expected = byMovie.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue()[0] * (prior * globalMean + e.getValue()[1])
                            / (prior + e.getValue()[0]) / 5))
                    .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(10).toList();
            List<Candidate> cohort = CandidateQueries.cohort(candidates, user, 10, globalMean, prior);
            assertThat(cohort).extracting(Candidate::movieId).as("user " + user)
                    .containsExactlyElementsOf(expected.stream().map(Map.Entry::getKey).toList());
            for (int i = 0; i < cohort.size(); i++) {
                assertThat(cohort.get(i).score()).isCloseTo(expected.get(i).getValue(), within(1e-9));
            }
        }
        new SignalJob(repository, TestSignalsConfig.fixture(), new SignalSnapshots(new FeatureRepository(graph), repository))
                .recomputeAll();
    }

    /**
     * The same k best, by id: scores equal but for rounding (sums in another order) may swap places, or swap which
     * of two tied entries makes the cut at the k-th place; anything else must agree.
     */
    private static int assertSame(String what, Map<Long, Double> written, SignalsRepository.Replacement expected) {
        assertThat(written).as(what).hasSize(expected.scored().size());
        assertThat(expected.scored()).as(what).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()));
        if (expected.scored().isEmpty()) {
            return 0;
        }
        double cut = expected.scored().get(expected.scored().size() - 1).score();
        Map<Long, Double> inMemory = new java.util.HashMap<>();
        expected.scored().forEach(e -> inMemory.put(e.id(), e.score()));
        inMemory.forEach((id, score) -> {
            if (written.containsKey(id)) {
                assertThat(written.get(id)).as(what + " id " + id).isCloseTo(score, within(1e-9));
            } else {
                assertThat(score).as(what + ": id " + id + " missing, not a tie at the cut").isCloseTo(cut, within(1e-9));
            }
        });
        written.forEach((id, score) -> {
            if (!inMemory.containsKey(id)) {
                assertThat(score).as(what + ": id " + id + " extra, not a tie at the cut").isCloseTo(cut, within(1e-9));
            }
        });
        return written.size();
    }

    private static Map<Long, FeatureVector> byMovie(List<FeatureVector> vectors) {
        Map<Long, FeatureVector> map = new java.util.HashMap<>();
        vectors.forEach(v -> map.put(v.movieId(), v));
        return map;
    }
}
