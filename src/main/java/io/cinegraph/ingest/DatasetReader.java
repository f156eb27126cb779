package io.cinegraph.ingest;

import io.cinegraph.domain.RatingScale;
import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.TagRow;
import io.cinegraph.domain.Rows.UserRow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Streams one MovieLens dataset as rows, in constant memory. Syntax errors become rejections with their
 * {@code file:line}; whether ids refer to known users and movies is the importer's business.
 */
public abstract class DatasetReader {

    /** How many lines pass between two progress reports. */
    private static final int PROGRESS_EVERY = 4096;

    private final Path dir;
    private final DatasetFormat format;

    protected DatasetReader(Path dir, DatasetFormat format) {
        this.dir = dir;
        this.format = format;
    }

    public Path directory() {
        return dir;
    }

    public DatasetFormat format() {
        return format;
    }

    /**
     * The releases that ship demographics (ml-100k, ml-1m) rate in whole stars; the later ones (ml-10m, the CSV
     * releases) in half stars.
     */
    public RatingScale scale() {
        return hasUsers() ? RatingScale.WHOLE_STARS : RatingScale.HALF_STARS;
    }

    /** The genres the dataset declares up front (ml-100k's {@code u.genre}); empty when genres come with movies. */
    public List<String> declaredGenres() throws IOException {
        return List.of();
    }

    /** Whether the dataset has a users file: then ratings of unknown users are errors. */
    public abstract boolean hasUsers();

    public abstract void users(RowSink<UserRow> sink, LongConsumer bytes) throws IOException;

    public abstract void movies(RowSink<MovieRow> sink, LongConsumer bytes) throws IOException;

    public abstract void ratings(RowSink<RatingRow> sink, LongConsumer bytes) throws IOException;

    public abstract void tags(RowSink<TagRow> sink, LongConsumer bytes) throws IOException;

    /** The files read, in reading order, for progress totals and the dataset fingerprint. */
    public abstract List<String> files();

    public String usersFile() {
        return null;
    }

    public String moviesFile() {
        return format.moviesFile();
    }

    public String ratingsFile() {
        return format.ratingsFile();
    }

    public String tagsFile() {
        return null;
    }

    /**
     * The ratings of one of MovieLens' own cross-validation files (ml-100k's {@code u1.base} … {@code u5.test}).
     *
     * @throws DatasetException for datasets that ship no such files
     */
    public void foldRatings(int fold, boolean test, RowSink<RatingRow> sink) throws IOException {
        throw new DatasetException(format().label() + " ships no u1-u5 fold files; the folds protocol needs ml-100k.");
    }

    /** Size in bytes of a file of this dataset; 0 when absent. */
    public long size(String file) {
        try {
            return file == null || !Files.exists(dir.resolve(file)) ? 0 : Files.size(dir.resolve(file));
        } catch (IOException e) {
            return 0;
        }
    }

    /** Turns one line of text into a row, or says why it cannot. */
    @FunctionalInterface
    protected interface LineParser<T> {
        T parse(String text) throws InvalidRowException;
    }

    /** Reads every non-blank line of {@code file} (after {@code headerLines}) through {@code parser} into {@code sink}. */
    protected <T> void readLines(String file, TextEncoding encoding, int headerLines, LineParser<T> parser,
                                 RowSink<T> sink, LongConsumer bytes) throws IOException {
        try (LineReader lines = open(file, encoding)) {
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (line.number() % PROGRESS_EVERY == 0) {
                    bytes.accept(lines.bytesRead());
                }
                if (line.number() <= headerLines || (line.ok() && line.text().isBlank())) {
                    continue;
                }
                SourcePosition at = new SourcePosition(file, line.number());
                if (!line.ok()) {
                    sink.reject(at, line.decodeError(), line.text());
                    continue;
                }
                try {
                    sink.accept(parser.parse(line.text()), at, line.text());
                } catch (InvalidRowException e) {
                    sink.reject(at, e.getMessage(), line.text());
                }
            }
            bytes.accept(lines.bytesRead());
        }
    }

    /**
     * Reads a headerless ratings file of four {@code separator}-separated fields (user, movie, rating, time), named
     * in errors by {@code layout} and the three field names.
     */
    protected void readSeparatedRatings(String file, java.util.regex.Pattern separator, String layout,
                                        String[] names, RowSink<RatingRow> sink, LongConsumer bytes) throws IOException {
        RatingScale scale = scale();
        readLines(file, TextEncoding.LATIN1_OR_UTF8, 0, text -> {
            String[] f = separator.split(text, -1);
            requireFields(f, 4, layout);
            return Fields.ratingRow(f, scale, names[0], names[1], names[2]);
        }, sink, bytes);
    }

    protected LineReader open(String file, TextEncoding encoding) throws IOException {
        try {
            InputStream in = Files.newInputStream(dir.resolve(file));
            return new LineReader(in, encoding);
        } catch (NoSuchFileException e) {
            throw new DatasetException(dir + " has no " + file + ", which " + format().label() + " needs.");
        }
    }

    /** Reads the first line of a CSV file and checks it names the documented columns. */
    protected void requireHeader(String file, String expected) throws IOException {
        try (LineReader lines = open(file, TextEncoding.UTF8_STRICT)) {
            LineReader.Line first = lines.next();
            String found = first == null ? "" : first.text().strip();
            if (!found.equals(expected)) {
                throw new DatasetException(file + ":1: expected the header '" + expected + "', found '" + found + "'.");
            }
        }
    }

    protected static void requireFields(String[] fields, int expected, String what) throws InvalidRowException {
        if (fields.length != expected) {
            throw new InvalidRowException("expected " + expected + " fields (" + what + "), found " + fields.length);
        }
    }
}
