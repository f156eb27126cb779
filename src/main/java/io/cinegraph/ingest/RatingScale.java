package io.cinegraph.ingest;

/** The values a dataset's ratings may take: whole stars 1–5, or half stars 0.5–5. */
public enum RatingScale {
    WHOLE_STARS(1.0, 5.0, 1.0),
    HALF_STARS(0.5, 5.0, 0.5);

    private final double min;
    private final double max;
    private final double step;

    RatingScale(double min, double max, double step) {
        this.min = min;
        this.max = max;
        this.step = step;
    }

    public boolean accepts(double rating) {
        if (Double.isNaN(rating) || rating < min || rating > max) {
            return false;
        }
        double steps = (rating - min) / step;
        return Math.abs(steps - Math.rint(steps)) < 1e-9;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double step() {
        return step;
    }

    @Override
    public String toString() {
        return step == 1.0 ? "whole stars 1-5" : "half stars 0.5-5";
    }
}
