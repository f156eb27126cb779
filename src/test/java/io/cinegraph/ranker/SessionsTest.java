package io.cinegraph.ranker;

import io.cinegraph.domain.Interaction;
import io.cinegraph.domain.UserSide;
import io.cinegraph.model.Collaborative;
import io.cinegraph.model.Sessions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SessionsTest {

    private static final Map<Long, Integer> INDEX = Map.of(10L, 0, 11L, 1, 12L, 2, 13L, 3);

    /**
     * User 1 rates 10 and 11 half a minute apart, then 12 hours later; user 2 rates 10, 11 and 13 within ten
     * seconds, two of them in the same second. Sessions {10, 11} (each pair 1/2) and {10, 11, 13} (each pair 1/3).
     */
    private static final List<Interaction> RATINGS = List.of(
            new Interaction(1, 10, 4, 0), new Interaction(1, 11, 5, 30), new Interaction(1, 12, 3, 43_200),
            new Interaction(2, 13, 4, 110), new Interaction(2, 11, 2, 100), new Interaction(2, 10, 5, 100));

    @Test
    void moviesRatedInOneSessionArePartnersWeightedByTheirShare() {
        Sessions sessions = Sessions.fit(RATINGS, INDEX::get, 4, 60, 10);
        double[] from10 = sessions.scores(new int[]{0}, 4);
        // row 10: 11 → 1/2 + 1/3, 13 → 1/3; divided by the row total + 1
        double total = 0.5 + 1 / 3.0 + 1 / 3.0 + 1;
        assertThat(from10[1]).isCloseTo((0.5 + 1 / 3.0) / total, within(1e-6));
        assertThat(from10[3]).isCloseTo((1 / 3.0) / total, within(1e-6));
        assertThat(from10[2]).as("12 came twelve hours later: another session").isZero();
        assertThat(sessions.scores(new int[]{2}, 4)).containsOnly(0.0);
        // the score of a session of several movies is the mean of their rows
        double[] from13 = sessions.scores(new int[]{3}, 4);
        double[] both = sessions.scores(new int[]{0, 3}, 4);
        for (int j = 0; j < 4; j++) {
            assertThat(both[j]).isCloseTo((from10[j] + from13[j]) / 2, within(1e-6));
        }
    }

    @Test
    void aShorterGapSplitsTheSessionsAndEachMovieKeepsItsStrongestPartners() {
        Sessions tight = Sessions.fit(RATINGS, INDEX::get, 4, 5, 10);
        // with 5 s, user 1's 10 and 11 (30 s apart) and user 2's 13 (10 s after) are apart: only user 2's 10 and
        // 11, rated in the same second, remain a session (1/2 each way), divided by the row total + 1
        assertThat(tight.scores(new int[]{3}, 4)).containsOnly(0.0);
        assertThat(tight.scores(new int[]{0}, 4)[1]).isCloseTo(0.5 / (0.5 + 1), within(1e-6));
        Sessions one = Sessions.fit(RATINGS, INDEX::get, 4, 60, 1);
        double[] from10 = one.scores(new int[]{0}, 4);
        assertThat(from10[1]).isPositive();
        assertThat(from10[3]).as("only the strongest partner is kept").isZero();
    }

    @Test
    void theLatestSessionIsTheLatestRatingAndThoseReachedWithoutALongerGap() throws IOException {
        Collaborative collaborative = Collaborative.fit(RATINGS, TestRankerConfig.small(Path.of("target")).itemIndex());
        List<UserSide.Rated> ratings = List.of(new UserSide.Rated(10, 4, 1_000),
                new UserSide.Rated(11, 4, 1_050), new UserSide.Rated(13, 4, 1_100),
                new UserSide.Rated(12, 4, 100));
        int[] latest = RankerInputs.latestSession(ratings, collaborative);
        assertThat(latest).containsExactlyInAnyOrder(collaborative.indexOf(10), collaborative.indexOf(11),
                collaborative.indexOf(13));
        assertThat(RankerInputs.latestSession(List.of(), collaborative)).isEmpty();
        // written into the model artefact and read back, the session scores are the same
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            collaborative.write(out);
        }
        Collaborative read = Collaborative.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(read.session(latest)).containsExactly(collaborative.session(latest));
        assertThat(read.sessionGapSeconds()).isEqualTo(60);
    }
}
