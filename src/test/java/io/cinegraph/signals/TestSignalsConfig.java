package io.cinegraph.signals;

/** Signal parameters for the hand-computed fixture. */
public final class TestSignalsConfig {

    private TestSignalsConfig() {
    }

    public static SignalsConfig fixture() {
        return new SignalsConfig() {
            public int batchSize() { return 2; }
            public int parallelism() { return 2; }
            public int degreeCap() { return 300; }
            public int staleQueueSize() { return 100; }
            public double backgroundShare() { return 1; }
            public Neighbours neighbours() {
                return new Neighbours() {
                    public int k() { return 30; }
                    public int minOverlap() { return 2; }
                    public double shrinkage() { return 1; }
                };
            }
            public Similar similar() {
                return new Similar() {
                    public int k() { return 30; }
                    public int minOverlap() { return 2; }
                    public double shrinkage() { return 1; }
                };
            }
            public double genreShrinkage() { return 2; }
            public double viewRating() { return 4; }
            public double popularityPriorWeight() { return 2; }
            public double trendHalfLifeDays() { return 1; }
            public int contentMinRatings() { return 10; }
            public double contentYearScale() { return 10; }
            public int cohortMinUsers() { return 1; }
            public int historySize() { return 10; }
        };
    }
}
