package io.cinegraph.graph;

import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.UserRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter of rated pairs lets rating writes skip the RATED walk for new pairs, and never makes them duplicate a
 * rating: not one written before it was filled, not one written through Cypher, not one written while it grows.
 */
class RatedPairsTest {

    private static final int USERS = 24;
    private static final int MOVIES = 20;

    @TempDir
    Path tmp;

    @Test
    void writesThroughTheFilterCreateEachPairOnceWhoeverWroteItBeforeAndWhileItGrows() throws Exception {
        try (Graph graph = new Graph(TestGraphs.embedded(tmp.resolve("db")), CypherQueries.load())) {
            IngestRepository ingest = new IngestRepository(graph);
            ingest.mergeUsers(LongStream.rangeClosed(1, USERS).mapToObj(u -> new UserRow(u, 30, "F", "writer", "0"))
                    .toList());
            ingest.mergeMovies(LongStream.rangeClosed(1, MOVIES).mapToObj(m -> new MovieRow(m, "M" + m, 1990,
                    List.of("Drama"), null, null)).toList());
            GraphDatabaseService db = graph.embeddedDatabase().orElseThrow();
            // users 1-4 rate every movie before the filter exists: its scan must find them
            ingest.mergeRatings(ratings(1, 4, 4.0).stream()
                    .map(r -> new RatingRow(r.userId(), r.movieId(), r.rating(), r.ratedAt())).toList());
            var service = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(DatabaseManagementService.class);
            // sized for 8 × 4 pairs at least: it fills, then grows while users 5-24 rate
            try (RatedPairs pairs = RatedPairs.start(service, "neo4j", 8, 50)) {
                await(pairs::ready);
                assertThat(pairs.mayHold(1, 1)).isTrue();
                // a rating written through Cypher over Bolt is in the filter when its transaction commits
                ingest.mergeRatings(List.of(new RatingRow(5, 1, 3.0, 7)));
                assertThat(pairs.mayHold(5, 1)).isTrue();
                long certainlyAbsent = LongStream.rangeClosed(6, USERS).filter(u -> !pairs.mayHold(u, 2)).count();
                assertThat(certainlyAbsent).as("new pairs skip the walk").isGreaterThan(0);

                for (long user = 5; user <= USERS; user++) {
                    List<Optional<Boolean>> answers = CoreApi.putRatings(db, pairs, ratings(user, user, 2.0), 0);
                    assertThat(created(answers)).isEqualTo(user == 5 ? MOVIES - 1 : MOVIES);
                }
                await(() -> !pairs.scanning());
                // every pair again, new values: each one found and replaced, none created
                for (long user = 1; user <= USERS; user++) {
                    assertThat(created(CoreApi.putRatings(db, pairs, ratings(user, user, 5.0), 0))).isZero();
                }
            }
            assertThat(new CatalogRepository(graph).counts().ratings()).isEqualTo((long) USERS * MOVIES);
            assertThat(new RatingRepository(graph).ratings(5)).hasSize(MOVIES)
                    .allSatisfy(r -> assertThat(r.rating()).isEqualTo(5.0));
        }
    }

    @Test
    void aRememberedRatingThatWasDeletedSinceIsWrittenAgainAndTheOthersAreReplaced() throws Exception {
        try (Graph graph = new Graph(TestGraphs.embedded(tmp.resolve("db")), CypherQueries.load())) {
            IngestRepository ingest = new IngestRepository(graph);
            ingest.mergeUsers(List.of(new UserRow(1, 30, "F", "writer", "0")));
            ingest.mergeMovies(LongStream.rangeClosed(1, MOVIES).mapToObj(m -> new MovieRow(m, "M" + m, 1990,
                    List.of("Drama"), null, null)).toList());
            GraphDatabaseService db = graph.embeddedDatabase().orElseThrow();
            var service = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(DatabaseManagementService.class);
            try (RatedPairs pairs = RatedPairs.start(service, "neo4j", 8, 50)) {
                await(pairs::ready);
                assertThat(created(CoreApi.putRatings(db, pairs, ratings(1, 1, 3.0), 0))).isEqualTo(MOVIES);
                long remembered = pairs.knownRelationship(1, 2);
                assertThat(remembered).as("the write remembers what it created").isNotNegative();
                try (var tx = db.beginTx()) {
                    tx.getRelationshipById(remembered).delete();
                    tx.commit();
                }
                // movie 2's remembered relationship is gone: written anew; the others replaced through theirs
                assertThat(created(CoreApi.putRatings(db, pairs, ratings(1, 1, 4.0), 0))).isEqualTo(1);
            }
            assertThat(new CatalogRepository(graph).counts().ratings()).isEqualTo(MOVIES);
            assertThat(new RatingRepository(graph).ratings(1)).hasSize(MOVIES)
                    .allSatisfy(r -> assertThat(r.rating()).isEqualTo(4.0));
        }
    }

    private static List<RatingRepository.NewRating> ratings(long fromUser, long toUser, double stars) {
        List<RatingRepository.NewRating> out = new ArrayList<>();
        for (long u = fromUser; u <= toUser; u++) {
            for (long m = 1; m <= MOVIES; m++) {
                out.add(new RatingRepository.NewRating(u, m, stars, 1000 * u + m));
            }
        }
        return out;
    }

    private static long created(List<Optional<Boolean>> answers) {
        assertThat(answers).allSatisfy(a -> assertThat(a).isPresent());
        return answers.stream().filter(Optional::get).count();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
