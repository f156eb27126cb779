package io.cinegraph.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The generated catalogue's files: ml-100k's genre, occupation and item files, or ml-latest's movies and links CSV. */
record SyntheticCatalogue(Path out, int[][] genres, int[] years) {

    void writeMl100k() throws IOException {
        writeGenres100k();
        writeOccupations100k();
        writeMovies100k();
    }

    void writeCsv() throws IOException {
        writeMoviesCsv();
        writeLinksCsv();
    }

    private void writeGenres100k() throws IOException {
        try (BufferedWriter w = writer("u.genre")) {
            for (int g = 0; g < SyntheticGenerator.GENRES.length; g++) {
                w.write(SyntheticGenerator.GENRES[g] + "|" + g + "\n");
            }
        }
    }

    private void writeOccupations100k() throws IOException {
        try (BufferedWriter w = writer("u.occupation")) {
            for (String o : SyntheticGenerator.OCCUPATIONS) {
                w.write(o + "\n");
            }
        }
    }

    private String title(int i) {
        return "Synthetic Movie " + (i + 1) + " (" + years[i] + ")";
    }

    private void writeMovies100k() throws IOException {
        try (BufferedWriter w = writer("u.item")) {
            for (int i = 0; i < genres.length; i++) {
                StringBuilder line = new StringBuilder();
                line.append(i + 1).append('|').append(title(i)).append("|01-Jan-").append(years[i]).append("||")
                        .append("http://example.invalid/movie/").append(i + 1);
                for (int g = 0; g < SyntheticGenerator.GENRES.length; g++) {
                    line.append('|').append(Arrays.binarySearch(genres[i], g) >= 0 ? '1' : '0');
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    private void writeMoviesCsv() throws IOException {
        try (BufferedWriter w = writer("movies.csv")) {
            w.write(CsvReader.MOVIES_HEADER + "\n");
            for (int i = 0; i < genres.length; i++) {
                StringBuilder names = new StringBuilder();
                for (int g : genres[i]) {
                    names.append(names.length() == 0 ? "" : "|").append(SyntheticGenerator.GENRES[g]);
                }
                // every third title carries a comma, so the CSV must quote it
                String title = i % 3 == 0 ? "\"" + "Synthetic Movie " + (i + 1) + ", The (" + years[i] + ")\"" : title(i);
                w.write((i + 1) + "," + title + "," + names + "\n");
            }
        }
    }

    private void writeLinksCsv() throws IOException {
        try (BufferedWriter w = writer("links.csv")) {
            w.write(CsvReader.LINKS_HEADER + "\n");
            for (int i = 0; i < genres.length; i++) {
                w.write((i + 1) + "," + String.format(Locale.ROOT, "%07d", 100_000 + i) + "," + (10_000 + i) + "\n");
            }
        }
    }

    private BufferedWriter writer(String file) throws IOException {
        return Files.newBufferedWriter(out.resolve(file), StandardCharsets.UTF_8);
    }
}
