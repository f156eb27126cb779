package io.cinegraph.catalog;

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
        assertThat(BrowseService.ageBand(17)).isEqualTo(1);
        assertThat(BrowseService.ageBand(18)).isEqualTo(18);
        assertThat(BrowseService.ageBand(34)).isEqualTo(25);
        assertThat(BrowseService.ageBand(56)).isEqualTo(56);
    }
}
