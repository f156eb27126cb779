package io.cinegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The three file layouts GroupLens has published MovieLens in, recognized by the files present. */
public enum DatasetFormat {
    /** ml-100k: tab-separated {@code u.data}, pipe-separated {@code u.item}, {@code u.user}, {@code u.genre}; ISO-8859-1. */
    ML_100K("ml-100k", "u.data", "u.item"),
    /** ml-1m, ml-10m: {@code ::}-separated {@code ratings.dat}, {@code movies.dat} (+ {@code users.dat}, {@code tags.dat}). */
    ML_DAT("ml-1m/ml-10m", "ratings.dat", "movies.dat"),
    /** ml-latest-small, ml-25m, ml-32m: RFC-4180 CSV in UTF-8 with headers (+ {@code tags.csv}, {@code links.csv}). */
    ML_CSV("ml-latest/ml-25m/ml-32m", "ratings.csv", "movies.csv");

    private final String label;
    private final String ratingsFile;
    private final String moviesFile;

    DatasetFormat(String label, String ratingsFile, String moviesFile) {
        this.label = label;
        this.ratingsFile = ratingsFile;
        this.moviesFile = moviesFile;
    }

    public String label() {
        return label;
    }

    public String ratingsFile() {
        return ratingsFile;
    }

    public String moviesFile() {
        return moviesFile;
    }

    /**
     * Finds the dataset in {@code dir}, or in its only sub-directory that holds one (an extracted zip), and
     * opens a reader for it.
     *
     * @throws DatasetException with one sentence when the directory is missing or holds no known layout
     */
    public static DatasetReader open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(Files.exists(dir)
                    ? dir + " is a file, not a directory: pass the directory that holds the MovieLens files."
                    : "No such directory: " + dir + ".");
        }
        DatasetReader reader = detect(dir);
        if (reader != null) {
            return reader;
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<DatasetReader> nested = children.filter(Files::isDirectory).map(DatasetFormat::detect)
                    .filter(r -> r != null).toList();
            if (nested.size() == 1) {
                return nested.get(0);
            }
        } catch (IOException e) {
            throw new DatasetException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        throw new DatasetException(dir + " does not hold a MovieLens dataset: expected u.data + u.item (ml-100k), "
                + "ratings.dat + movies.dat (ml-1m, ml-10m) or ratings.csv + movies.csv "
                + "(ml-latest-small, ml-25m, ml-32m).");
    }

    private static DatasetReader detect(Path dir) {
        for (DatasetFormat format : values()) {
            boolean ratings = Files.isRegularFile(dir.resolve(format.ratingsFile));
            boolean movies = Files.isRegularFile(dir.resolve(format.moviesFile));
            if (ratings && movies) {
                return switch (format) {
                    case ML_100K -> new Ml100kReader(dir);
                    case ML_DAT -> new DatReader(dir);
                    case ML_CSV -> new CsvReader(dir);
                };
            }
            if (ratings || movies) {
                throw new DatasetException(dir + " looks like " + format.label + " but has no "
                        + (ratings ? format.moviesFile : format.ratingsFile) + ".");
            }
        }
        return null;
    }
}
