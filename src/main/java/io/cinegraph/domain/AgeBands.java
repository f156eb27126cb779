package io.cinegraph.domain;

import java.util.List;

/**
 * ml-1m's age bands, also applied to exact ages (ml-100k, sign-ups): a band is named by its lowest age, 1 (under
 * 18), 18, 25, 35, 45, 50 and 56 (56 and over). The graph's {@code User.ageBand} is computed from these
 * ({@code cypher/signals/user_stats.cypher} takes them as {@code $ageBands}).
 */
public final class AgeBands {

    /** Each band's lowest age, ascending; ml-1m's age codes are these numbers. */
    public static final List<Integer> LOWEST_AGES = List.of(1, 18, 25, 35, 45, 50, 56);

    private AgeBands() {
    }

    /** The band of an age: the highest lowest age not above it (ages under the first band fall into it). */
    public static int of(int age) {
        int band = LOWEST_AGES.get(0);
        for (int lowest : LOWEST_AGES) {
            if (age >= lowest) {
                band = lowest;
            }
        }
        return band;
    }

    /** A band for people: "<18", "18-24", …, "56+". */
    public static String label(int band) {
        int i = LOWEST_AGES.indexOf(band);
        if (i < 0) {
            throw new IllegalArgumentException("not an age band: " + band);
        }
        if (i == 0) {
            return "<" + LOWEST_AGES.get(1);
        }
        return i == LOWEST_AGES.size() - 1 ? band + "+" : band + "-" + (LOWEST_AGES.get(i + 1) - 1);
    }

    /** A band as an adjective: "under-18", "18–24-year-old", …, "56-and-over". */
    public static String words(int band) {
        int i = LOWEST_AGES.indexOf(band);
        if (i == 0) {
            return "under-" + LOWEST_AGES.get(1);
        }
        return i == LOWEST_AGES.size() - 1 || i < 0 ? LOWEST_AGES.get(LOWEST_AGES.size() - 1) + "-and-over"
                : band + "–" + (LOWEST_AGES.get(i + 1) - 1) + "-year-old";
    }
}
