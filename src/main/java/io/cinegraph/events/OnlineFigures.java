package io.cinegraph.events;

import io.cinegraph.graph.EventRepository;

import java.util.List;

/**
 * Online figures over a sliding window, per model version and variant: what was shown and what people did next.
 * Rates are over impressions (null without any).
 */
public record OnlineFigures(long windowDays, long since, List<Variant> variants) {

    /** One model version in one variant. */
    public record Variant(String model, String variant, long impressions, long clicks, long views, long skips,
                          Double clickThrough, Double viewThrough, Double ratedAfterRate, Double meanRatingAfter,
                          Double catalogueCoverage) {

        static Variant of(EventRepository.Figures f, long catalogue) {
            return new Variant(f.model(), f.variant(), f.impressions(), f.clicks(), f.views(), f.skips(),
                    rate(f.clicks(), f.impressions()), rate(f.views(), f.impressions()),
                    rate(f.ratedAfter(), f.impressions()), f.meanRatingAfter(),
                    catalogue == 0 ? null : (double) f.moviesShown() / catalogue);
        }

        private static Double rate(long n, long impressions) {
            return impressions == 0 ? null : (double) n / impressions;
        }
    }
}
