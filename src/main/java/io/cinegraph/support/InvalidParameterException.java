package io.cinegraph.support;

import java.util.List;

/**
 * Request parameters or body fields that passed their type but not their meaning (e.g. yearFrom after yearTo, a
 * rating off the dataset's scale); the API answers 400 naming each one.
 */
public class InvalidParameterException extends RuntimeException {

    /** One invalid parameter or field (e.g. {@code ratings[3].movieId}) and why. */
    public record Field(String field, String message) {
    }

    /** A refused request names at most this many problems. */
    public static final int MAX_LISTED = 100;
    /** A client's time (an event's or a rating's) may run this far ahead of the service's clock. */
    public static final long MAX_CLOCK_SKEW_SECONDS = 300;

    private final List<Field> errors;

    public InvalidParameterException(String field, String message) {
        this(List.of(new Field(field, message)));
    }

    /** Several at once (none may be missing: the list is not empty). */
    public InvalidParameterException(List<Field> errors) {
        super(errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    /**
     * Checks a batch request's items: at least one ({@code example} shows one) and at most {@code max}
     * ({@code cinegraph.api.max-batch-ratings}); {@code field} names the list, e.g. {@code ratings}.
     */
    public static void checkBatch(String field, List<?> items, int max, String example) {
        if (items == null || items.isEmpty()) {
            throw new InvalidParameterException(field, "must hold at least one item, e.g. {\"" + field + "\": ["
                    + example + "]}");
        }
        if (items.size() > max) {
            throw new InvalidParameterException(field, "holds " + items.size() + " items; at most " + max
                    + " per request (cinegraph.api.max-batch-ratings)");
        }
    }

    /** Throws naming the first {@link #MAX_LISTED} of {@code errors}, if there are any. */
    public static void throwIfAny(List<Field> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidParameterException(errors.size() <= MAX_LISTED ? errors : errors.subList(0, MAX_LISTED));
        }
    }

    /**
     * Adds a problem for {@code field} unless {@code epochSeconds} is absent or a time that is not negative and not
     * more than {@link #MAX_CLOCK_SKEW_SECONDS} after {@code now}.
     */
    public static void checkTime(String field, Long epochSeconds, long now, List<Field> errors) {
        if (epochSeconds != null && (epochSeconds < 0 || epochSeconds > now + MAX_CLOCK_SKEW_SECONDS)) {
            errors.add(new Field(field, "must be a time in epoch seconds, not in the future (now " + now + "), got "
                    + epochSeconds));
        }
    }

    /** The first invalid parameter. */
    public String field() {
        return errors.get(0).field();
    }

    public List<Field> errors() {
        return errors;
    }
}
