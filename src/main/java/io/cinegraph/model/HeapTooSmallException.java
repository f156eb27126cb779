package io.cinegraph.model;

/** A model's dense matrices cannot fit in this JVM's heap: the message says how much they need and what to do. */
public final class HeapTooSmallException extends RuntimeException {

    public HeapTooSmallException(String message) {
        super(message);
    }
}
