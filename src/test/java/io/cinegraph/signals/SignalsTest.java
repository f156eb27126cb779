package io.cinegraph.signals;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.GenreAffinity;
import io.cinegraph.graph.CandidateRepository;
import io.cinegraph.graph.FeatureRepository;
import io.cinegraph.graph.Graph;
import io.cinegraph.domain.UserSide;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.graph.RatingRepository;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.graph.TestGraphs;
import io.cinegraph.graph.UserSignalsRepository;
import io.cinegraph.ingest.Fixtures;
import io.cinegraph.ingest.ImportOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every signal formula on a four-user, three-movie fixture whose expected values were computed by hand
 * (independently of Cypher, with the formulas of the cypher/signals files):
 * <pre>
 *          m1 Action (1995)   m2 Comedy (1995)   m3 Action|Drama (2005)    mean
 *   u1            5                  1                   4                 10/3
 *   u2            4                  2                   5                 11/3
 *   u3            2                  4                   -                  3
 *   u4            3                  5                   1                  3
 * </pre>
 * Parameters: neighbour and similarity shrinkage λ = 1, minimum overlap 2, genre shrinkage λ = 2, prior weight
 * C = 2, trend half-life 1 day.
 */
class SignalsTest {

    private static final double EPS = 1e-6;
    private static final long T = 1_000_000_000L;
    private static final long DAY = 86_400L;

    @TempDir
    Path tmp;

    private Graph graph;
    private SignalJob job;
    private UserSignalsRepository userSignals;
    private CandidateRepository candidates;
    private SignalSnapshots snapshots;

    @BeforeEach
    void fixture() {
        graph = TestGraphs.shared();
        TestGraphs.clear(graph);
        Path dir = tmp.resolve("fixture");
        Fixtures.write(dir, "u.genre", "unknown|0\nAction|1\nComedy|2\nDrama|3\n");
        Fixtures.write(dir, "u.item", "1|First (1995)|01-Jan-1995||x|0|1|0|0\n2|Second (1995)|01-Jan-1995||x|0|0|1|0\n"
                + "3|Third (2005)|01-Jan-2005||x|0|1|0|1\n");
        Fixtures.write(dir, "u.user", "1|24|M|programmer|11111\n2|30|F|writer|22222\n3|22|M|programmer|33333\n4|60|F|retired|44444\n");
        Fixtures.write(dir, "u.data", String.join("\n",
                "1\t1\t5\t" + (T - 10 * DAY), "1\t2\t1\t" + T, "1\t3\t4\t" + (T - 9 * DAY),
                "2\t1\t4\t" + (T - 8 * DAY), "2\t2\t2\t" + (T - DAY), "2\t3\t5\t" + (T - 7 * DAY),
                "3\t1\t2\t" + (T - 6 * DAY), "3\t2\t4\t" + (T - 2 * DAY),
                "4\t2\t5\t" + (T - 3 * DAY), "4\t3\t1\t" + (T - 5 * DAY), "4\t1\t3\t" + (T - 4 * DAY)) + "\n");
        Fixtures.importer(graph)
                .run(dir, new ImportOptions(100, ImportOptions.OnError.FAIL, null, false));
        snapshots = new SignalSnapshots(new FeatureRepository(graph), new SignalsRepository(graph));
        job = new SignalJob(new SignalsRepository(graph), TestSignalsConfig.fixture(), snapshots);
        userSignals = new UserSignalsRepository(graph);
        candidates = new CandidateRepository(graph);
        job.recomputeAll();
    }

