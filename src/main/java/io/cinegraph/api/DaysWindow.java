package io.cinegraph.api;

import io.cinegraph.events.Replay;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import java.time.Duration;

/** A report's sliding window, {@code ?days=N}: the last 1 to 3650 days, 30 when absent. */
public class DaysWindow {

    @QueryParam("days")
    @DefaultValue(Replay.DEFAULT_DAYS)
    @Min(1)
    @Max(3650)
    int days;

    Duration duration() {
        return Duration.ofDays(days);
    }
}
