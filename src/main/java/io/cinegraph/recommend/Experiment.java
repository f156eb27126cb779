package io.cinegraph.recommend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * An A/B experiment: users split deterministically over variants ("arms") by a hash of (user id, experiment name),
 * each arm served by one model version ({@code fallback}: the popularity fallback) for its share of users in percent.
 * The first arm is the control the others are compared with.
 */
public record Experiment(String name, long startedAt, List<Arm> arms) {

    /** One variant: its name, the model version serving it, its share of users (percent). */
    public record Arm(String name, String model, double share) {
    }

    /** The arm of a user: the same for every request, replica and restart while the experiment runs. */
    public Arm arm(long userId) {
        double bucket = bucket(userId, name);
        double cumulative = 0;
        for (Arm arm : arms) {
            cumulative += arm.share();
            if (bucket < cumulative) {
                return arm;
            }
        }
        return arms.get(arms.size() - 1);
    }

    /** Where a user falls in [0, 100) for this experiment: the first 8 bytes of SHA-256 of "userId:name". */
    static double bucket(long userId, String experiment) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((userId + ":" + experiment).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return (bits >>> 11) * 0x1.0p-53 * 100;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Arm arm(String armName) {
        return arms.stream().filter(a -> a.name().equals(armName)).findFirst().orElse(null);
    }
}
