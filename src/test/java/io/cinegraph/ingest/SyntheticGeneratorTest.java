package io.cinegraph.ingest;

import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.UserRow;
import io.cinegraph.domain.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's planted structure is there, read back through the real readers. */
class SyntheticGeneratorTest {

    @TempDir
    Path tmp;

    private static final int USERS = 600;
    private static final int MOVIES = 1500;
    private static final long RATINGS = 60_000;

    private Path generate(String name, long seed, SyntheticGenerator.Layout layout) {
        Path out = tmp.resolve(name);
        new SyntheticGenerator(new SyntheticGenerator.Params(USERS, MOVIES, RATINGS, seed, out, layout)).write();
        return out;
    }

    private static <T> List<T> read(DatasetReader reader, Part<T> part) throws IOException {
        List<T> rows = new ArrayList<>();
        part.read(reader, new RowSink<>() {
            @Override
            public void accept(T row, SourcePosition position, String rawLine) {
                rows.add(row);
            }

            @Override
            public void reject(SourcePosition position, String reason, String rawLine) {
                throw new AssertionError(position + ": " + reason);
            }
        });
        return rows;
    }

    interface Part<T> {
        void read(DatasetReader reader, RowSink<T> sink) throws IOException;
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        Path a = generate("a", 7, SyntheticGenerator.Layout.ML_100K);
        Path b = generate("b", 7, SyntheticGenerator.Layout.ML_100K);
        Path c = generate("c", 8, SyntheticGenerator.Layout.ML_100K);
        assertThat(Files.readAllBytes(a.resolve("u.data"))).isEqualTo(Files.readAllBytes(b.resolve("u.data")));
        assertThat(Files.readAllBytes(a.resolve("u.user"))).isEqualTo(Files.readAllBytes(b.resolve("u.user")));
        assertThat(Files.readAllBytes(a.resolve("u.data"))).isNotEqualTo(Files.readAllBytes(c.resolve("u.data")));
    }

    @Test
    void itWritesExactlyTheRequestedCountsWithoutRepeatsOrDanglingIds() throws IOException {
        DatasetReader reader = DatasetFormat.open(generate("g", 1, SyntheticGenerator.Layout.ML_100K));
        List<RatingRow> ratings = read(reader, (r, s) -> r.ratings(s, b -> { }));
        List<UserRow> users = read(reader, (r, s) -> r.users(s, b -> { }));
        List<MovieRow> movies = read(reader, (r, s) -> r.movies(s, b -> { }));

        assertThat(ratings).hasSize((int) RATINGS);
        assertThat(users).hasSize(USERS);
        assertThat(movies).hasSize(MOVIES);
        Set<Long> pairs = new HashSet<>();
        for (RatingRow r : ratings) {
            assertThat(pairs.add(r.userId() * 1_000_000 + r.movieId())).isTrue();
            assertThat(r.movieId()).isBetween(1L, (long) MOVIES);
            assertThat(r.userId()).isBetween(1L, (long) USERS);
        }
    }

    @Test
    void popularityHasALongTailAndActivityAPowerLaw() throws IOException {
        DatasetReader reader = DatasetFormat.open(generate("g", 2, SyntheticGenerator.Layout.ML_100K));
        List<RatingRow> ratings = read(reader, (r, s) -> r.ratings(s, b -> { }));
        long[] perMovie = new long[MOVIES + 1];
        long[] perUser = new long[USERS + 1];
        for (RatingRow r : ratings) {
            perMovie[(int) r.movieId()]++;
            perUser[(int) r.userId()]++;
        }
        long[] movieCounts = Arrays.stream(perMovie).skip(1).sorted().toArray();
        long top10Percent = Arrays.stream(movieCounts).skip(MOVIES - MOVIES / 10).sum();
        assertThat(top10Percent).isGreaterThan(RATINGS * 40 / 100);

        long[] userCounts = Arrays.stream(perUser).skip(1).sorted().toArray();
        assertThat(userCounts[0]).isGreaterThanOrEqualTo(SyntheticGenerator.MIN_RATINGS_PER_USER);
        assertThat(userCounts[USERS - 1]).isGreaterThan(5 * userCounts[USERS / 2]);
    }

    @Test
    void demographicsCorrelateWithGenres() throws IOException {
        DatasetReader reader = DatasetFormat.open(generate("g", 3, SyntheticGenerator.Layout.ML_100K));
        Map<Long, String> gender = new HashMap<>();
        read(reader, (DatasetReader r, RowSink<UserRow> s) -> r.users(s, b -> { })).forEach(u -> gender.put(u.userId(), u.gender()));
        Map<Long, List<String>> genres = new HashMap<>();
        read(reader, (DatasetReader r, RowSink<MovieRow> s) -> r.movies(s, b -> { })).forEach(m -> genres.put(m.movieId(), m.genres()));
        double[] romance = new double[2];
        double[] total = new double[2];
        for (RatingRow r : read(reader, (DatasetReader rd, RowSink<RatingRow> s) -> rd.ratings(s, b -> { }))) {
            int g = gender.get(r.userId()).equals("F") ? 1 : 0;
            total[g]++;
            if (genres.get(r.movieId()).contains("Romance")) {
                romance[g]++;
            }
        }
        // taste clusters that love Romance are drawn far more often for women
        assertThat(romance[1] / total[1]).isGreaterThan(1.5 * romance[0] / total[0]);
    }

    @Test
    void theCsvLayoutHasHalfStarsQuotedTitlesTagsAndLinks() throws IOException {
        Path out = generate("csv", 4, SyntheticGenerator.Layout.CSV);
        DatasetReader reader = DatasetFormat.open(out);
        assertThat(reader.format()).isEqualTo(DatasetFormat.ML_CSV);
        List<MovieRow> movies = read(reader, (r, s) -> r.movies(s, b -> { }));
        assertThat(movies).hasSize(MOVIES);
        assertThat(movies.get(0).title()).isEqualTo("Synthetic Movie 1, The");
        assertThat(movies.get(0).imdbId()).isEqualTo("0100000");
        List<RatingRow> ratings = read(reader, (r, s) -> r.ratings(s, b -> { }));
        assertThat(ratings).hasSize((int) RATINGS).anyMatch(r -> r.rating() % 1 != 0);
        assertThat(read(reader, (DatasetReader r, RowSink<Rows.TagRow> s) -> r.tags(s, b -> { }))).isNotEmpty();
    }
}
