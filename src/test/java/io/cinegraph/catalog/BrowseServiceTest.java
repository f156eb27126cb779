package io.cinegraph.catalog;

import io.cinegraph.domain.AgeBands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowseServiceTest {

    @Test
    void titlesAreFoldedToLowerCaseWithoutAccents() {
        assertThat(BrowseService.fold("Amélie")).isEqualTo("amelie");
        assertThat(BrowseService.fold("  CRÈME Brûlée ")).isEqualTo("creme brulee");
        assertThat(BrowseService.fold("Señor Niño")).isEqualTo("senor nino");
    }

    @Test
    void agesFallInTheCohortBandsOfTheSignals() {
        assertThat(AgeBands.of(17)).isEqualTo(1);
        assertThat(AgeBands.of(18)).isEqualTo(18);
        assertThat(AgeBands.of(34)).isEqualTo(25);
        assertThat(AgeBands.of(56)).isEqualTo(56);
    }
}
