package io.cinegraph.support;

import java.util.Locale;

/** Names derived from constants, so that a name and its constant cannot drift apart. */
public final class Keys {

    private Keys() {
    }

    /** {@code USER_KNN_SCORE} → {@code userKnnScore}; {@code POPULARITY_30D} → {@code popularity30d}. */
    public static String camelCase(String constant) {
        String[] parts = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i], 1, parts[i].length());
        }
        return key.toString();
    }
}
