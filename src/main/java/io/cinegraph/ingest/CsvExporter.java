package io.cinegraph.ingest;

import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.graph.IngestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the graph as ml-latest-style CSV files ({@code movies.csv}, {@code ratings.csv}, {@code tags.csv},
 * {@code links.csv}) plus {@code users.csv} with demographics, so that Neo4j's own LOAD CSV scripts under
 * {@code import/} can build the same graph from any MovieLens format.
 */
@ApplicationScoped
public class CsvExporter {

    /** Header of the demographics file, which the MovieLens CSV releases do not have. */
    static final String USERS_HEADER = "userId,age,gender,occupation,zip";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final IngestRepository repository;

    public CsvExporter(IngestRepository repository) {
        this.repository = repository;
    }

    /** Row counts written per file. */
    public record Export(Path dir, long movies, long users, long ratings, long tags) {
    }

    public Export export(Path dir) {
        try {
            Files.createDirectories(dir);
            long[] n = new long[4];
            try (CSVPrinter movies = printer(dir.resolve(DatasetFormat.ML_CSV.moviesFile()), CsvReader.MOVIES_HEADER);
                 CSVPrinter links = printer(dir.resolve(CsvReader.LINKS), CsvReader.LINKS_HEADER)) {
                repository.exportMovies(m -> {
                    print(movies, m.movieId(), titleWithYear(m), m.genres().isEmpty() ? "(no genres listed)"
                            : String.join("|", m.genres()));
                    print(links, m.movieId(), m.imdbId() == null ? "" : m.imdbId(), m.tmdbId() == null ? "" : m.tmdbId());
                    n[0]++;
                });
            }
            try (CSVPrinter users = printer(dir.resolve("users.csv"), USERS_HEADER)) {
                repository.exportUsers(u -> {
                    print(users, u.userId(), u.age() == null ? "" : u.age(), blank(u.gender()), blank(u.occupation()),
                            blank(u.zip()));
                    n[1]++;
                });
            }
            try (CSVPrinter ratings = printer(dir.resolve(DatasetFormat.ML_CSV.ratingsFile()), CsvReader.RATINGS_HEADER)) {
                repository.exportRatings(r -> {
                    print(ratings, r.userId(), r.movieId(), stars(r.rating()), r.ratedAt());
                    n[2]++;
                });
            }
            try (CSVPrinter tags = printer(dir.resolve(CsvReader.TAGS), CsvReader.TAGS_HEADER)) {
                repository.exportTags(t -> {
                    print(tags, t.userId(), t.movieId(), t.tag(), t.taggedAt());
                    n[3]++;
                });
            }
            return new Export(dir, n[0], n[1], n[2], n[3]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write CSV files to " + dir, e);
        }
    }

    private static String titleWithYear(MovieRow m) {
        return m.year() == null ? m.title() : m.title() + " (" + m.year() + ")";
    }

    /** 4.0 → "4.0", 3.5 → "3.5": the CSV releases' notation. */
    private static String stars(double rating) {
        return String.format(Locale.ROOT, "%.1f", rating);
    }

    private static Object blank(String s) {
        return s == null ? "" : s;
    }

    private static CSVPrinter printer(Path file, String header) throws IOException {
        CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT);
        printer.printRecord((Object[]) header.split(","));
        return printer;
    }

    private static void print(CSVPrinter printer, Object... values) {
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
