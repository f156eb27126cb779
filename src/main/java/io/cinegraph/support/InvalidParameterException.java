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

    /** The first invalid parameter. */
    public String field() {
        return errors.get(0).field();
    }

    public List<Field> errors() {
        return errors;
    }
}
