package io.cinegraph.catalog;

/** A write that contradicts what the graph holds (e.g. a movie id already taken); the API answers 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
