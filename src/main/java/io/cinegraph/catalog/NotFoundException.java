package io.cinegraph.catalog;

/** A user or movie id that the graph does not hold; the API answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, long id) {
        super("No " + kind + " with id " + id + " in the graph.");
    }
}
