package io.cinegraph.ingest;

import io.cinegraph.domain.AgeBands;
import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.TagRow;
import io.cinegraph.domain.Rows.UserRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * MovieLens 1M and 10M, as their READMEs describe them: {@code ::}-separated, ISO-8859-1.
 * {@code movies.dat} MovieID::Title::Genres (pipe-separated), {@code ratings.dat} UserID::MovieID::Rating::Timestamp,
 * {@code users.dat} UserID::Gender::Age::Occupation::Zip-code (ml-1m only; age and occupation are codes),
 * {@code tags.dat} UserID::MovieID::Tag::Timestamp (ml-10m only). Ratings are whole stars in ml-1m (which has
 * users) and half stars in ml-10m.
 */
final class DatReader extends DatasetReader {

    static final String USERS = "users.dat";
    static final String TAGS = "tags.dat";
    private static final Pattern SEP = Pattern.compile("::");
    private static final Pattern PIPE = Pattern.compile("\\|");

    /** ml-1m README: occupation codes 0–20. */
    static final List<String> OCCUPATIONS = List.of("other", "academic/educator", "artist", "clerical/admin",
            "college/grad student", "customer service", "doctor/health care", "executive/managerial", "farmer",
            "homemaker", "K-12 student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
            "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer");
    DatReader(Path dir) {
        super(dir, DatasetFormat.ML_DAT);
    }

    @Override
    public boolean hasUsers() {
        return Files.isRegularFile(directory().resolve(USERS));
    }

    @Override
    public List<String> files() {
        List<String> files = new ArrayList<>();
        if (hasUsers()) {
            files.add(USERS);
        }
        files.add(moviesFile());
        files.add(ratingsFile());
        if (tagsFile() != null) {
            files.add(TAGS);
        }
        return files;
    }

    @Override
    public String usersFile() {
        return hasUsers() ? USERS : null;
    }

    @Override
    public String tagsFile() {
        return Files.isRegularFile(directory().resolve(TAGS)) ? TAGS : null;
    }

    @Override
    public void users(RowSink<UserRow> sink, LongConsumer bytes) throws IOException {
        if (!hasUsers()) {
            return;
        }
        readLines(USERS, TextEncoding.LATIN1_OR_UTF8, 0, text -> {
            String[] f = SEP.split(text, -1);
            requireFields(f, 5, "UserID::Gender::Age::Occupation::Zip-code");
            long id = Fields.id(f[0], "UserID");
            String gender = Fields.optionalText(f[1]);
            if (gender != null && !gender.equals("M") && !gender.equals("F")) {
                throw new InvalidRowException("Gender must be M or F, got '" + gender + "'");
            }
            Integer age = Fields.optionalInt(f[2], "Age");
            if (age != null && !AgeBands.LOWEST_AGES.contains(age)) {
                throw new InvalidRowException("Age must be one of the codes " + AgeBands.LOWEST_AGES + ", got " + age);
            }
            Integer occupation = Fields.optionalInt(f[3], "Occupation");
            if (occupation != null && (occupation < 0 || occupation >= OCCUPATIONS.size())) {
                throw new InvalidRowException("Occupation must be a code 0-" + (OCCUPATIONS.size() - 1) + ", got " + occupation);
            }
            return new UserRow(id, age, gender, occupation == null ? null : OCCUPATIONS.get(occupation),
                    Fields.optionalText(f[4]));
        }, sink, bytes);
    }

    @Override
    public void movies(RowSink<MovieRow> sink, LongConsumer bytes) throws IOException {
        readLines(moviesFile(), TextEncoding.LATIN1_OR_UTF8, 0, text -> {
            String[] f = SEP.split(text, -1);
            if (f.length < 3) {
                throw new InvalidRowException("expected 3 fields (MovieID::Title::Genres), found " + f.length);
            }
            long id = Fields.id(f[0], "MovieID");
            // a title that itself contains '::' keeps it: the genres are always the last field
            String title = String.join("::", Arrays.asList(f).subList(1, f.length - 1));
            Fields.TitleYear ty = Fields.titleAndYear(title);
            return new MovieRow(id, ty.title(), ty.year(), genres(f[f.length - 1]), null, null);
        }, sink, bytes);
    }

    static List<String> genres(String field) {
        String v = field.strip();
        if (v.isEmpty() || v.equals("(no genres listed)")) {
            return List.of();
        }
        List<String> out = new ArrayList<>(3);
        for (String g : PIPE.split(v)) {
            String name = g.strip();
            if (!name.isEmpty() && !name.equals("(no genres listed)") && !out.contains(name)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public void ratings(RowSink<RatingRow> sink, LongConsumer bytes) throws IOException {
        readSeparatedRatings(ratingsFile(), SEP, "UserID::MovieID::Rating::Timestamp",
                new String[]{"UserID", "MovieID", "Timestamp"}, sink, bytes);
    }

    @Override
    public void tags(RowSink<TagRow> sink, LongConsumer bytes) throws IOException {
        if (tagsFile() == null) {
            return;
        }
        readLines(TAGS, TextEncoding.LATIN1_OR_UTF8, 0, text -> {
            String[] f = SEP.split(text, -1);
            if (f.length < 4) {
                throw new InvalidRowException("expected 4 fields (UserID::MovieID::Tag::Timestamp), found " + f.length);
            }
            String tag = String.join("::", Arrays.asList(f).subList(2, f.length - 1)).strip();
            if (tag.isEmpty()) {
                throw new InvalidRowException("Tag is empty");
            }
            return new TagRow(Fields.id(f[0], "UserID"), Fields.id(f[1], "MovieID"), tag,
                    Fields.timestamp(f[f.length - 1], "Timestamp"));
        }, sink, bytes);
    }
}
