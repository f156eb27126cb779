package io.cinegraph.model;

import io.cinegraph.domain.Interaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The training interactions as an implicit user × item matrix: dense indexes for users (every user with a
 * training rating) and items (the catalogue: every movie rated anywhere in the dataset, in id order).
 */
public final class TrainingData {

    private final long[] itemIds;
    private final Map<Long, Integer> itemIndex = new HashMap<>();
    private final Map<Long, Integer> userIndex = new HashMap<>();
    private final List<int[]> userItems = new ArrayList<>();
    private final List<Long> userIds = new ArrayList<>();

    public TrainingData(Collection<Interaction> train, Collection<Interaction> all) {
        TreeSet<Long> catalogue = new TreeSet<>();
        all.forEach(i -> catalogue.add(i.movieId()));
        itemIds = catalogue.stream().mapToLong(Long::longValue).toArray();
        for (int i = 0; i < itemIds.length; i++) {
            itemIndex.put(itemIds[i], i);
        }
        Map<Long, Set<Integer>> byUser = new java.util.TreeMap<>();
        train.forEach(i -> byUser.computeIfAbsent(i.userId(), k -> new LinkedHashSet<>()).add(itemIndex.get(i.movieId())));
        byUser.forEach((user, items) -> {
            userIndex.put(user, userItems.size());
            userIds.add(user);
            userItems.add(items.stream().mapToInt(Integer::intValue).sorted().toArray());
        });
    }

    public int users() {
        return userItems.size();
    }

    public int items() {
        return itemIds.length;
    }

    public long itemId(int index) {
        return itemIds[index];
    }

    public Integer itemIndex(long movieId) {
        return itemIndex.get(movieId);
    }

    public Integer userIndex(long userId) {
        return userIndex.get(userId);
    }

    /** The user id of a user index. */
    public long userId(int user) {
        return userIds.get(user);
    }

    /** Item indexes the user interacted with in training, ascending. */
    public int[] itemsOf(int user) {
        return userItems.get(user);
    }

    /** Training interactions per item. */
    public int[] itemCounts() {
        int[] counts = new int[items()];
        for (int[] items : userItems) {
            for (int i : items) {
                counts[i]++;
            }
        }
        return counts;
    }
}
