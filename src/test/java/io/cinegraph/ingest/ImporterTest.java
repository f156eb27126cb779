package io.cinegraph.ingest;

import io.cinegraph.domain.GraphCounts;
import io.cinegraph.domain.Movie;
import io.cinegraph.domain.User;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The importer against a real embedded Neo4j, on hand-written fixtures in every layout. */
class ImporterTest extends EmptyGraphTest {

    private static final GraphCounts CSV_PLANTED = new GraphCounts(3, 4, 8, 5, 2);

    private ImportSummary importFail(Path dir) {
        return importer.run(dir, new ImportOptions(2, ImportOptions.OnError.FAIL, null, false));
    }

    private ImportSummary importSkip(Path dir, Path rejects) {
        return importer.run(dir, new ImportOptions(2, ImportOptions.OnError.SKIP, rejects, false));
    }

    @Test
    void ml100kImportsUsersMoviesGenresAndRatings() {
        ImportSummary summary = importFail(Fixtures.ml100k(tmp.resolve("ml-100k")));

        assertThat(summary.completed()).isTrue();
        assertThat(summary.format()).isEqualTo("ml-100k");
        assertThat(summary.counts()).isEqualTo(new GraphCounts(3, 4, 4, 5, 0));
        Movie toyStory = catalog.movie(1).orElseThrow();
        assertThat(toyStory.title()).isEqualTo("Toy Story");
        assertThat(toyStory.year()).isEqualTo(1995);
        assertThat(toyStory.genres()).containsExactly("Comedy");
        assertThat(toyStory.ratingCount()).isEqualTo(2);
        assertThat(toyStory.meanRating()).isEqualTo(4.5);
        assertThat(catalog.movie(3).orElseThrow().title()).isEqualTo("City of Lost Children, The (Cité des enfants perdus, La)");
        Movie unrated = catalog.movie(4).orElseThrow();
        assertThat(unrated.ratingCount()).isZero();
        assertThat(unrated.year()).isNull();
        assertThat(catalog.user(2).orElseThrow()).isEqualTo(new User(2, 53, "F", "other", "94043", 2, 2.5));
    }

    @Test
    void ml1mDecodesLatin1AndMapsAgeAndOccupationCodes() {
        importFail(Fixtures.ml1m(tmp.resolve("ml-1m")));

        assertThat(catalog.counts()).isEqualTo(new GraphCounts(3, 4, 8, 5, 0));
        assertThat(catalog.movie(3).orElseThrow().title()).contains("Cité des enfants perdus");
        User user = catalog.user(1).orElseThrow();
        assertThat(user.age()).isEqualTo(25);
        assertThat(user.occupation()).isEqualTo("technician/engineer");
        assertThat(catalog.user(2).orElseThrow().occupation()).isEqualTo("other");
    }

    @Test
    void ml10mHasHalfStarsTagsAndUsersKnownOnlyByTheirRatings() {
        importFail(Fixtures.ml10m(tmp.resolve("ml-10m")));

        assertThat(catalog.counts()).isEqualTo(new GraphCounts(3, 4, 8, 5, 2));
        assertThat(catalog.movie(4).orElseThrow().genres()).isEmpty();
        assertThat(catalog.user(3).orElseThrow().meanRating()).isEqualTo(2.5);
        assertThat(catalog.user(3).orElseThrow().age()).isNull();
    }

    @Test
    void csvReadsQuotedTitlesCrlfHalfStarsTagsAndLinks() {
        importFail(Fixtures.csv(tmp.resolve("ml-latest-small")));

        assertThat(catalog.counts()).isEqualTo(new GraphCounts(3, 4, 8, 5, 2));
        Movie toyStory = catalog.movie(1).orElseThrow();
        assertThat(toyStory.imdbId()).isEqualTo("0114709");
        assertThat(toyStory.tmdbId()).isEqualTo(862L);
        Movie quoted = catalog.movie(4).orElseThrow();
        assertThat(quoted.title()).isEqualTo("Film Called \"Unrated\"");
        assertThat(quoted.year()).isEqualTo(1990);
        assertThat(quoted.tmdbId()).isNull();
        assertThat(quoted.genres()).isEmpty();
        assertThat(catalog.movie(3).orElseThrow().meanRating()).isEqualTo(1.5);
    }

    @Test
    void aDatasetInsideTheExtractedZipFolderIsFound() {
        Fixtures.csv(tmp.resolve("download").resolve("ml-latest-small"));
        importFail(tmp.resolve("download"));
        assertThat(catalog.counts()).isEqualTo(CSV_PLANTED);
    }

    @Test
    void importingTheSameCopyTwiceChangesNoCount() {
        Path dir = Fixtures.csv(tmp.resolve("csv"));
        importFail(dir);
        GraphCounts first = catalog.counts();

        ImportSummary second = importFail(dir);

        assertThat(second.counts()).isEqualTo(first);
        assertThat(second.ratingsCreated()).isZero();
        assertThat(second.ratingsUpdated()).isZero();
    }

    @Test
    void anUpdatedCopyUpdatesChangedRatingsAndAddsNewOnes() throws IOException {
        Path dir = Fixtures.csv(tmp.resolve("csv"));
        importFail(dir);
        String ratings = Files.readString(dir.resolve("ratings.csv"))
                .replace("3,3,2.5,964983815", "3,3,4.5,964990000") + "3,4,3.0,964999999\r\n";
        Fixtures.write(dir, "ratings.csv", ratings);

        ImportSummary update = importFail(dir);

        assertThat(update.ratingsUpdated()).isEqualTo(1);
        assertThat(update.ratingsCreated()).isEqualTo(1);
        assertThat(update.counts().ratings()).isEqualTo(6);
        assertThat(catalog.movie(3).orElseThrow().meanRating()).isEqualTo((4.5 + 0.5) / 2);
    }

