package io.cinegraph.recommend;

import io.cinegraph.catalog.NotFoundException;
import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import io.cinegraph.domain.Likes;
import io.cinegraph.domain.UserSide;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.signals.CandidateSource;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.training.ModelRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The serving orchestration with fakes only (no Neo4j, no DL4J): a catalogue of ten movies, a ranker that orders
 * every unrated movie by id descending, and two generators. Movies 1–5 are comedies of the 1990s, 6–10 horror
 * films of the 2000s.
 */
class RecommendationServiceTest {

    private static final SignalSnapshot SNAPSHOT = catalogue();
    /** A user with history: rated movies 1, 2 and 9, and 7 more outside the catalogue (10 ratings, not new). */
    private static final long WARM = 1;
    /** A new user: one rating (movie 10); said they like Comedy and movie 3 at sign-up. */
    private static final long NEW = 2;

    private final FakeRanker ranker = new FakeRanker();
    private final FakeProfiles profiles = new FakeProfiles();
    private final AtomicReference<Ranker> active = new AtomicReference<>(ranker);
    /** Users whose revision moved through "another replica" since the last look. */
    private final Set<Long> writtenElsewhere = new java.util.HashSet<>();
    /** How many times a generator was asked for candidates. */
    private final java.util.concurrent.atomic.AtomicInteger generatorCalls = new java.util.concurrent.atomic.AtomicInteger();
    private final RecommendationService service = new RecommendationService(() -> SNAPSHOT, RankerChoice.of(active::get),
            new Proposals(List.of(source("user-knn", 4, 8, 1), source("popular", 8, 5, 7, 2)), 10, 100, Runnable::run),
            profiles, writtenElsewhere::remove, new SimpleMeterRegistry(), 100, Runnable::run);

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void theRankersOrderIsFilteredBeforeTheLimitAndRatedMoviesNeverComeBack() {
        Recommendations all = service.recommend(WARM, RecommendationQuery.top(20));
        assertThat(ids(all)).containsExactly(10L, 8L, 7L, 6L, 5L, 4L, 3L);

        Recommendations comedies = service.recommend(WARM, new RecommendationQuery(2, "comedy", null, null, Set.of(5L),
                true, false));
        assertThat(ids(comedies)).containsExactly(4L, 3L);
        assertThat(comedies.items()).allSatisfy(r -> assertThat(r.genres()).contains("Comedy"));

        Recommendations recent = service.recommend(WARM, new RecommendationQuery(10, null, 2000, 2003, Set.of(), true, false));
        assertThat(ids(recent)).containsExactly(8L, 7L, 6L);
        assertThat(recent.model()).isEqualTo("fake-1");
        assertThat(recent.fallback()).isFalse();
    }

    @Test
    void starsAndExplanationsComeFromTheRankerOnlyForWhatIsReturned() {
        service.recommend(WARM, RecommendationQuery.top(1)); // queues the generators' queries (run inline here)
        ranker.starred.clear();
        Recommendations top = service.recommend(WARM, RecommendationQuery.top(2));
        assertThat(top.items()).extracting(Recommendation::predictedRating).containsExactly(4.0, 4.0);
        assertThat(ranker.starred).containsExactly(10L, 8L);
        assertThat(top.items().get(0).explanation().source()).isEqualTo("fake");
        assertThat(top.items().get(0).sources()).containsExactly("fake");
        int rankings = ranker.rankings;

        Recommendations plain = service.recommend(WARM, new RecommendationQuery(2, null, null, null, Set.of(), false, false));
        assertThat(plain.items()).allSatisfy(r -> assertThat(r.explanation()).isNull());
        assertThat(ranker.rankings).as("a request under the same proposals reuses the ranking").isEqualTo(rankings);
        assertThat(ranker.starred).as("stars already predicted are kept").containsExactly(10L, 8L);
    }

    @Test
    void aNewUserIsRankedWithWhatTheyStatedAndTheirGenresLead() {
        Recommendations answer = service.recommend(NEW, RecommendationQuery.top(4));
        UserSide seen = ranker.lastRequest.side();
        assertThat(seen.prefers()).containsKey("Comedy");
        assertThat(seen.ratings()).extracting(UserSide.Rated::movieId).contains(10L, 3L);
        // the fake ranks 9, 8, 7, 6, 5, 4, 2, 1; comedies must hold at least half of every even-length prefix
        assertThat(ids(answer)).containsExactly(9L, 5L, 8L, 4L);

        service.recommend(WARM, RecommendationQuery.top(4));
        assertThat(ranker.lastRequest.side().prefers()).doesNotContainKey("Comedy");
        assertThat(ranker.lastRequest.side().ratings()).hasSize(10);
    }