    @Test
    void neighboursAreShrunkMeanCentredCosinesOverCoRatedMovies() {
        // u1·u2 over m1..m3: sim = 0.8385946, × 3/(3+1); u3·u4 over m1, m2: sim = 0.7071068, × 2/(2+1)
        assertThat(userSignals.neighbours(1)).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo(2);
            assertThat(n.score()).isCloseTo(0.6289709020331511, within(EPS));
            assertThat(n.overlap()).isEqualTo(3);
        });
        assertThat(userSignals.neighbours(2).get(0).score()).isCloseTo(0.6289709020331511, within(EPS));
        assertThat(userSignals.neighbours(3)).singleElement()
                .satisfies(n -> {
                    assertThat(n.userId()).isEqualTo(4);
                    assertThat(n.score()).isCloseTo(0.4714045207910316, within(EPS));
                    assertThat(n.overlap()).isEqualTo(2);
                });
    }

    @Test
    void similarMoviesAreShrunkAdjustedCosinesAndContentFillsInForSparseMovies() {
        List<Candidate> similarToFirst = CandidateQueries.similarMovies(candidates, 1, 10);
        assertThat(similarToFirst.get(0).movieId()).isEqualTo(3);
        assertThat(similarToFirst.get(0).score()).isCloseTo(0.27517476963950355, within(EPS));
        assertThat(similarToFirst.get(0).explanation().facts()).containsEntry("kind", "rating").containsEntry("overlap", 3L);
        // m1 has 4 ratings < 10: content similarity to m3 = jaccard 1/2 · exp(−10/10) · (1 + 0)/2
        assertThat(similarToFirst.get(1).movieId()).isEqualTo(3);
        assertThat(similarToFirst.get(1).score()).isCloseTo(0.5 * Math.exp(-1) * 0.5, within(EPS));
        assertThat(similarToFirst.get(1).explanation().facts()).containsEntry("kind", "content");
        // m2 (Comedy) shares no genre and its rating-based similarities are all negative
        assertThat(CandidateQueries.similarMovies(candidates, 2, 10)).isEmpty();
    }

    @Test
    void genreAffinityIsTheMeanCentredDeviationShrunkTowardThePopulation() {
        Map<String, GenreAffinity> u1 = userSignals.genreAffinities(1);
        assertThat(u1.get("Action").affinity()).isCloseTo(0.6547619047619047, within(EPS));
        assertThat(u1.get("Action").support()).isEqualTo(2);
        assertThat(u1.get("Comedy").affinity()).isCloseTo(-0.9444444444444445, within(EPS));
        assertThat(u1.get("Drama").affinity()).isCloseTo(0.22222222222222218, within(EPS));
        assertThat(userSignals.genreAffinities(3)).doesNotContainKey("Drama");
        assertThat(userSignals.genreAffinities(4).get("Comedy").affinity()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void popularityHasCountBayesianMeanAndTrend() {
        UserSignalsRepository.Popularity second = userSignals.popularity(2);
        assertThat(second.ratingCount()).isEqualTo(4);
        assertThat(second.bayesMean()).isCloseTo(3.0909090909090913, within(EPS));
        // ratings of m2 at T, T−1, T−2, T−3 days with a one-day half-life
        assertThat(second.trend()).isCloseTo(1 + 0.5 + 0.25 + 0.125, within(EPS));
        assertThat(userSignals.popularity(1).bayesMean()).isCloseTo(3.4242424242424243, within(EPS));
    }

    @Test
    void cohortCandidatesUseTheFinestCohortBigEnoughAndExcludeRatedMovies() {
        // u3 is a 22-year-old male programmer: u1 is the same cohort (level 3) and rated m3 4 stars
        List<Candidate> cohort = CandidateQueries.cohort(candidates, 3, 10, 36.0 / 11, 2);
        assertThat(cohort).singleElement().satisfies(c -> {
            assertThat(c.movieId()).isEqualTo(3);
            assertThat(c.score()).isCloseTo(1 * (2 * 36.0 / 11 + 4) / (2 + 1) / 5, within(EPS));
            assertThat(c.explanation().sentence()).isEqualTo("popular with 18–24-year-old male programmers (1 ratings, 4.0★ on average)");
        });
    }

    @Test
    void everyGeneratorExcludesWhatTheUserRatedAndExplainsItself() {
        assertThat(CandidateQueries.popular(candidates, 3, 10)).extracting(Candidate::movieId).containsExactly(3L);
        List<Candidate> knn = CandidateQueries.userKnn(candidates, 3, 10);
        assertThat(knn).allSatisfy(c -> assertThat(c.movieId()).isEqualTo(3));
        List<Candidate> genre = CandidateQueries.genre(candidates, 4, 10);
        assertThat(genre).isEmpty(); // u4 rated everything
        assertThat(CandidateQueries.itemKnn(candidates, 1, 10)).isEmpty();
        assertThat(CandidateQueries.popular(candidates, 3, 10).get(0).explanation().sentence())
                .isEqualTo("one of the most rated movies (3 ratings, 3.3★ on average)");
    }

    @Test
    void refreshingOneUserRecomputesTheirSignals() {
        graph.write(io.cinegraph.graph.CypherQuery.INGEST_MERGE_USER_IDS, Map.of("userIds", List.of(5L)));
        new IngestRepository(graph).mergeRatings(List.of(
                new io.cinegraph.domain.Rows.RatingRow(5, 1, 5, T), new io.cinegraph.domain.Rows.RatingRow(5, 2, 1, T),
                new io.cinegraph.domain.Rows.RatingRow(5, 3, 4, T)));
        job.refreshUser(5, List.of(1L, 2L, 3L));
        // u5 rated exactly like u1, so their neighbour score is u1's with u2 computed over the same deviations
        assertThat(userSignals.neighbours(5)).extracting(UserSignalsRepository.Neighbour::userId).contains(1L, 2L);
        assertThat(userSignals.genreAffinities(5)).containsKeys("Action", "Comedy", "Drama");
        assertThat(userSignals.popularity(1).ratingCount()).isEqualTo(5);
    }

    @Test
    void aRequestComputesTheUsersOwnSignalsFromTheirRatingsAsTheSignalRunDoes() {
        FeatureRepository features = new FeatureRepository(graph);
        FeatureExtractor extractor = new FeatureExtractor(features, snapshots, TestSignalsConfig.fixture());
        for (long user = 1; user <= 4; user++) {
            UserSide materialized = features.request(user).orElseThrow();
            UserSide live = extractor.request(user).orElseThrow();
            assertThat(live.ratingCount()).isEqualTo(materialized.ratingCount());
            assertThat(live.meanRating()).isCloseTo(materialized.meanRating(), within(EPS));
            assertThat(live.ratingSd()).isCloseTo(materialized.ratingSd(), within(EPS));
            assertThat(live.prefers()).hasSameSizeAs(materialized.prefers());
            materialized.prefers().forEach((genre, affinity) ->
                    assertThat(live.prefers().get(genre)).as(genre).isCloseTo(affinity, within(EPS)));
        }
    }

    @Test
    void aRatingWriteCountsInTheNextRequestAndTheGraphCatchesUpInTheBackground() throws Exception {
        FeatureRepository features = new FeatureRepository(graph);
        FeatureExtractor extractor = new FeatureExtractor(features, snapshots, TestSignalsConfig.fixture());
        SignalsRepository signals = new SignalsRepository(graph);
        StaleUsers stale = new StaleUsers(job, signals, TestSignalsConfig.fixture(), new io.cinegraph.support.BackgroundLane(1));
        List<Long> refreshed = new java.util.concurrent.CopyOnWriteArrayList<>();
        stale.onRefreshed(refreshed::add);
        assertThat(userSignals.neighbours(3)).extracting(UserSignalsRepository.Neighbour::userId).containsExactly(4L);

        // u3 (m1 2★, m2 4★) rates m3 five stars: the write marks their signals stale
        assertThat(new RatingRepository(graph).put(3, 3, 5.0, T, 1_000L)).contains(true);
        assertThat(signals.staleUsers()).containsExactly(3L);
        UserSide now = extractor.request(3).orElseThrow();
        assertThat(now.ratingCount()).isEqualTo(3);
        assertThat(now.meanRating()).isCloseTo(11.0 / 3, within(EPS));
        assertThat(features.request(3).orElseThrow().ratingCount()).isEqualTo(2); // the graph's copy lags

        stale.mark(3, List.of(3L));
        assertThat(stale.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
        assertThat(refreshed).containsExactly(3L);
        assertThat(signals.staleUsers()).isEmpty();
        UserSide materialized = features.request(3).orElseThrow();
        assertThat(materialized.ratingCount()).isEqualTo(3);
        assertThat(materialized.meanRating()).isCloseTo(now.meanRating(), within(EPS));
        assertThat(materialized.prefers()).hasSameSizeAs(now.prefers());
        now.prefers().forEach((genre, affinity) ->
                assertThat(materialized.prefers().get(genre)).as(genre).isCloseTo(affinity, within(EPS)));
        // deviations from 11/3 over m1, m2, m3: u2 (4, 2, 5; mean 11/3) now agrees, u4 (3, 5, 1) no longer does
        assertThat(userSignals.neighbours(3)).extracting(UserSignalsRepository.Neighbour::userId).containsExactly(2L);
        assertThat(userSignals.popularity(3).ratingCount()).isEqualTo(4);

        // a mark older than a full signal run is cleared by it
        assertThat(new RatingRepository(graph).put(4, 3, 2.0, T, 2_000L)).contains(false);
        assertThat(signals.staleUsers()).containsExactly(4L);
        job.recomputeAll();
        assertThat(signals.staleUsers()).isEmpty();
    }

    @Test
    void aRatingAddedToOrReplacedInAReadSideEqualsTheSideReadAfterTheWrite() {
        FeatureExtractor extractor = new FeatureExtractor(new FeatureRepository(graph), snapshots, TestSignalsConfig.fixture());
        // u3 rated m1 and m2 and viewed m3: the view is in their history as a rating of 4 until they rate m3
        new io.cinegraph.graph.EventRepository(graph).put(List.of(new io.cinegraph.graph.EventRepository.NewEvent(
                "v1", 3, 3, "view", T + 5, null, null, null)));
        UserSide before = extractor.request(3).orElseThrow();
        assertThat(before.ratings()).extracting(UserSide.Rated::movieId).containsExactly(1L, 2L, 3L);

        // a new rating takes the view's place; then a rating replaced: the new stars and time take the old one's
        UserSide read = writtenAndPatched(extractor, before, 1.0, T + 10, true);
        assertThat(read.ratings()).extracting(UserSide.Rated::rating).containsExactly(2.0, 4.0, 1.0);
        assertThat(read.meanRating()).isCloseTo(7.0 / 3, within(EPS));
        UserSide reread = writtenAndPatched(extractor, read, 5.0, T + 20, false);
        assertThat(reread.ratings()).extracting(UserSide.Rated::rating).containsExactly(2.0, 4.0, 5.0);
        assertThat(reread.meanRating()).isCloseTo(11.0 / 3, within(EPS));
    }

    /** Writes u3's rating of m3 and checks the side patched in memory equals the side read after; returns the latter. */
    private UserSide writtenAndPatched(FeatureExtractor extractor, UserSide before, double stars, long at, boolean created) {
        assertThat(new RatingRepository(graph).put(3, 3, stars, at, at)).contains(created);
        UserSide patched = extractor.withRatings(before, List.of(new UserSide.Rated(3, stars, at)), snapshots.current());
        UserSide read = extractor.request(3).orElseThrow();
        assertThat(patched).isEqualTo(read);
        return read;
    }

    @Test
    void refreshingOneMovieRecomputesItsSimilarityAndPopularity() {
        graph.write(io.cinegraph.graph.CypherQuery.INGEST_MERGE_USER_IDS, Map.of("userIds", List.of(5L)));
        new IngestRepository(graph).mergeRatings(List.of(new io.cinegraph.domain.Rows.RatingRow(5, 1, 1, T)));

        job.refreshMovie(1);

        // m1 now has 5, 4, 2, 3, 1 (sum 15); the global mean is 37/12: (2 · 37/12 + 15) / (2 + 5)
        assertThat(userSignals.popularity(1).bayesMean()).isCloseTo((2 * 37.0 / 12 + 15) / 7, within(EPS));
        assertThat(userSignals.popularity(1).ratingCount()).isEqualTo(5);
        assertThat(CandidateQueries.similarMovies(candidates, 1, 10)).extracting(c -> c.explanation().facts().get("kind"))
                .containsExactly("rating", "content");
    }

    @Test
    void featureVectorsCarryTheFixturesSignalsAndNeverCountTheUsersOwnRating() {
        FeatureExtractor extractor = new FeatureExtractor(new FeatureRepository(graph), snapshots, TestSignalsConfig.fixture());
        List<FeatureVector> vectors = extractor.extract(3, List.of(3L, 1L, 99L)).orElseThrow();

        assertThat(vectors).extracting(FeatureVector::movieId).containsExactly(3L, 1L);
        FeatureVector third = vectors.get(0);
        // u3's only neighbour u4 (0.4714045) rated m3 one star, 2 below u4's mean: 0.4714045 · (−2 + 1)
        assertThat(third.get(Feature.USER_KNN_SCORE)).isCloseTo(-0.4714045207910316, within(EPS));
        assertThat(third.get(Feature.USER_KNN_SUPPORT)).isEqualTo(1);
        // u3 liked only m2 (4 ≥ 3), which is SIMILAR to nothing
        assertThat(third.get(Feature.ITEM_KNN_SCORE)).isZero();
        // m3 is Action|Drama; u3 has Action −0.2380952 and no Drama affinity
        assertThat(third.get(Feature.GENRE_MATCH)).isCloseTo(-0.2380952380952381 / 2, within(EPS));
        assertThat(third.get(Feature.GENRE_BEST)).isCloseTo(-0.2380952380952381, within(EPS));
        // cohort (male programmers, 18-24): u1 rated m3 4 stars
        assertThat(third.get(Feature.COHORT_POPULARITY)).isCloseTo(Math.log(2), within(EPS));
        assertThat(third.get(Feature.COHORT_MEAN)).isCloseTo((2 * 36.0 / 11 + 4) / 3, within(EPS));
        assertThat(third.get(Feature.LOG_POPULARITY)).isCloseTo(Math.log(4), within(EPS));
        assertThat(third.get(Feature.BAYES_MEAN)).isCloseTo(3.3090909090909095, within(EPS));
        assertThat(third.get(Feature.USER_MEAN)).isCloseTo(3, within(EPS));
        assertThat(third.get(Feature.USER_SPREAD)).isCloseTo(1, within(EPS));
        assertThat(third.get(Feature.USER_ACTIVITY)).isCloseTo(Math.log(3), within(EPS));
        // history m2, m1; m1 is SIMILAR to m3 by ratings (0.2751748) and by content (0.0919699)
        assertThat(third.get(Feature.HISTORY_MAX)).isCloseTo(0.27517476963950355, within(EPS));
        assertThat(third.get(Feature.HISTORY_MEAN)).isCloseTo((0.27517476963950355 + 0.5 * Math.exp(-1) * 0.5) / 2, within(EPS));
        // the latest rating is in 2001: m1 (1995) is 6 years old, m3 (2005) counts as 0
        assertThat(third.get(Feature.MOVIE_AGE)).isZero();
        FeatureVector first = vectors.get(1);
        assertThat(first.get(Feature.MOVIE_AGE)).isEqualTo(6);
        // u3 rated m1 two stars: the cohort's figures for m1 are u1's alone
        assertThat(first.get(Feature.COHORT_POPULARITY)).isCloseTo(Math.log(2), within(EPS));
        assertThat(first.get(Feature.COHORT_MEAN)).isCloseTo((2 * 36.0 / 11 + 5) / 3, within(EPS));
        assertThat(extractor.extract(42, List.of(1L))).isEmpty();
    }
}
