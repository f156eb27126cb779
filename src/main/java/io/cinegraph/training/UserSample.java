package io.cinegraph.training;

import io.cinegraph.domain.Interaction;
import io.cinegraph.support.Seeds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Seeded samples of users that bound what training costs: users are drawn in the order of a seeded hash of their
 * ids, so the same users are drawn whatever the order they come in, and a larger budget draws a superset.
 */
final class UserSample {

    private UserSample() {
    }

    /** At most {@code max} of the users (all when {@code max} ≤ 0), in id order. */
    static List<Long> first(Collection<Long> users, int max, long seed) {
        if (max <= 0 || users.size() <= max) {
            return users.stream().sorted().toList();
        }
        return users.stream().sorted(drawOrder(seed)).limit(max).sorted().toList();
    }

    /**
     * The ratings of users drawn until the next one would take the total past {@code maxRatings} (every rating when
     * {@code maxRatings} ≤ 0 or they are fewer), in their given order; at least one user's.
     */
    static List<Interaction> ratingsUpTo(List<Interaction> ratings, long maxRatings, long seed) {
        if (maxRatings <= 0 || ratings.size() <= maxRatings) {
            return ratings;
        }
        Map<Long, Integer> counts = new TreeMap<>();
        ratings.forEach(i -> counts.merge(i.userId(), 1, Integer::sum));
        Set<Long> drawn = new HashSet<>();
        long total = 0;
        for (long userId : counts.keySet().stream().sorted(drawOrder(seed)).toList()) {
            int n = counts.get(userId);
            if (!drawn.isEmpty() && total + n > maxRatings) {
                continue;
            }
            drawn.add(userId);
            total += n;
        }
        List<Interaction> out = new ArrayList<>((int) total);
        ratings.stream().filter(i -> drawn.contains(i.userId())).forEach(out::add);
        return out;
    }

    private static Comparator<Long> drawOrder(long seed) {
        return Comparator.comparingLong((Long u) -> Seeds.mix(seed, u)).thenComparingLong(u -> u);
    }
}