    @Test
    void withoutAModelTheFallbackServesUserKnnThenPopularCandidates() {
        active.set(new PopularityFallback());
        Recommendations answer = service.recommend(WARM, RecommendationQuery.top(10));
        assertThat(answer.fallback()).isTrue();
        assertThat(answer.model()).isEqualTo(ModelRegistry.FALLBACK);
        // user-knn proposes 4, 8, 1 (1 is rated), then popular 8 (taken), 5, 7, 2 (rated)
        assertThat(ids(answer)).containsExactly(4L, 8L, 5L, 7L);
        assertThat(answer.items()).extracting(r -> r.sources().get(0))
                .containsExactly("user-knn", "user-knn", "popular", "popular");
        assertThat(answer.items().get(0).explanation().sentence()).isEqualTo("user-knn proposes 4");
        assertThat(answer.items()).extracting(Recommendation::predictedRating).containsOnly(3.5);

        Recommendations horror = service.recommend(WARM, new RecommendationQuery(10, "Horror", null, null, Set.of(), true,
                false));
        assertThat(ids(horror)).containsExactly(8L, 7L);
    }

    @Test
    void theWarmUpLeavesEachUsersProposalsAndRankingCachedForTheirFirstRequest() {
        int reached = service.warmUp(List.of(WARM, 99L), java.time.Duration.ofMinutes(1), 2);
        assertThat(reached).as("an unknown user is reached, logged and skipped").isEqualTo(2);
        assertThat(generatorCalls.get()).as("both generators ran for each user").isEqualTo(4);
        assertThat(ranker.rankings).as("the known user was ranked").isEqualTo(1);
        assertThat(ranker.lastRequest.proposed().movies()).as("from the generators' proposals").contains(4L, 8L, 5L);

        Recommendations first = service.recommend(WARM, RecommendationQuery.top(3));
        assertThat(ids(first)).containsExactly(10L, 8L, 7L);
        assertThat(ranker.rankings).as("the first request finds the ranking").isEqualTo(1);
        assertThat(generatorCalls.get()).isEqualTo(4);
    }

    @Test
    void aWriteToAUserOnlyWarmedIsNotRankedAgainUntilTheyAreServed() {
        service.warmUp(List.of(WARM), java.time.Duration.ofMinutes(1), 1);
        service.forget(WARM); // a write before any request of theirs
        assertThat(ranker.rankings).as("no background ranking for a user nobody was served yet").isEqualTo(1);
        service.recommend(WARM, RecommendationQuery.top(3));
        assertThat(ranker.rankings).isEqualTo(2);
        service.forget(WARM); // now they are served: the write warms their next ranking (inline here)
        assertThat(ranker.rankings).isEqualTo(3);
    }

