package io.cinegraph.ingest;

import io.cinegraph.domain.GraphCounts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of damaged files for every layout: bad rows of each kind (missing and extra fields, wrong types, ratings
 * off the scale, unknown movies, repeated movie ids, bytes that are not UTF-8, a 200,000-character line, an
 * unbalanced quote, a last line cut short) appended to each fixture, in LF and in CRLF files. Every bad row is
 * reported with its file and line, every good row is imported, and a rerun changes nothing.
 */
class ImportFuzzTest extends EmptyGraphTest {

    private ImportOptions skip(String name) {
        return new ImportOptions(2, ImportOptions.OnError.SKIP, tmp.resolve(name + "-rejects.txt"), false);
    }

    /** One layout: its fixture, its ratings and movies files, and damaged rows in its own syntax. */
    private record Layout(String name, Function<Path, Path> fixture, String ratings, List<String> badRatings,
                          String movies, List<String> badMovies) {
    }

    private static final String HUGE = "9".repeat(200_000);

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("ml-100k", Fixtures::ml100k, "u.data", List.of(
                    "1\t4", "1\t4\t3\t874965758\textra", "x\t4\t3\t874965758", "1\t4\tfive\t874965758",
                    "1\t4\t9\t874965758", "1\t99\t3\t874965758", "1\t\u00e9\u00e9\t3\t874965758", "1\t4\t3\t" + HUGE,
                    "1\t4\t3"),
                    "u.item", List.of("1|Toy Story again (1995)|01-Jan-1995||http://x|0|0|1|0", "5|Short|01-Jan-1995")),
            new Layout("ml-1m", Fixtures::ml1m, "ratings.dat", List.of(
                    "1::4", "1::4::3::978300760::extra", "x::4::3::978300760", "1::4::five::978300760",
                    "1::4::9::978300760", "1::99::3::978300760", "1::\u00e9\u00e9::3::978300760", "1::4::3::" + HUGE,
                    "1::4::3"),
                    "movies.dat", List.of("1::Toy Story again (1995)::Comedy", "5::No genres")),
            new Layout("csv", Fixtures::csv, "ratings.csv", List.of(
                    "1,4", "1,4,3.0,964982703,extra", "x,4,3.0,964982703", "1,4,five,964982703",
                    "1,4,9.0,964982703", "1,99,3.0,964982703", "1,\u00e9\u00e9,3.0,964982703", "1,4,3.0," + HUGE,
                    "1,4,3.0", "1,\"4,3.0,964982703"),
                    "movies.csv", List.of("1,Toy Story again (1995),Comedy", "\"5,Unclosed (1990),Drama")));

    @Test
    void everyDamagedRowIsReportedAtItsLineAndNothingElseIsLost() throws IOException {
        int reported = 0;
        for (Layout layout : LAYOUTS) {
            for (boolean crlf : new boolean[]{false, true}) {
                String name = layout.name() + (crlf ? "-crlf" : "");
                Path clean = layout.fixture().apply(tmp.resolve(name + "-clean"));
                if (crlf) {
                    toCrlf(clean);
                }
                importer.run(clean, skip(name + "-clean"));
                GraphCounts expected = catalog.counts();
                io.cinegraph.graph.TestGraphs.clear(graph);

                Path damaged = layout.fixture().apply(tmp.resolve(name));
                if (crlf) {
                    toCrlf(damaged);
                }
                List<String> where = new ArrayList<>();
                where.addAll(append(damaged, layout.movies(), layout.badMovies(), crlf, true));
                where.addAll(append(damaged, layout.ratings(), layout.badRatings(), crlf, false));

                ImportSummary first = importer.run(damaged, skip(name));
                assertThat(first.completed()).as(name).isTrue();
                assertThat(first.errors()).as(name).hasSize(where.size());
                for (int i = 0; i < where.size(); i++) {
                    assertThat(first.errors().get(i)).as(name + " row " + where.get(i)).startsWith(where.get(i) + ": ");
                }
                assertThat(first.counts()).as(name + ": every good row, nothing else").isEqualTo(expected);

                ImportSummary rerun = importer.run(damaged, skip(name + "-rerun"));
                assertThat(rerun.counts()).as(name + " rerun").isEqualTo(expected);
                assertThat(rerun.errors()).as(name + " rerun").isEqualTo(first.errors());
                reported += first.errors().size();
                io.cinegraph.graph.TestGraphs.clear(graph);
            }
        }
        System.out.printf("Import fuzz: %d layouts × LF/CRLF, %d damaged rows, each reported at its line%n",
                LAYOUTS.size(), reported);
    }

    /**
     * Appends the rows, each on its own line (the ratings file's last one without a line end, as a file cut short),
     * and returns each one's file:line.
     */
    private static List<String> append(Path dir, String file, List<String> rows, boolean crlf, boolean movies)
            throws IOException {
        Path path = dir.resolve(file);
        byte[] before = Files.readAllBytes(path);
        String text = new String(before, StandardCharsets.ISO_8859_1);
        long lines = text.lines().count();
        String end = crlf ? "\r\n" : "\n";
        StringBuilder added = new StringBuilder();
        List<String> where = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            boolean last = i == rows.size() - 1;
            added.append(rows.get(i)).append(last && !movies ? "" : end); // the ratings file ends mid-row
            where.add(file + ":" + (lines + i + 1));
        }
        byte[] tail = rows.stream().anyMatch(r -> r.contains("\u00e9"))
                ? withInvalidUtf8(added.toString()) : added.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[before.length + tail.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(tail, 0, all, before.length, tail.length);
        Files.write(path, all);
        return where;
    }

    /** The text as UTF-8, except that each é is the lone byte 0xE9 (not valid UTF-8). */
    private static byte[] withInvalidUtf8(String text) {
        byte[] utf8 = text.replace('\u00e9', '\u0001').getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == 1) {
                utf8[i] = (byte) 0xE9;
            }
        }
        return utf8;
    }

    private static void toCrlf(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
                Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }
}
