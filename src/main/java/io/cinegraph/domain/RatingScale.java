package io.cinegraph.domain;

/**
 * The values a dataset's ratings may take: from {@code min} to {@code max} in steps of {@code step}. MovieLens rates
 * in whole stars 1–5 (the releases with demographics) or half stars 0.5–5 (the later ones).
 */
public record RatingScale(double min, double max, double step) {

    public static final RatingScale WHOLE_STARS = new RatingScale(1.0, 5.0, 1.0);
    public static final RatingScale HALF_STARS = new RatingScale(0.5, 5.0, 0.5);
    private static final double TOLERANCE = 1e-9;

    public boolean accepts(double rating) {
        if (Double.isNaN(rating) || rating < min || rating > max) {
            return false;
        }
        double steps = (rating - min) / step;
        return Math.abs(steps - Math.rint(steps)) < TOLERANCE;
    }

    /** Why {@code rating} is not on the scale (an API field's message), or null when it is. */
    public String problem(Double rating) {
        if (rating == null) {
            return "is required, e.g. {\"rating\": 4}";
        }
        if (!accepts(rating)) {
            return "must be between " + format(min) + " and " + format(max) + " in steps of " + format(step)
                    + " (this dataset's scale), got " + format(rating);
        }
        return null;
    }

    @Override
    public String toString() {
        if (equals(WHOLE_STARS)) {
            return "whole stars 1-5";
        }
        if (equals(HALF_STARS)) {
            return "half stars 0.5-5";
        }
        return format(min) + "-" + format(max) + " in steps of " + format(step);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
