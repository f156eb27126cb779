package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository.CohortLevel;
import io.cinegraph.graph.SignalsRepository.Demographics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demographic cohorts, from one pass over the users: each user's cohort is the finest of age band × gender ×
 * occupation (level 3), age band × gender (2), gender (1) and everyone (0) that holds at least {@code minUsers}
 * other users; a user without a gender is in cohort 0. Every cohort's size is counted once, so this is linear in
 * the users (comparing each user with every other was quadratic).
 */
final class CohortLevels {

    private final long everyone;
    private final Map<List<Object>, Long> sizes = new HashMap<>();
    private final int minUsers;

    CohortLevels(List<Demographics> users, int minUsers) {
        this.everyone = users.size();
        this.minUsers = minUsers;
        for (Demographics u : users) {
            for (int level = 1; level <= 3; level++) {
                List<Object> key = key(u, level);
                if (key != null) {
                    sizes.merge(key, 1L, Long::sum);
                }
            }
        }
    }

    /** The user's cohort: the finest level whose other members are at least {@code minUsers}, and their number. */
    CohortLevel of(Demographics u) {
        for (int level = 3; level >= 0; level--) {
            long others = level == 0 ? everyone - 1 : others(u, level);
            if (others >= minUsers) {
                return new CohortLevel(u.userId(), level, others);
            }
        }
        return new CohortLevel(u.userId(), 0, 0);
    }

    private long others(Demographics u, int level) {
        List<Object> key = key(u, level);
        return key == null ? 0 : sizes.getOrDefault(key, 1L) - 1;
    }

    /** The cohort's key at a level, or null when the user lacks one of its fields. */
    private static List<Object> key(Demographics u, int level) {
        if (u.gender() == null || (level >= 2 && u.ageBand() == null) || (level == 3 && u.occupation() == null)) {
            return null;
        }
        return switch (level) {
            case 1 -> List.of(u.gender());
            case 2 -> List.of(u.gender(), u.ageBand());
            default -> List.of(u.gender(), u.ageBand(), u.occupation());
        };
    }
}
