package io.cinegraph.ingest;

import io.cinegraph.domain.Rows;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** How datasets are found, fetched and written into the graph. */
@ConfigMapping(prefix = "cinegraph.import")
public interface ImportConfig {

    /** Rows per write transaction. */
    @WithDefault("10000")
    int batchSize();

    /**
     * A first import into an empty embedded graph whose ratings file has at least this many bytes is written by
     * Neo4j's batch importer (1 MiB by default, about 40,000 ratings; 0 always, a huge value never).
     */
    @WithDefault("" + ImportOptions.DEFAULT_BULK_FROM_BYTES)
    long bulkFromBytes();

    /** A local MovieLens copy to import when the service starts (skipped when the graph already holds it). */
    Optional<Path> path();

    /** A MovieLens release to download and import when the service starts (e.g. ml-latest-small). */
    Optional<String> dataset();

    /** Where downloaded zips and their extracted files are kept. */
    @WithDefault("data/datasets")
    Path cacheDir();

    /** Where GroupLens publishes the zips and their .md5 files. */
    @WithDefault("https://files.grouplens.org/datasets/movielens/")
    URI downloadBase();

    /** Seconds to wait for the download server to answer. */
    @WithDefault("20")
    int downloadTimeoutSeconds();
}