    @Test
    void aRepeatedPairInOneFileIsStoredOnceWithTheLastValue() {
        Path dir = Fixtures.csv(tmp.resolve("csv"));
        Fixtures.write(dir, "ratings.csv", "userId,movieId,rating,timestamp\n1,1,5.0,1\n1,2,3.0,2\n1,1,2.0,3\n");
        importFail(dir);
        assertThat(catalog.counts().ratings()).isEqualTo(2);
        assertThat(catalog.movie(1).orElseThrow().meanRating()).isEqualTo(2.0);
    }

    /** Four kinds of damage: a truncated line, a non-numeric rating, bytes that are not UTF-8, an unknown movie. */
    private static Path corrupted(Path dir) {
        Fixtures.csv(dir);
        byte[] head = ("userId,movieId,rating,timestamp\n1,1,5.0,964982703\n1,2,3.5,964981247\n"
                + "2,1,4.0\n" // line 4: truncated
                + "3,3,good,964983815\n" // line 5: not a number
                + "2,3,0.5,964982931\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'3', ',', '1', ',', '4', '.', '0', ',', '9', (byte) 0xFF, '\n'}; // line 7: not UTF-8
        byte[] tail = "1,99,4.0,964982000\n3,2,1.0,964982001\n".getBytes(StandardCharsets.UTF_8); // line 8: unknown movie
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        Fixtures.writeBytes(dir, "ratings.csv", all);
        return dir;
    }

    @Test
    void skipModeReportsEveryBadRowByFileAndLineAndImportsTheRest() throws IOException {
        Path rejects = tmp.resolve("rejects.txt");
        ImportSummary summary = importSkip(corrupted(tmp.resolve("bad")), rejects);

        assertThat(summary.completed()).isTrue();
        assertThat(summary.rejected()).isEqualTo(4);
        assertThat(summary.errors()).containsExactly(
                "ratings.csv:4: expected 4 fields (the columns of the header), found 3",
                "ratings.csv:5: rating is not a number: 'good'",
                "ratings.csv:7: bytes that are not valid UTF-8 (byte 10 of the line)",
                "ratings.csv:8: movie 99 is not in movies.csv");
        assertThat(summary.counts().ratings()).isEqualTo(4);
        List<String> rejected = Files.readAllLines(rejects);
        assertThat(rejected).hasSize(8);
        assertThat(rejected.get(0)).isEqualTo("ratings.csv:4: expected 4 fields (the columns of the header), found 3");
        assertThat(rejected.get(1)).isEqualTo("\t2,1,4.0");
    }

    @Test
    void failModeStopsAtTheFirstBadRowKeepsEarlierBatchesAndAFixedRerunCompletes() throws IOException {
        Path dir = corrupted(tmp.resolve("bad"));

        ImportSummary stopped = importFail(dir);

        assertThat(stopped.completed()).isFalse();
        assertThat(stopped.errors()).containsExactly("ratings.csv:4: expected 4 fields (the columns of the header), found 3");
        assertThat(stopped.counts().ratings()).isEqualTo(2);
        assertThat(catalog.dataset().orElseThrow().complete()).isFalse();

        Fixtures.csv(dir);
        ImportSummary fixed = importFail(dir);

        assertThat(fixed.completed()).isTrue();
        assertThat(fixed.counts()).isEqualTo(CSV_PLANTED);
        assertThat(catalog.dataset().orElseThrow().complete()).isTrue();
    }

    @Test
    void aMissingDirectoryAMissingFileAndAnUnknownLayoutAreOneSentenceEach() {
        assertThatThrownBy(() -> importFail(tmp.resolve("nowhere")))
                .isInstanceOf(DatasetException.class).hasMessage("No such directory: " + tmp.resolve("nowhere") + ".");
        Fixtures.write(tmp.resolve("half"), "u.data", "1\t1\t5\t1\n");
        assertThatThrownBy(() -> importFail(tmp.resolve("half")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("looks like ml-100k but has no u.item");
        Fixtures.write(tmp.resolve("other"), "notes.txt", "hello");
        assertThatThrownBy(() -> importFail(tmp.resolve("other")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("does not hold a MovieLens dataset");
        Fixtures.csv(tmp.resolve("header"));
        Fixtures.write(tmp.resolve("header"), "ratings.csv", "user,movie,stars,time\n1,1,5,1\n");
        assertThatThrownBy(() -> importFail(tmp.resolve("header")))
                .isInstanceOf(DatasetException.class)
                .hasMessage("ratings.csv:1: expected the header 'userId,movieId,rating,timestamp', found 'user,movie,stars,time'.");
    }

    @Test
    void aRatingOfAnUnknownUserIsRejectedWhenTheDatasetListsItsUsers() {
        Path dir = Fixtures.ml100k(tmp.resolve("ml-100k"));
        Fixtures.write(dir, "u.data", "1\t1\t5\t874965758\n42\t1\t4\t874965759\n");
        ImportSummary summary = importSkip(dir, tmp.resolve("r.txt"));
        assertThat(summary.errors()).containsExactly("u.data:2: user 42 is not in u.user");
    }
}
