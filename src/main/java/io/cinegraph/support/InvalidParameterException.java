package io.cinegraph.support;

/** A request parameter that passed its type but not its meaning (e.g. yearFrom after yearTo); the API answers 400. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
