package io.cinegraph.graph;

/** The graph cannot be reached or started; the API answers 503, the CLI prints the message. */
public class GraphUnavailableException extends RuntimeException {

    public GraphUnavailableException(String message) {
        super(message);
    }

    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
