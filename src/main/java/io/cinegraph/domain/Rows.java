package io.cinegraph.domain;

import java.util.List;

/** The rows every MovieLens format is read into, whatever its files look like. */
public final class Rows {

    private Rows() {
    }

    /** A user; demographics are null where the dataset has none. */
    public record UserRow(long userId, Integer age, String gender, String occupation, String zip) {
    }

    /** A movie; {@code title} without the trailing year, which is in {@code year} (null if the title has none). */
    public record MovieRow(long movieId, String title, Integer year, List<String> genres, String imdbId, Long tmdbId) {
    }

    /** A rating on the dataset's own scale; {@code ratedAt} in seconds since the Unix epoch. */
    public record RatingRow(long userId, long movieId, double rating, long ratedAt) {
    }

    /** A free-text tag; {@code taggedAt} in seconds since the Unix epoch. */
    public record TagRow(long userId, long movieId, String tag, long taggedAt) {
    }

    /** The identifiers of a movie on IMDb and TMDb ({@code links.csv}). */
    public record LinkRow(long movieId, String imdbId, Long tmdbId) {
    }
}
