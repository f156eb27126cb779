package io.cinegraph.ingest;

import io.cinegraph.domain.RatingScale;
import io.cinegraph.domain.Rows.LinkRow;
import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.TagRow;
import io.cinegraph.domain.Rows.UserRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * ml-latest-small, ml-latest, ml-25m and ml-32m, as their READMEs describe them: RFC-4180 CSV in UTF-8 with a
 * header row; fields with commas or quotes are quoted, quotes doubled; LF or CRLF. {@code movies.csv}
 * (movieId,title,genres), {@code ratings.csv} (userId,movieId,rating,timestamp; half stars),
 * {@code tags.csv} (userId,movieId,tag,timestamp), {@code links.csv} (movieId,imdbId,tmdbId).
 *
 * <p>Records without a quote (nearly all of them) are split directly; quoted records, including ones that
 * span lines, go through Commons CSV.
 */
final class CsvReader extends DatasetReader {

    static final String TAGS = "tags.csv";
    static final String LINKS = "links.csv";
    static final String RATINGS_HEADER = "userId,movieId,rating,timestamp";
    static final String MOVIES_HEADER = "movieId,title,genres";
    static final String TAGS_HEADER = "userId,movieId,tag,timestamp";
    static final String LINKS_HEADER = "movieId,imdbId,tmdbId";
    private static final CSVFormat RFC4180 = CSVFormat.RFC4180;

    CsvReader(Path dir) {
        super(dir, DatasetFormat.ML_CSV);
    }

    @Override
    public boolean hasUsers() {
        return false;
    }

    @Override
    public List<String> files() {
        List<String> files = new ArrayList<>();
        if (has(LINKS)) {
            files.add(LINKS);
        }
        files.add(moviesFile());
        files.add(ratingsFile());
        if (has(TAGS)) {
            files.add(TAGS);
        }
        return files;
    }

    private boolean has(String file) {
        return Files.isRegularFile(directory().resolve(file));
    }

    @Override
    public String tagsFile() {
        return has(TAGS) ? TAGS : null;
    }

    @Override
    public void users(RowSink<UserRow> sink, LongConsumer bytes) {
        // users appear only through their ratings and tags
    }

    /** Movies with their IMDb/TMDb ids from {@code links.csv} (read first; it is small). */
    @Override
    public void movies(RowSink<MovieRow> sink, LongConsumer bytes) throws IOException {
        Map<Long, LinkRow> links = new HashMap<>();
        if (has(LINKS)) {
            readCsv(LINKS, LINKS_HEADER, 3, f -> new LinkRow(Fields.id(f[0], "movieId"),
                    Fields.optionalText(f[1]), Fields.optionalLong(f[2], "tmdbId")), new RowSink<>() {
                @Override
                public void accept(LinkRow row, SourcePosition position, String rawLine) {
                    links.put(row.movieId(), row);
                }

                @Override
                public void reject(SourcePosition position, String reason, String rawLine) {
                    sink.reject(position, reason, rawLine);
                }
            }, b -> { });
        }
        readCsv(moviesFile(), MOVIES_HEADER, 3, f -> {
            long id = Fields.id(f[0], "movieId");
            Fields.TitleYear ty = Fields.titleAndYear(f[1]);
            LinkRow link = links.get(id);
            return new MovieRow(id, ty.title(), ty.year(), DatReader.genres(f[2]),
                    link == null ? null : link.imdbId(), link == null ? null : link.tmdbId());
        }, sink, bytes);
    }

    @Override
    public void ratings(RowSink<RatingRow> sink, LongConsumer bytes) throws IOException {
        RatingScale scale = scale();
        readCsv(ratingsFile(), RATINGS_HEADER, 4, f -> Fields.ratingRow(f, scale, "userId", "movieId", "timestamp"), sink, bytes);
    }

    @Override
    public void tags(RowSink<TagRow> sink, LongConsumer bytes) throws IOException {
        if (!has(TAGS)) {
            return;
        }
        readCsv(TAGS, TAGS_HEADER, 4, f -> {
            String tag = f[2].strip();
            if (tag.isEmpty()) {
                throw new InvalidRowException("tag is empty");
            }
            return new TagRow(Fields.id(f[0], "userId"), Fields.id(f[1], "movieId"), tag,
                    Fields.timestamp(f[3], "timestamp"));
        }, sink, bytes);
    }

    @FunctionalInterface
    interface RecordParser<T> {
        T parse(String[] fields) throws InvalidRowException;
    }

    /** Reads the records of a CSV file after checking its header; a record may span lines inside quotes. */
    <T> void readCsv(String file, String header, int fieldCount, RecordParser<T> parser, RowSink<T> sink,
                     LongConsumer bytes) throws IOException {
        requireHeader(file, header);
        try (LineReader lines = open(file, TextEncoding.UTF8_STRICT)) {
            lines.next();
            LineReader.Line line;
            StringBuilder pending = null;
            long pendingStart = 0;
            String pendingError = null;
            while ((line = lines.next()) != null) {
                if (line.number() % 4096 == 0) {
                    bytes.accept(lines.bytesRead());
                }
                if (pending == null) {
                    if (line.ok() && line.text().isBlank()) {
                        continue;
                    }
                    if (!line.ok() || quotes(line.text()) % 2 == 0) {
                        emit(file, line.number(), line.text(), line.decodeError(), fieldCount, parser, sink);
                        continue;
                    }
                    pending = new StringBuilder(line.text());
                    pendingStart = line.number();
                    pendingError = null;
                    continue;
                }
                pending.append('\n').append(line.text());
                if (!line.ok() && pendingError == null) {
                    pendingError = line.decodeError() + " on line " + line.number();
                }
                if (quotes(pending) % 2 == 0) {
                    emit(file, pendingStart, pending.toString(), pendingError, fieldCount, parser, sink);
                    pending = null;
                }
            }
            if (pending != null) {
                sink.reject(new SourcePosition(file, pendingStart),
                        "a quoted field is not closed before the end of the file", pending.toString());
            }
            bytes.accept(lines.bytesRead());
        }
    }

    private <T> void emit(String file, long lineNumber, String text, String decodeError, int fieldCount,
                          RecordParser<T> parser, RowSink<T> sink) {
        SourcePosition at = new SourcePosition(file, lineNumber);
        if (decodeError != null) {
            sink.reject(at, decodeError, text);
            return;
        }
        try {
            String[] fields = split(text);
            requireFields(fields, fieldCount, "the columns of the header");
            sink.accept(parser.parse(fields), at, text);
        } catch (InvalidRowException e) {
            sink.reject(at, e.getMessage(), text);
        }
    }

    /** Splits one record: directly when it has no quote, through Commons CSV when it has. */
    static String[] split(String record) throws InvalidRowException {
        if (record.indexOf('"') < 0) {
            List<String> out = new ArrayList<>(4);
            int from = 0;
            int comma;
            while ((comma = record.indexOf(',', from)) >= 0) {
                out.add(record.substring(from, comma));
                from = comma + 1;
            }
            out.add(record.substring(from));
            return out.toArray(String[]::new);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(record), RFC4180)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                return new String[]{""};
            }
            CSVRecord csv = it.next();
            if (it.hasNext()) {
                throw new InvalidRowException("more than one record on the line");
            }
            return csv.values();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidRowException("malformed quoting: " + e.getMessage());
        }
    }

    private static int quotes(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }
}
