package io.cinegraph.ingest;

import io.cinegraph.domain.RatingScale;
import io.cinegraph.domain.Rows;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Field parsers shared by the readers: each names the field in its error. */
final class Fields {

    /** "Title (1995)", "Title (2006-2007)", "Title (2006–)" at the end, after trimming. */
    private static final Pattern TITLE_YEAR =
            Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:\\s*[-\u2013]\\s*(?:\\d{4})?)?\\)\\s*$");

    private Fields() {
    }

    static long id(String value, String field) throws InvalidRowException {
        String v = value.strip();
        try {
            long id = Long.parseLong(v);
            if (id < 0) {
                throw new InvalidRowException(field + " must not be negative, got '" + v + "'");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidRowException(field + " is not a whole number: '" + v + "'");
        }
    }

    static long timestamp(String value, String field) throws InvalidRowException {
        return id(value, field);
    }

    static double rating(String value, RatingScale scale) throws InvalidRowException {
        String v = value.strip();
        double rating;
        try {
            rating = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidRowException("rating is not a number: '" + v + "'");
        }
        if (!scale.accepts(rating)) {
            throw new InvalidRowException("rating " + v + " is not on this dataset's scale (" + scale + ")");
        }
        return rating;
    }

    /**
     * A rating line's four fields (user, movie, rating, time) as a row, each field named as the dataset's
     * README names it.
     */
    static Rows.RatingRow ratingRow(String[] f, RatingScale scale, String userField, String movieField,
                                    String timeField) throws InvalidRowException {
        return new Rows.RatingRow(id(f[0], userField), id(f[1], movieField), rating(f[2], scale), timestamp(f[3], timeField));
    }

    static Integer optionalInt(String value, String field) throws InvalidRowException {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidRowException(field + " is not a whole number: '" + v + "'");
        }
    }

    static Long optionalLong(String value, String field) throws InvalidRowException {
        String v = value.strip();
        return v.isEmpty() ? null : id(v, field);
    }

    static String optionalText(String value) {
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }

    /** Splits "Title (1995)" into its title and year; a title without a year keeps its text and has none. */
    static TitleYear titleAndYear(String raw) throws InvalidRowException {
        String title = raw.strip();
        if (title.isEmpty()) {
            throw new InvalidRowException("title is empty");
        }
        Matcher m = TITLE_YEAR.matcher(title);
        if (m.matches() && !m.group(1).isBlank()) {
            return new TitleYear(m.group(1), Integer.valueOf(m.group(2)));
        }
        return new TitleYear(title, null);
    }

    record TitleYear(String title, Integer year) {
    }
}
