package io.cinegraph.domain;

/** Time spans used by more than one feature, in seconds (ratings are timed in epoch seconds). */
public final class TimeWindows {

    public static final long DAY = 86_400L;
    /** "Recent": the 30 days up to a user's latest rating (recent popularity, trending explanations). */
    public static final long RECENT = 30 * DAY;

    private TimeWindows() {
    }
}
