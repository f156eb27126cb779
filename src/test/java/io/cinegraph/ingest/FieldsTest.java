package io.cinegraph.ingest;

import io.cinegraph.domain.RatingScale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsTest {

    @Test
    void theYearIsTakenFromTheEndOfTheTitle() throws InvalidRowException {
        assertThat(Fields.titleAndYear("Toy Story (1995)")).isEqualTo(new Fields.TitleYear("Toy Story", 1995));
        assertThat(Fields.titleAndYear("Nocturnal Animals (2016) ")).isEqualTo(new Fields.TitleYear("Nocturnal Animals", 2016));
    }

    @Test
    void parenthesesInsideTheTitleStayInTheTitle() throws InvalidRowException {
        assertThat(Fields.titleAndYear("City of Lost Children, The (Cité des enfants perdus, La) (1995)"))
                .isEqualTo(new Fields.TitleYear("City of Lost Children, The (Cité des enfants perdus, La)", 1995));
    }

    @Test
    void seriesRangesGiveTheirFirstYear() throws InvalidRowException {
        assertThat(Fields.titleAndYear("Stranger Things (2016–)").year()).isEqualTo(2016);
        assertThat(Fields.titleAndYear("Planet Earth (2006-2007)")).isEqualTo(new Fields.TitleYear("Planet Earth", 2006));
    }

    @Test
    void aTitleWithoutAYearHasNone() throws InvalidRowException {
        assertThat(Fields.titleAndYear("Babylon 5")).isEqualTo(new Fields.TitleYear("Babylon 5", null));
        assertThat(Fields.titleAndYear("1984")).isEqualTo(new Fields.TitleYear("1984", null));
    }

    @Test
    void ratingsOffTheScaleOrNotNumbersAreRejectedWithTheValue() {
        assertThatThrownBy(() -> Fields.rating("abc", RatingScale.HALF_STARS)).hasMessage("rating is not a number: 'abc'");
        assertThatThrownBy(() -> Fields.rating("3.5", RatingScale.WHOLE_STARS)).hasMessageContaining("whole stars 1-5");
        assertThatThrownBy(() -> Fields.rating("5.5", RatingScale.HALF_STARS)).hasMessageContaining("not on this dataset's scale");
    }

    @Test
    void scalesAcceptExactlyTheirSteps() {
        assertThat(RatingScale.HALF_STARS.accepts(0.5)).isTrue();
        assertThat(RatingScale.HALF_STARS.accepts(4.5)).isTrue();
        assertThat(RatingScale.HALF_STARS.accepts(0.0)).isFalse();
        assertThat(RatingScale.HALF_STARS.accepts(4.25)).isFalse();
        assertThat(RatingScale.WHOLE_STARS.accepts(1.0)).isTrue();
        assertThat(RatingScale.WHOLE_STARS.accepts(2.5)).isFalse();
    }

    @Test
    void csvRecordsSplitWithAndWithoutQuotes() throws InvalidRowException {
        assertThat(CsvReader.split("1,Heat (1995),Action|Crime")).containsExactly("1", "Heat (1995)", "Action|Crime");
        assertThat(CsvReader.split("3,\"City of Lost Children, The (1995)\",Adventure"))
                .containsExactly("3", "City of Lost Children, The (1995)", "Adventure");
        assertThat(CsvReader.split("4,\"Film Called \"\"Unrated\"\" (1990)\",(no genres listed)"))
                .containsExactly("4", "Film Called \"Unrated\" (1990)", "(no genres listed)");
        assertThat(CsvReader.split("5,\"two\nlines\",x")).containsExactly("5", "two\nlines", "x");
        assertThat(CsvReader.split("4,0099999,")).containsExactly("4", "0099999", "");
    }

    @Test
    void seenPairsNeverForgetAPairAndRarelyImagineOne() {
        SeenPairs seen = new SeenPairs(100_000);
        int imaginedWhileFilling = 0;
        for (long u = 0; u < 1000; u++) {
            for (long m = 0; m < 100; m++) {
                imaginedWhileFilling += seen.add(u, m) ? 1 : 0;
            }
        }
        assertThat(imaginedWhileFilling).isLessThan(1000);
        for (long u = 0; u < 1000; u++) {
            for (long m = 0; m < 100; m++) {
                assertThat(seen.add(u, m)).isTrue();
            }
        }
        int falsePositives = 0;
        for (long u = 5000; u < 5100; u++) {
            for (long m = 0; m < 100; m++) {
                falsePositives += seen.add(u, m) ? 1 : 0;
            }
        }
        // 10 bits per expected pair and 3 hashes: about 1.7% false positives when full
        assertThat(falsePositives).isLessThan(300);
    }
}
