package io.cinegraph.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-client write limits: each client has its own allowance; one beyond it is refused. */
class WriteLimitsTest {

    @Test
    void eachClientGetsItsOwnAllowanceAndTheNextWriteIsRefused() {
        // an hour's period, so that no refresh can happen while the test runs
        WriteLimits limits = new WriteLimits(3, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryWrite("10.0.0.1")).isTrue();
        }
        assertThat(limits.tryWrite("10.0.0.1")).isFalse();
        assertThat(limits.tryWrite("10.0.0.2")).isTrue();
        assertThat(limits.retryAfterSeconds()).isEqualTo(3600);
    }
}
