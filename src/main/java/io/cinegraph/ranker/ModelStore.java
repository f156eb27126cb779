package io.cinegraph.ranker;

import io.cinegraph.model.Collaborative;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Model versions on disk: {@code <dir>/<version>/} holds the ranking network with its normalizer
 * ({@code ranking.zip}), the rating network ({@code rating.zip}), the item-to-item index
 * ({@code collaborative.bin}), the rating inputs ({@code rating-features.bin}), the feature schema
 * ({@code schema.json}) and the metadata ({@code model.json}). A version is written into a temporary directory
 * and moved into place in one atomic rename; {@code <dir>/ACTIVE} names the active version and is replaced the
 * same way. Readers therefore never see a half-written model.
 */
public final class ModelStore {

    /** A model that cannot be used: missing files, or a feature schema this code does not compute. */
    public static final class ModelException extends RuntimeException {
        public ModelException(String message) {
            super(message);
        }

        public ModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String ACTIVE = "ACTIVE";
    private static final NormalizerSerializer NORMALIZERS = NormalizerSerializer.getDefault();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public ModelStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Writes a new version (atomically); does not activate it. */
    public Path save(RankerModel model) {
        String version = model.info().version();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, ".tmp-" + version + "-");
            ModelSerializer.writeModel(model.network(), tmp.resolve("ranking.zip").toFile(), false);
            NORMALIZERS.write(model.normalizer(), tmp.resolve("ranking-normalizer.bin").toFile());
            ModelSerializer.writeModel(model.ratings().network(), tmp.resolve("rating.zip").toFile(), false);
            NORMALIZERS.write(model.ratings().normalizer(), tmp.resolve("rating-normalizer.bin").toFile());
            try (DataOutputStream out = data(tmp.resolve("collaborative.bin"))) {
                model.collaborative().write(out);
            }
            try (DataOutputStream out = data(tmp.resolve("rating-features.bin"))) {
                out.writeDouble(model.ratings().minRating());
                out.writeDouble(model.ratings().maxRating());
                model.ratings().features().write(out);
            }
            JSON.writeValue(tmp.resolve("schema.json").toFile(), model.schema());
            JSON.writeValue(tmp.resolve("model.json").toFile(), model.info());
            Path target = dir.resolve(version);
            move(tmp, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write model " + version + " under " + dir, e);
        }
    }

    /** Makes {@code version} the active one (atomic replace of the ACTIVE file). */
    public void activate(String version) {
        if (!Files.isDirectory(dir.resolve(version))) {
            throw new ModelException("No model version '" + version + "' under " + dir.toAbsolutePath());
        }
        try {
            Path tmp = Files.createTempFile(dir, ".active-", ".tmp");
            Files.writeString(tmp, version + "\n");
            move(tmp, dir.resolve(ACTIVE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot activate model " + version, e);
        }
    }

    public Optional<String> activeVersion() {
        try {
            return Optional.of(Files.readString(dir.resolve(ACTIVE)).strip()).filter(s -> !s.isEmpty());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir.resolve(ACTIVE), e);
        }
    }

    /** The versions on disk, oldest first. */
    public List<String> versions() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** The metadata of a stored version. */
    public ModelInfo info(String version) {
        try {
            return JSON.readValue(dir.resolve(version).resolve("model.json").toFile(), ModelInfo.class);
        } catch (IOException e) {
            throw new ModelException("Cannot read the metadata of model " + version + " in " + dir.toAbsolutePath(), e);
        }
    }

    /** The active model, if one is set; a clear error when it is unreadable or was trained on other features. */
    public Optional<RankerModel> loadActive() {
        return activeVersion().map(this::load);
    }

    public RankerModel load(String version) {
        Path path = dir.resolve(version);
        if (!Files.isDirectory(path)) {
            throw new ModelException("No model version '" + version + "' under " + dir.toAbsolutePath());
        }
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
            ModelInfo info = JSON.readValue(path.resolve("model.json").toFile(), ModelInfo.class);
            ComputationGraph ranking = ModelSerializer.restoreComputationGraph(path.resolve("ranking.zip").toFile(), false);
            Networks.requireRankingInputs(ranking, path.toAbsolutePath().toString());
            NormalizerStandardize rankingNormalizer = NORMALIZERS.restore(path.resolve("ranking-normalizer.bin").toFile());
            ComputationGraph rating = ModelSerializer.restoreComputationGraph(path.resolve("rating.zip").toFile(), false);
            NormalizerStandardize ratingNormalizer = NORMALIZERS.restore(path.resolve("rating-normalizer.bin").toFile());
            Collaborative collaborative;
            try (DataInputStream in = data(path.resolve("collaborative.bin"), true)) {
                collaborative = Collaborative.read(in);
            }
            RatingModel ratings;
            try (DataInputStream in = data(path.resolve("rating-features.bin"), true)) {
                double min = in.readDouble();
                double max = in.readDouble();
                ratings = new RatingModel(RatingFeatures.read(in), rating, ratingNormalizer, min, max);
            }
            return new RankerModel(info, schema, ranking, rankingNormalizer, collaborative, ratings);
        } catch (Exception e) {
            if (e instanceof ModelException m) {
                throw m;
            }
            throw new ModelException("Cannot read model " + version + " from " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the oldest versions beyond {@code keep}, never the active one. */
    public List<String> prune(int keep) {
        List<String> versions = new ArrayList<>(versions());
        String active = activeVersion().orElse(null);
        List<String> deleted = new ArrayList<>();
        while (versions.size() > keep) {
            String oldest = versions.remove(0);
            if (oldest.equals(active)) {
                continue;
            }
            delete(dir.resolve(oldest));
            deleted.add(oldest);
        }
        return deleted;
    }

    private static void delete(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + to.getParent() + " cannot rename atomically", e);
        }
    }

    private static DataOutputStream data(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    private static DataInputStream data(Path file, boolean read) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }
}
