package io.cinegraph.ranker;

import java.nio.file.Path;

/** A small, fast ranker configuration for tests on generated data. */
public final class TestRankerConfig {

    private TestRankerConfig() {
    }

    public static RankerConfig small(Path modelDir) {
        return new RankerConfig() {
            public String modelDir() { return modelDir.toString(); }
            public String profile() { return "default"; }
            public int keepModels() { return 2; }
            public long seed() { return 7; }
            public double targetFraction() { return 0.2; }
            public double validationUsers() { return 0.2; }
            public int maxTrainingUsers() { return 0; }
            public int examplesPerEpoch() { return 0; }
            public long ratingModelRatings() { return 0; }
            public int candidatesByEase() { return 60; }
            public int candidatesByCosine() { return 30; }
            public int candidatesByPopularity() { return 20; }
            public int candidatesBySession() { return 20; }
            public int candidatesByRecentPopularity() { return 20; }
            public int randomNegatives() { return 20; }
            public int candidatesPerGenerator() { return 20; }
            public int candidateCacheSize() { return 100; }
            public int warmUpSeconds() { return 0; }
            public double easeLambda() { return 50; }
            public int knnK() { return 50; }
            public long sessionGapSeconds() { return 60; }
            public double signUpWeight() { return 4; }
            public int maxItems() { return 5000; }
            public int embeddingSize() { return 8; }
            public int hidden() { return 32; }
            public double learningRate() { return 0.003; }
            public double l2() { return 0.00001; }
            public int batchSize() { return 256; }
            public int ratingBatchSize() { return 128; }
            public double ratingLearningRate() { return 0.003; }
            public int maxEpochs() { return 4; }
            public int patience() { return 2; }
            public int ratingEpochs() { return 4; }
        };
    }
}
