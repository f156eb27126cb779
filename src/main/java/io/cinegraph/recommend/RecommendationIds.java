package io.cinegraph.recommend;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The id of one answer of recommendations: which model version (and variant) served it, and when. Later events
 * (impressions, clicks, views) carry it back, so that online figures are counted per model and variant with no
 * write per request: the id holds what they need, in a form clients treat as opaque.
 */
public final class RecommendationIds {

    private static final String PREFIX = "r1.";
    /** The variant of a service that runs no experiment. */
    public static final String DEFAULT_VARIANT = "default";

    private RecommendationIds() {
    }

    /** What an id says: the model version or fallback that served, the variant, when (epoch ms). */
    public record Issued(String model, String variant, long servedAt) {
    }

    /** A new id for an answer by {@code model} in {@code variant}. */
    public static String issue(String model, String variant, long servedAtMillis) {
        String text = model + "\n" + variant + "\n" + servedAtMillis + "\n"
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads an id this service issued; empty when it is not one. */
    public static Optional<Issued> parse(String id) {
        if (id == null || !id.startsWith(PREFIX) || id.length() > 400) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(id.substring(PREFIX.length())),
                    StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4 || parts[0].isEmpty() || parts[1].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Issued(parts[0], parts[1], Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
