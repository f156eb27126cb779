package io.cinegraph.ingest;

import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.TagRow;
import io.cinegraph.domain.Rows.UserRow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * MovieLens 100K, as its README describes it: {@code u.data} (user, item, rating, timestamp; tab-separated),
 * {@code u.item} (id | title | release date | video release date | IMDb URL | one 0/1 flag per genre),
 * {@code u.user} (id | age | gender | occupation | zip), {@code u.genre} (name | index). ISO-8859-1.
 */
final class Ml100kReader extends DatasetReader {

    static final String USER = "u.user";
    static final String GENRE = "u.genre";
    private static final Pattern TAB = Pattern.compile("\t");
    private static final Pattern PIPE = Pattern.compile("\\|");
    /** id, title, release date, video release date, IMDb URL come before the genre flags. */
    private static final int ITEM_FIXED_FIELDS = 5;

    private List<String> genres;

    Ml100kReader(Path dir) {
        super(dir, DatasetFormat.ML_100K);
    }

    @Override
    public boolean hasUsers() {
        return true;
    }

    @Override
    public List<String> files() {
        return List.of(GENRE, USER, moviesFile(), ratingsFile());
    }

    @Override
    public String usersFile() {
        return USER;
    }

    /** The genres of {@code u.genre}, ordered by their index (the position of their flag in {@code u.item}). */
    @Override
    public synchronized List<String> declaredGenres() throws IOException {
        if (genres == null) {
            TreeMap<Integer, String> byIndex = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            readLines(GENRE, TextEncoding.LATIN1_OR_UTF8, 0, text -> {
                String[] f = PIPE.split(text, -1);
                requireFields(f, 2, "name|index");
                Integer index = Fields.optionalInt(f[1], "genre index");
                if (index == null || f[0].isBlank()) {
                    throw new InvalidRowException("genre name and index are required");
                }
                return new String[]{f[0].strip(), String.valueOf(index)};
            }, new RowSink<>() {
                @Override
                public void accept(String[] row, SourcePosition position, String rawLine) {
                    byIndex.put(Integer.valueOf(row[1]), row[0]);
                }

                @Override
                public void reject(SourcePosition position, String reason, String rawLine) {
                    errors.add(position + ": " + reason);
                }
            }, b -> { });
            if (!errors.isEmpty()) {
                throw new DatasetException(String.join("; ", errors));
            }
            List<String> ordered = new ArrayList<>(byIndex.values());
            if (byIndex.isEmpty() || byIndex.lastKey() != ordered.size() - 1) {
                throw new DatasetException(GENRE + ": genre indexes must run 0.." + (ordered.size() - 1) + " without gaps.");
            }
            genres = List.copyOf(ordered);
        }
        return genres;
    }

    @Override
    public void users(RowSink<UserRow> sink, LongConsumer bytes) throws IOException {
        readLines(USER, TextEncoding.LATIN1_OR_UTF8, 0, text -> {
            String[] f = PIPE.split(text, -1);
            requireFields(f, 5, "user id|age|gender|occupation|zip code");
            return new UserRow(Fields.id(f[0], "user id"), Fields.optionalInt(f[1], "age"),
                    Fields.optionalText(f[2]), Fields.optionalText(f[3]), Fields.optionalText(f[4]));
        }, sink, bytes);
    }

    @Override
    public void movies(RowSink<MovieRow> sink, LongConsumer bytes) throws IOException {
        List<String> names = declaredGenres();
        int expected = ITEM_FIXED_FIELDS + names.size();
        readLines(moviesFile(), TextEncoding.LATIN1_OR_UTF8, 0, text -> {
            String[] f = PIPE.split(text, -1);
            requireFields(f, expected, "id|title|release date|video release date|IMDb URL|" + names.size() + " genre flags");
            long id = Fields.id(f[0], "movie id");
            Fields.TitleYear ty = Fields.titleAndYear(f[1]);
            Integer year = ty.year() != null ? ty.year() : yearOfReleaseDate(f[2]);
            List<String> genres = new ArrayList<>(2);
            for (int i = 0; i < names.size(); i++) {
                String flag = f[ITEM_FIXED_FIELDS + i].strip();
                if (flag.equals("1")) {
                    genres.add(names.get(i));
                } else if (!flag.equals("0")) {
                    throw new InvalidRowException("genre flag for " + names.get(i) + " must be 0 or 1, got '" + flag + "'");
                }
            }
            return new MovieRow(id, ty.title(), year, List.copyOf(genres), null, null);
        }, sink, bytes);
    }

    /** "01-Jan-1995" → 1995; blank or odd → null. */
    private static Integer yearOfReleaseDate(String date) {
        String d = date.strip();
        if (d.length() >= 4) {
            String tail = d.substring(d.length() - 4);
            if (tail.chars().allMatch(Character::isDigit)) {
                return Integer.valueOf(tail);
            }
        }
        return null;
    }

    @Override
    public void ratings(RowSink<RatingRow> sink, LongConsumer bytes) throws IOException {
        readRatings(ratingsFile(), sink, bytes);
    }

    /** {@code u1.base} … {@code u5.base} and {@code u1.test} … {@code u5.test}: the README's 80/20 splits. */
    @Override
    public void foldRatings(int fold, boolean test, RowSink<RatingRow> sink) throws IOException {
        if (fold < 1 || fold > 5) {
            throw new IllegalArgumentException("ml-100k has folds 1 to 5, not " + fold);
        }
        readRatings("u" + fold + (test ? ".test" : ".base"), sink, b -> { });
    }

    private void readRatings(String file, RowSink<RatingRow> sink, LongConsumer bytes) throws IOException {
        readSeparatedRatings(file, TAB, "user id, item id, rating, timestamp; tab-separated",
                new String[]{"user id", "item id", "timestamp"}, sink, bytes);
    }

    @Override
    public void tags(RowSink<TagRow> sink, LongConsumer bytes) {
        // ml-100k has no tags
    }
}
