package io.cinegraph.training;

import io.cinegraph.domain.Interaction;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.signals.SignalsConfig;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a trained model records about how it was made: its version, the data's fingerprint, the settings. */
final class ModelMetadata {

    private ModelMetadata() {
    }

    /** Every setting that shaped the model, by name. */
    static Map<String, Object> hyperParameters(RankerConfig config, SignalsConfig signalsConfig) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("profile", config.profile());
        h.put("seed", config.seed());
        h.put("targetFraction", config.targetFraction());
        h.put("validationUsers", config.validationUsers());
        h.put("candidatesByEase", config.candidatesByEase());
        h.put("candidatesByCosine", config.candidatesByCosine());
        h.put("candidatesByPopularity", config.candidatesByPopularity());
        h.put("candidatesBySession", config.candidatesBySession());
        h.put("sessionGapSeconds", config.sessionGapSeconds());
        h.put("signUpWeight", config.signUpWeight());
        h.put("candidatesByRecentPopularity", config.candidatesByRecentPopularity());
        h.put("randomNegatives", config.randomNegatives());
        h.put("easeLambda", config.easeLambda());
        h.put("knnK", config.knnK());
        h.put("maxItems", config.maxItems());
        h.put("embeddingSize", config.embeddingSize());
        h.put("hidden", config.hidden());
        h.put("learningRate", config.learningRate());
        h.put("l2", config.l2());
        h.put("batchSize", config.batchSize());
        h.put("ratingBatchSize", config.ratingBatchSize());
        h.put("ratingLearningRate", config.ratingLearningRate());
        h.put("maxEpochs", config.maxEpochs());
        h.put("examplesPerEpoch", config.examplesPerEpoch());
        h.put("maxTrainingUsers", config.maxTrainingUsers());
        h.put("ratingModelRatings", config.ratingModelRatings());
        h.put("patience", config.patience());
        h.put("ratingEpochs", config.ratingEpochs());
        h.put("historySize", signalsConfig.historySize());
        return h;
    }

    /** A sortable version name: the UTC training time to the millisecond. */
    static String version() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now());
    }

    /** SHA-256 over the (user, movie, rating, time) of every rating, in a fixed order; first 16 hex digits. */
    static String fingerprint(List<Interaction> ratings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Interaction> sorted = new ArrayList<>(ratings);
            sorted.sort(Comparator.comparingLong(Interaction::userId).thenComparingLong(Interaction::movieId));
            ByteBuffer buffer = ByteBuffer.allocate(32);
            for (Interaction i : sorted) {
                buffer.clear();
                buffer.putLong(i.userId()).putLong(i.movieId()).putDouble(i.rating()).putLong(i.timestamp());
                digest.update(buffer.array());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
