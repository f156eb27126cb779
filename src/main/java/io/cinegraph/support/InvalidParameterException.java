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

    /** The first invalid parameter. */
    public String field() {
        return errors.get(0).field();
    }

    public List<Field> errors() {
        return errors;
    }
}
