package io.cinegraph.graph;

import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.TagRow;
import io.cinegraph.domain.Rows.UserRow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first import into an empty embedded graph through Neo4j's own batch importer ({@code neo4j-admin database
 * import full}): rows are staged as the importer's CSV files while the dataset is read and checked, then
 * {@link #load()} stops the database, writes the store in one pass and starts it again. The nodes,
 * relationships, properties and property types are those the {@code cypher/ingest} upserts write.
 *
 * <p>Callers hand over each user, movie and (user, movie) rating once; tags repeating a (user, movie, tag) are
 * merged here, the later one winning, as {@code merge_tags.cypher} does.
 */
public final class BulkLoad implements AutoCloseable {

    private static final int BUFFER = 1 << 20;
    private static final long MIN_OFF_HEAP = 128L << 20;
    private static final long OFF_HEAP_PER_STAGED_BYTE = 8;
    /** From this size on, the importer's own default (90 % of the free memory). */
    private static final long FULL_OFF_HEAP_FROM = 2L << 30;

    private final Graph graph;
    private final Path dir;
    private final Writer users;
    private final Writer movies;
    private final Writer inGenre;
    private final Writer ratings;
    private final Map<String, Integer> genres = new LinkedHashMap<>();
    private final Map<TagKey, Long> tags = new LinkedHashMap<>();
    private boolean multiline;
    private boolean closed;

    private record TagKey(long userId, long movieId, String tag) {
    }

    BulkLoad(Graph graph, Path dir) {
        this.graph = graph;
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            users = open("users.csv", "userId:ID(User),age:long,gender,occupation,zip");
            movies = open("movies.csv", "movieId:ID(Movie),title,year:long,imdbId,tmdbId:long");
            inGenre = open("in_genre.csv", ":START_ID(Movie),:END_ID(Genre)");
            ratings = open("ratings.csv", ":START_ID(User),:END_ID(Movie),rating:double,ratedAt:long");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage a bulk import in " + dir, e);
        }
    }

    private Writer open(String file, String header) throws IOException {
        Writer w = new BufferedWriter(Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8), BUFFER);
        w.write(header);
        w.write('\n');
        return w;
    }

    public void genres(Collection<String> names) {
        names.forEach(this::genre);
    }

    private int genre(String name) {
        return genres.computeIfAbsent(name, n -> genres.size());
    }

    public void users(List<UserRow> rows) {
        write(() -> {
            for (UserRow u : rows) {
                line(users, u.userId(), u.age(), u.gender(), u.occupation(), u.zip());
            }
        });
    }

    /** Users known only by their id (datasets without a users file). */
    public void userIds(Collection<Long> ids) {
        write(() -> {
            for (long id : ids) {
                users.write(id + ",,,,\n");
            }
        });
    }

    public void movies(List<MovieRow> rows) {
        write(() -> {
            for (MovieRow m : rows) {
                line(movies, m.movieId(), m.title(), m.year(), m.imdbId(), m.tmdbId());
                for (String g : m.genres()) {
                    inGenre.write(m.movieId() + "," + genre(g) + "\n");
                }
            }
        });
    }

    /** Ratings of pairs not handed over before. */
    public void ratings(List<RatingRow> rows) {
        write(() -> {
            StringBuilder line = new StringBuilder(48);
            for (RatingRow r : rows) {
                line.setLength(0);
                line.append(r.userId()).append(',').append(r.movieId()).append(',').append(r.rating()).append(',')
                        .append(r.ratedAt()).append('\n');
                ratings.append(line);
            }
        });
    }

    /** Receives a staged rating's (user, movie) pair. */
    public interface PairSink {
        void accept(long userId, long movieId);
    }

    /** Every (user, movie) pair of the ratings staged so far, in the order they were handed over. */
    public void stagedRatingPairs(PairSink out) {
        write(ratings::flush);
        try (var in = Files.newBufferedReader(dir.resolve("ratings.csv"), StandardCharsets.UTF_8)) {
            in.readLine(); // the header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int first = line.indexOf(',');
                int second = line.indexOf(',', first + 1);
                out.accept(Long.parseLong(line, 0, first, 10), Long.parseLong(line, first + 1, second, 10));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the staged ratings in " + dir, e);
        }
    }

    public void tags(List<TagRow> rows) {
        for (TagRow t : rows) {
            TagKey key = new TagKey(t.userId(), t.movieId(), t.tag());
            tags.remove(key); // re-inserted last: a later row wins, and keeps file order for the rest
            tags.put(key, t.taggedAt());
        }
    }

    /**
     * Writes the staged rows into the (empty) database with Neo4j's batch importer, the database stopped meanwhile.
     *
     * @throws GraphUnavailableException when the importer fails (the graph is then left empty)
     */
    public void load() {
        Path genreFile = dir.resolve("genres.csv");
        Path tagFile = dir.resolve("tags.csv");
        try {
            for (Writer w : List.of(users, movies, inGenre, ratings)) {
                w.close();
            }
            closed = true;
            try (Writer w = open("genres.csv", ":ID(Genre),name")) {
                for (Map.Entry<String, Integer> g : genres.entrySet()) {
                    w.write(Integer.toString(g.getValue()));
                    text(w, g.getKey());
                    w.write('\n');
                }
            }
            try (Writer w = open("tags.csv", ":START_ID(User),:END_ID(Movie),tag,taggedAt:long")) {
                for (Map.Entry<TagKey, Long> t : tags.entrySet()) {
                    w.write(t.getKey().userId() + "," + t.getKey().movieId());
                    text(w, t.getKey().tag());
                    w.write("," + t.getValue() + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage a bulk import in " + dir, e);
        }
        tags.clear();
        List<String> args = List.of(
                "--nodes=User=" + dir.resolve("users.csv"),
                "--nodes=Movie=" + dir.resolve("movies.csv"),
                "--nodes=Genre=" + genreFile,
                "--relationships=RATED=" + dir.resolve("ratings.csv"),
                "--relationships=IN_GENRE=" + dir.resolve("in_genre.csv"),
                "--relationships=TAGGED=" + tagFile,
                "--id-type=integer",
                "--multiline-fields=" + multiline,
                "--report-file=" + dir.resolve("import.report"),
                "--max-off-heap-memory=" + offHeapMemory(stagedBytes()));
        graph.replaceEmbeddedStore(args);
    }

    /**
     * The importer's off-heap memory: by default it takes most of the machine's free memory, and setting that up
     * (and tearing it down) costs seconds, more than a small dataset takes to write; a few times the staged files
     * are enough for it to work in one pass.
     */
    static String offHeapMemory(long stagedBytes) {
        long wanted = Math.max(MIN_OFF_HEAP, OFF_HEAP_PER_STAGED_BYTE * stagedBytes);
        return wanted >= FULL_OFF_HEAP_FROM ? "90%" : (wanted >> 20) + "m";
    }

    private long stagedBytes() {
        long total = 0;
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                total += Files.size(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bulk import's files in " + dir, e);
        }
        return total;
    }

    @Override
    public void close() {
        try {
            if (!closed) {
                for (Writer w : List.of(users, movies, inGenre, ratings)) {
                    w.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the bulk import's files in " + dir, e);
        }
        io.cinegraph.support.Directories.deleteTree(dir);
    }

    private interface Io {
        void run() throws IOException;
    }

    private void write(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage a bulk import in " + dir, e);
        }
    }

    /** A node's line: its id, then each value as {@link #text} (strings) or {@link #field} (numbers). */
    private void line(Writer w, long id, Object... values) throws IOException {
        w.write(Long.toString(id));
        for (Object value : values) {
            if (value instanceof String text) {
                text(w, text);
            } else {
                field(w, value);
            }
        }
        w.write('\n');
    }

    private static void field(Writer w, Object value) throws IOException {
        w.write(',');
        if (value != null) {
            w.write(value.toString());
        }
    }

    /** A quoted string ({@code ""} inside); null is an empty unquoted field, which sets no property. */
    private void text(Writer w, String value) throws IOException {
        w.write(',');
        if (value == null) {
            return;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            multiline = true;
        }
        w.write('"');
        w.write(value.replace("\"", "\"\""));
        w.write('"');
    }
}
