package io.cinegraph.training;

import io.cinegraph.domain.Interaction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserSampleTest {

    /** User u (1..50) rated u movies. */
    private static List<Interaction> ratings() {
        List<Interaction> out = new ArrayList<>();
        for (long u = 1; u <= 50; u++) {
            for (long m = 1; m <= u; m++) {
                out.add(new Interaction(u, m, 3, m));
            }
        }
        return out;
    }

    @Test
    void aRatingBudgetKeepsWholeUsersWithinIt() {
        List<Interaction> all = ratings();
        List<Interaction> sample = UserSample.ratingsUpTo(all, 300, 7);
        assertTrue(sample.size() <= 300 && sample.size() > 200, "close to the budget without passing it: " + sample.size());
        Set<Long> users = new HashSet<>();
        sample.forEach(i -> users.add(i.userId()));
        for (long u : users) {
            assertEquals(u, sample.stream().filter(i -> i.userId() == u).count(), "every rating of a drawn user");
        }
        assertEquals(all.stream().filter(i -> users.contains(i.userId())).toList(), sample, "in the given order");
        assertSame(all, UserSample.ratingsUpTo(all, 0, 7), "0 = every rating");
        assertSame(all, UserSample.ratingsUpTo(all, all.size(), 7));
    }

    @Test
    void drawsDoNotDependOnInputOrderAndGrowWithTheBudget() {
        List<Interaction> all = ratings();
        List<Interaction> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new java.util.Random(3));
        Set<Long> a = users(UserSample.ratingsUpTo(all, 400, 11));
        assertEquals(a, users(UserSample.ratingsUpTo(shuffled, 400, 11)));
        List<Long> ids = new ArrayList<>(users(all));
        List<Long> first = UserSample.first(ids, 10, 5);
        Collections.reverse(ids);
        assertEquals(first, UserSample.first(ids, 10, 5));
        assertEquals(first.stream().sorted().toList(), first, "in id order");
        assertTrue(UserSample.first(ids, 20, 5).containsAll(first), "a larger budget draws a superset");
        assertEquals(50, UserSample.first(ids, 0, 5).size());
    }

    private static Set<Long> users(List<Interaction> ratings) {
        Set<Long> out = new HashSet<>();
        ratings.forEach(i -> out.add(i.userId()));
        return out;
    }
}
