package io.cinegraph.cli;

import io.cinegraph.ingest.DatasetDownloader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Where a command takes a dataset from: a local copy or an official release (shared by serve and import). */
public class DatasetSource {

    @ArgGroup(exclusive = true)
    Choice choice;

    static class Choice {
        @Option(names = "--path", paramLabel = "DIR",
                description = "A local MovieLens copy (ml-100k, ml-1m, ml-10m, ml-latest-small, ml-25m, ml-32m layouts).")
        Path path;

        @Option(names = "--dataset", paramLabel = "NAME",
                description = "Download an official GroupLens release (checksum-verified, cached): ml-latest-small, "
                        + "ml-100k, ml-1m, ml-10m, ml-25m, ml-32m.")
        String dataset;
    }

    /** The directory to import, downloading the release first when one was named. */
    Optional<Path> resolve(DatasetDownloader downloader, Optional<Path> configuredPath, Optional<String> configuredDataset) {
        if (choice != null && choice.path != null) {
            return Optional.of(choice.path);
        }
        if (choice != null && choice.dataset != null) {
            return Optional.of(downloader.fetch(choice.dataset));
        }
        if (configuredPath.isPresent()) {
            return configuredPath;
        }
        return configuredDataset.map(downloader::fetch);
    }
}