    @Test
    void aForgottenUserIsRankedAfreshAndAnUnknownUserIsNotFound() {
        service.recommend(WARM, RecommendationQuery.top(3));
        service.recommend(WARM, RecommendationQuery.top(3));
        int rankings = ranker.rankings;
        service.recommend(WARM, RecommendationQuery.top(3));
        assertThat(ranker.rankings).isEqualTo(rankings);
        service.forget(WARM);
        service.recommend(WARM, RecommendationQuery.top(3));
        assertThat(ranker.rankings).isEqualTo(rankings + 1);
        assertThatThrownBy(() -> service.recommend(99, RecommendationQuery.top(3))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aWriteRanksOnceWithTheKeptProposalsAndTheSignalRefreshRanksOnceMore() {
        service.recommend(WARM, RecommendationQuery.top(3)); // queues the generators' queries (run inline here)
        service.recommend(WARM, RecommendationQuery.top(3));
        int rankings = ranker.rankings;
        int generated = generatorCalls.get();

        service.forget(WARM); // a rating write
        service.recommend(WARM, RecommendationQuery.top(3));
        service.recommend(WARM, RecommendationQuery.top(3));
        assertThat(ranker.rankings).as("one ranking after the write").isEqualTo(rankings + 1);
        assertThat(ranker.lastRequest.proposed().movies()).as("the generators' proposals are kept").contains(4L, 8L, 5L);
        assertThat(generatorCalls.get()).as("the generators do not run again for a write").isEqualTo(generated);

        service.refreshed(WARM); // the user's graph signals were refreshed in the background
        assertThat(generatorCalls.get()).as("each generator ran once more").isEqualTo(generated + 2);
        service.recommend(WARM, RecommendationQuery.top(3));
        service.recommend(WARM, RecommendationQuery.top(3));
        assertThat(ranker.rankings).as("one more ranking once the new proposals landed").isEqualTo(rankings + 2);
    }

    @Test
    void aNewRatingJoinsTheCachedSideWithoutReadingTheUserAgain() {
        assertThat(ids(service.recommend(WARM, RecommendationQuery.top(10)))).contains(3L);
        int reads = profiles.reads;
        UserSide.Rated rating = new UserSide.Rated(3, 5, 999);
        profiles.written(rating);
        service.rated(WARM, 3, 5, 999);

        Recommendations next = service.recommend(WARM, RecommendationQuery.top(10));
        assertThat(ids(next)).doesNotContain(3L);
        assertThat(ranker.lastRequest.side().ratings()).contains(rating).hasSize(11);
        assertThat(profiles.reads).as("the side was patched, not read").isEqualTo(reads);
    }

    @Test
    void ratingsWaitBesideTheCachedSideAndJoinItOnceAtTheNextRequest() {
        service.warmUp(List.of(WARM), java.time.Duration.ofMinutes(1), 1); // side cached, nobody served: no re-ranking
        int reads = profiles.reads;
        for (UserSide.Rated r : List.of(new UserSide.Rated(3, 5, 990), new UserSide.Rated(4, 2, 991),
                new UserSide.Rated(3, 1, 992))) {
            service.rated(WARM, r.movieId(), r.rating(), r.ratedAt());
        }
        assertThat(ranker.rankings).as("the writes ranked nobody").isEqualTo(1);

        Recommendations next = service.recommend(WARM, RecommendationQuery.top(10));
        assertThat(ids(next)).doesNotContain(3L, 4L);
        assertThat(ranker.lastRequest.side().ratings()).as("the later rating of movie 3 in place of the earlier")
                .contains(new UserSide.Rated(3, 1, 992), new UserSide.Rated(4, 2, 991))
                .doesNotContain(new UserSide.Rated(3, 5, 990)).hasSize(12);
        assertThat(profiles.reads).as("the side caught up in memory, not read").isEqualTo(reads);
    }

    @Test
    void aSideWithTooManyRatingsWaitingIsDroppedAndReadAgain() {
        service.warmUp(List.of(WARM), java.time.Duration.ofMinutes(1), 1);
        int reads = profiles.reads;
        for (int k = 0; k <= UserSides.MAX_LATER; k++) {
            UserSide.Rated r = new UserSide.Rated(200 + k, 4, 1_000 + k);
            profiles.written(r);
            service.rated(WARM, r.movieId(), r.rating(), r.ratedAt());
        }
        service.recommend(WARM, RecommendationQuery.top(10));
        assertThat(profiles.reads).as("read again from the graph").isEqualTo(reads + 1);
        assertThat(ranker.lastRequest.side().ratings()).hasSize(10 + UserSides.MAX_LATER + 1);
    }

    @Test
    void aWriteCommittedWhileARequestReadsLeavesNothingOlderCached() {
        // warm-ups dropped: only the caches' own guard stands between the older read and the next request
        RecommendationService unwarmed = new RecommendationService(() -> SNAPSHOT, RankerChoice.of(active::get),
                new Proposals(List.of(source("popular", 8, 5, 7, 3)), 10, 100, Runnable::run), profiles,
                userId -> false, new SimpleMeterRegistry(), 100, task -> { });
        UserSide.Rated rating = new UserSide.Rated(3, 5, 999);
        profiles.duringRead = () -> {
            profiles.written(rating);
            unwarmed.rated(WARM, 3, 5, 999);
        };
        unwarmed.recommend(WARM, RecommendationQuery.top(10)); // read before the write: may still show movie 3

        Recommendations next = unwarmed.recommend(WARM, RecommendationQuery.top(10));
        assertThat(ids(next)).as("the request after the acknowledged write").doesNotContain(3L);
        assertThat(ranker.lastRequest.side().ratings()).contains(rating);
        assertThat(profiles.reads).as("the older side was not kept: read again").isEqualTo(2);
    }

    @Test
    void aWriteRanksTheUserInTheBackgroundSoTheirNextRequestFindsItRanked() {
        service.recommend(WARM, RecommendationQuery.top(3));
        int rankings = ranker.rankings;
        service.rated(WARM, 3, 5, 999); // the warm-up runs inline here
        assertThat(ranker.rankings).as("ranked by the warm-up").isEqualTo(rankings + 1);
        assertThat(ranker.lastRequest.side().ratings()).extracting(UserSide.Rated::movieId).contains(3L);
        Recommendations next = service.recommend(WARM, RecommendationQuery.top(10));
        assertThat(ids(next)).doesNotContain(3L);
        assertThat(ranker.rankings).as("the request used the warm-up's ranking").isEqualTo(rankings + 1);

        service.rated(NEW, 4, 5, 999);
        assertThat(ranker.rankings).as("no warm-up for a user nobody was served").isEqualTo(rankings + 1);
    }

    @Test
    void aWriteThroughAnotherReplicaMakesTheNextRequestRankAfresh() {
        service.recommend(WARM, RecommendationQuery.top(3)); // queues the generators' queries (run inline here)
        service.recommend(WARM, RecommendationQuery.top(3));
        int rankings = ranker.rankings;
        service.recommend(WARM, RecommendationQuery.top(3));
        assertThat(ranker.rankings).as("unchanged revision: the cached ranking").isEqualTo(rankings);
        writtenElsewhere.add(WARM);
        service.recommend(WARM, RecommendationQuery.top(3));
        assertThat(ranker.rankings).as("moved revision: ranked afresh").isEqualTo(rankings + 1);
    }

    private static List<Long> ids(Recommendations answer) {
        return answer.items().stream().map(Recommendation::movieId).toList();
    }

    private static SignalSnapshot catalogue() {
        Map<Long, SignalSnapshot.MovieSignals> movies = new HashMap<>();
        for (long id = 1; id <= 10; id++) {
            boolean comedy = id <= 5;
            movies.put(id, new SignalSnapshot.MovieSignals("Movie " + id, List.of(comedy ? "Comedy" : "Horror"),
                    (int) (comedy ? 1990 + id : 1995 + id), 10, 3.5, 0));
        }
        return SignalSnapshot.ofMovies(new SignalsRepository.GlobalStats(3.0, 1_000, 100, 5), movies);
    }

    /** A generator proposing fixed movies, in order, each explained by its own name. */
    private CandidateSource source(String name, long... movieIds) {
        return CandidateSource.of(name, (userId, limit) -> generatorCalls.incrementAndGet() < 0 ? List.of()
                : LongStream.of(movieIds).limit(limit)
                .mapToObj(id -> new Candidate(id, "Movie " + id, null, 1.0 / id,
                        new Explanation(name, name + " proposes " + id, Map.of(), List.of(), "q", Map.of())))
                .toList());
    }

    /** The users as "the graph" holds them; {@link #written} adds a rating of the warm user as a commit would. */
    private static final class FakeProfiles implements UserProfiles {
        final List<UserSide.Rated> warmRatings = new ArrayList<>(LongStream.of(1, 2, 9, 101, 102, 103, 104, 105, 106, 107)
                .mapToObj(m -> new UserSide.Rated(m, 4, 500 + m)).toList());
        int reads;
        /** Runs once inside the next read, after the ratings were taken (a write committing meanwhile). */
        Runnable duringRead;

        void written(UserSide.Rated rating) {
            warmRatings.add(rating);
        }

        @Override
        public Optional<UserSide> side(long userId) {
            reads++;
            List<UserSide.Rated> ratings = new ArrayList<>();
            if (userId == WARM) {
                ratings.addAll(warmRatings);
                if (duringRead != null) {
                    Runnable write = duringRead;
                    duringRead = null;
                    write.run();
                }
            } else if (userId == NEW) {
                ratings.add(new UserSide.Rated(10, 2, 900));
            } else {
                return Optional.empty();
            }
            return Optional.of(new UserSide(ratings.size(), 4.0, 0.0, 0, null, null, null, List.copyOf(ratings), Map.of(),
                    List.of()));
        }

        @Override
        public UserSide withRatings(UserSide side, List<UserSide.Rated> later, SignalSnapshot snapshot) {
            List<UserSide.Rated> ratings = new ArrayList<>(side.ratings());
            for (UserSide.Rated rating : later) {
                ratings.removeIf(r -> r.movieId() == rating.movieId());
                ratings.add(rating);
            }
            return new UserSide(ratings.size(), side.meanRating(), side.ratingSd(), 0, null, null, null,
                    List.copyOf(ratings), side.prefers(), List.of());
        }

        @Override
        public Likes likes(long userId) {
            return userId == NEW ? new Likes(List.of("Comedy"), List.of(3L)) : new Likes(List.of(), List.of());
        }
    }

    /** Every catalogue movie the user has not rated, by id descending; 4 stars each. */
    private static final class FakeRanker implements Ranker {
        Request lastRequest;
        int rankings;
        final List<Long> starred = new ArrayList<>();

        @Override
        public String version() {
            return "fake-1";
        }

        @Override
        public boolean fallback() {
            return false;
        }

        @Override
        public List<Item> rank(Request request) {
            lastRequest = request;
            rankings++;
            Set<Long> rated = new java.util.HashSet<>();
            request.side().ratings().forEach(r -> rated.add(r.movieId()));
            return request.snapshot().movieIds().stream().filter(m -> !rated.contains(m))
                    .sorted(java.util.Comparator.reverseOrder())
                    .map(m -> new Item(m, m / 10.0, List.of("fake"), null)).toList();
        }

        @Override
        public double[] stars(Request request, long[] movieIds) {
            LongStream.of(movieIds).forEach(starred::add);
            return LongStream.of(movieIds).mapToDouble(m -> 4.0).toArray();
        }

        @Override
        public Explanation explain(Request request, long movieId) {
            return new Explanation("fake", "the fake ranker likes " + movieId, Map.of(), List.of(), "q", Map.of());
        }
    }
}
