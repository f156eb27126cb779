package io.cinegraph.ranker;

/** A stored model that cannot be used: missing, unreadable, or trained on other features. */
public final class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
