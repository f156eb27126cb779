package io.cinegraph.ranker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cinegraph.model.Collaborative;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one stored model, in one directory: the two networks and their normalizers (DL4J's own formats),
 * the item-to-item index and the rating features (binary), the feature schema and the metadata (JSON). Where the
 * directories live, which one is active and how they are swapped is the model store's business.
 */
public final class ModelFiles {

    private static final NormalizerSerializer NORMALIZERS = NormalizerSerializer.getDefault();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String METADATA = "model.json";

    /** Whether a directory holds a saved model (its metadata is written last, so a half-written one does not count). */
    public static boolean isModel(java.nio.file.Path dir) {
        return java.nio.file.Files.isRegularFile(dir.resolve(METADATA));
    }

    static {
        io.cinegraph.support.NativeThreads.configure();
    }

    private ModelFiles() {
    }

    /** Writes every file of {@code model} into the (empty) directory {@code tmp}. */
    public static void write(RankerModel model, Path tmp) throws IOException {
        ModelSerializer.writeModel(model.network(), tmp.resolve("ranking.zip").toFile(), false);
        NORMALIZERS.write(model.normalizer(), tmp.resolve("ranking-normalizer.bin").toFile());
        ModelSerializer.writeModel(model.ratings().network(), tmp.resolve("rating.zip").toFile(), false);
        NORMALIZERS.write(model.ratings().normalizer(), tmp.resolve("rating-normalizer.bin").toFile());
        try (DataOutputStream out = output(tmp.resolve("collaborative.bin"))) {
            model.collaborative().write(out);
        }
        try (DataOutputStream out = output(tmp.resolve("rating-features.bin"))) {
            out.writeDouble(model.ratings().minRating());
            out.writeDouble(model.ratings().maxRating());
            model.ratings().features().write(out);
        }
        JSON.writeValue(tmp.resolve("schema.json").toFile(), model.schema());
        JSON.writeValue(tmp.resolve(METADATA).toFile(), model.info());
    }

    /** The metadata of the model in {@code path}. */
    public static ModelInfo info(Path path) throws IOException {
        return JSON.readValue(path.resolve(METADATA).toFile(), ModelInfo.class);
    }

    /** Reads the model in {@code path}; a clear {@link ModelException} when it is unreadable or of other features. */
    public static RankerModel read(Path path) {
        try {
            RankerSchema schema;
            try {
                schema = JSON.readValue(path.resolve("schema.json").toFile(), RankerSchema.class);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new ModelException("The model in " + path.toAbsolutePath() + " was written by another version of "
                        + "CineGraph (its feature schema cannot be read: " + e.getOriginalMessage() + "); retrain it "
                        + "(cinegraph train).", e);
            }
            schema.requireCurrent(path.toAbsolutePath().toString());
            ModelInfo info = JSON.readValue(path.resolve(METADATA).toFile(), ModelInfo.class);
            ComputationGraph ranking = ModelSerializer.restoreComputationGraph(path.resolve("ranking.zip").toFile(), false);
            Networks.requireRankingInputs(ranking, path.toAbsolutePath().toString());
            NormalizerStandardize rankingNormalizer = NORMALIZERS.restore(path.resolve("ranking-normalizer.bin").toFile());
            ComputationGraph rating = ModelSerializer.restoreComputationGraph(path.resolve("rating.zip").toFile(), false);
            NormalizerStandardize ratingNormalizer = NORMALIZERS.restore(path.resolve("rating-normalizer.bin").toFile());
            Collaborative collaborative;
            try (DataInputStream in = input(path.resolve("collaborative.bin"))) {
                collaborative = Collaborative.read(in);
            }
            RatingModel ratings;
            try (DataInputStream in = input(path.resolve("rating-features.bin"))) {
                double min = in.readDouble();
                double max = in.readDouble();
                ratings = new RatingModel(RatingFeatures.read(in), rating, ratingNormalizer, min, max);
            }
            return new RankerModel(info, schema, ranking, rankingNormalizer, collaborative, ratings);
        } catch (Exception e) {
            if (e instanceof ModelException m) {
                throw m;
            }
            throw new ModelException("Cannot read model " + path.getFileName() + " from " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static DataOutputStream output(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    private static DataInputStream input(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }
}
