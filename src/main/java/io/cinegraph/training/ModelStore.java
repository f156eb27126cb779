package io.cinegraph.training;

import io.cinegraph.ranker.ModelInfo;
import io.cinegraph.ranker.RankerModel;

import java.util.List;
import java.util.Optional;

/**
 * Where trained models are kept: versions written whole or not at all, one of them active. A local directory
 * today ({@link DirectoryModelStore}); any store that keeps these promises will do.
 */
public interface ModelStore {

    /** Writes a new version (atomically); does not activate it. */
    void save(RankerModel model);

    /** Makes {@code version} the active one (atomically). */
    void activate(String version);

    Optional<String> activeVersion();

    /** The stored versions, oldest first. */
    List<String> versions();

    /** The metadata of a stored version. */
    ModelInfo info(String version);

    /** Reads a stored version; a {@link io.cinegraph.ranker.ModelException} when it cannot be used. */
    RankerModel load(String version);

    /** Deletes the oldest versions beyond {@code keep}, never the active one; returns the deleted versions. */
    List<String> prune(int keep);

    /** Where a version is (or would be) kept, for people: a path or a URL. */
    String location(String version);

    /** The active model, if one is set; a clear error when it is unreadable or was trained on other features. */
    default Optional<RankerModel> loadActive() {
        return activeVersion().map(this::load);
    }
}
