package io.cinegraph.training;

import io.cinegraph.ranker.ModelException;
import io.cinegraph.ranker.ModelFiles;
import io.cinegraph.ranker.ModelInfo;
import io.cinegraph.ranker.RankerModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Models in a local directory: one sub-directory per version (written to a temporary directory, then renamed
 * atomically) and an {@code ACTIVE} file naming the active version (replaced atomically).
 */
public final class DirectoryModelStore implements ModelStore {

    private static final String ACTIVE = "ACTIVE";

    private final Path dir;

    public DirectoryModelStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public String location(String version) {
        return dir.resolve(version).toAbsolutePath().toString();
    }

    /** Writes a new version (atomically); does not activate it. */
    @Override
    public void save(RankerModel model) {
        String version = model.info().version();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, ".tmp-" + version + "-");
            ModelFiles.write(model, tmp);
            Path target = dir.resolve(version);
            move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write model " + version + " under " + dir, e);
        }
    }

    /** Makes {@code version} the active one (atomic replace of the ACTIVE file). */
    @Override
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

    @Override
    public Optional<String> activeVersion() {
        try {
            return Optional.of(Files.readString(dir.resolve(ACTIVE)).strip()).filter(s -> !s.isEmpty());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir.resolve(ACTIVE), e);
        }
    }

    /** The versions on disk, oldest first (directories that hold a model: not the tuning profiles, say). */
    @Override
    public List<String> versions() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).filter(ModelFiles::isModel).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** The metadata of a stored version. */
    @Override
    public ModelInfo info(String version) {
        try {
            return ModelFiles.info(dir.resolve(version));
        } catch (IOException e) {
            throw new ModelException("Cannot read the metadata of model " + version + " in " + dir.toAbsolutePath(), e);
        }
    }

    @Override
    public RankerModel load(String version) {
        Path path = dir.resolve(version);
        if (!Files.isDirectory(path)) {
            throw new ModelException("No model version '" + version + "' under " + dir.toAbsolutePath());
        }
        return ModelFiles.read(path);
    }

    /** Deletes the oldest versions beyond {@code keep}, never the active one. */
    @Override
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
        io.cinegraph.support.Directories.deleteTree(path);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + to.getParent() + " cannot rename atomically", e);
        }
    }
}
