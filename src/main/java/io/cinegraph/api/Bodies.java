package io.cinegraph.api;

import io.cinegraph.support.InvalidParameterException;

/** Request bodies: the one rule for a request that needs a JSON object and came without one. */
final class Bodies {

    private Bodies() {
    }

    /** {@code body}, or a 400 naming {@code body} that shows {@code example}, a JSON object this request takes. */
    static <T> T required(T body, String example) {
        if (body == null) {
            throw new InvalidParameterException("body", "a JSON object is required, e.g. " + example);
        }
        return body;
    }
}
