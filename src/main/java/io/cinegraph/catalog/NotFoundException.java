package io.cinegraph.catalog;

/** A user or movie id that the graph does not hold; the API answers 404. */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final long id;

    public NotFoundException(String kind, long id) {
        super("No " + kind + " with id " + id + " in the graph.");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public long id() {
        return id;
    }
}
