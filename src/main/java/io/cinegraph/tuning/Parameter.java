package io.cinegraph.tuning;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One dimension of the search: a ranker setting (its key under {@code cinegraph.ranker.}), either numeric between
 * {@code low} and {@code high} (searched on a log scale where {@code log}, rounded where {@code integer}) or one of
 * a few {@code choices}. Samplers work in the parameter's internal coordinate: the value itself, its logarithm, or
 * the index of a choice. Choices that are all whole numbers are integers.
 */
public record Parameter(String key, double low, double high, boolean log, boolean integer, List<Double> choices) {

    public Parameter {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a key, the ranker setting it searches");
        }
        if (!choices.isEmpty()) {
            if (choices.stream().distinct().count() < choices.size()) {
                throw new IllegalArgumentException(key + ": a choice is listed twice in " + choices);
            }
            integer = choices.stream().allMatch(c -> c == Math.rint(c));
        } else if (!(low < high)) {
            throw new IllegalArgumentException(key + ": the low bound must lie below the high one (low " + low
                    + ", high " + high + "), or give choices");
        } else if (log && low <= 0) {
            throw new IllegalArgumentException(key + ": a log-scale range must be positive (low " + low + ")");
        }
    }

    public boolean categorical() {
        return !choices.isEmpty();
    }

    /** The internal coordinate's range (numeric parameters). */
    double lowInternal() {
        return log ? Math.log(low) : low;
    }

    double highInternal() {
        return log ? Math.log(high) : high;
    }

    /** A uniform draw, as the setting's text. */
    String draw(Random random) {
        if (categorical()) {
            return format(choices.get(random.nextInt(choices.size())));
        }
        return fromInternal(lowInternal() + random.nextDouble() * (highInternal() - lowInternal()));
    }

    /** The setting's text for an internal coordinate (clamped to the range, rounded for integers). */
    String fromInternal(double x) {
        double v = log ? Math.exp(x) : x;
        v = Math.max(low, Math.min(high, v));
        return format(integer ? Math.round(v) : v);
    }

    /** The internal coordinate of a setting's text: a choice's index, or the (log of the) value. */
    double toInternal(String text) {
        double v = Double.parseDouble(text);
        if (categorical()) {
            int i = choices.indexOf(v);
            if (i < 0) {
                throw new IllegalArgumentException(key + ": " + text + " is not one of " + choices);
            }
            return i;
        }
        return log ? Math.log(v) : v;
    }

    String format(double v) {
        if (integer || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    /** What the report and {@code --help} print: the range or the choices, and the scale. */
    public String describe() {
        if (categorical()) {
            return choices.stream().map(this::format).toList().toString();
        }
        return "[" + format(low) + ", " + format(high) + "]" + (log ? " log" : "") + (integer ? " int" : "");
    }
}
