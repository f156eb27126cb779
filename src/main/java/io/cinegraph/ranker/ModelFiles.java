package io.cinegraph.ranker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cinegraph.model.Collaborative;

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

    private static final String RANKING = "ranking";
    private static final String RATING = "rating";
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
        model.ranking().write(tmp, RANKING);
        model.ratings().network().write(tmp, RATING);
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
            TrainedNetwork ranking = TrainedNetwork.read(path, RANKING,
                    network -> Networks.requireRankingInputs(network, path.toAbsolutePath().toString()));
            TrainedNetwork rating = TrainedNetwork.read(path, RATING, network -> { });
            Collaborative collaborative;
            try (DataInputStream in = input(path.resolve("collaborative.bin"))) {
                collaborative = Collaborative.read(in);
            }
            RatingModel ratings;
            try (DataInputStream in = input(path.resolve("rating-features.bin"))) {
                double min = in.readDouble();
                double max = in.readDouble();
                ratings = new RatingModel(RatingFeatures.read(in), rating, min, max);
            }
            return new RankerModel(info, schema, ranking, collaborative, ratings);
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
