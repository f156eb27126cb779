package io.cinegraph.ingest;

/** How the bytes of a data file become text. */
public enum TextEncoding {
    /** Strict UTF-8 (the CSV releases): a line with invalid bytes is rejected, never silently garbled. */
    UTF8_STRICT,
    /**
     * The legacy releases (ml-100k, ml-1m, ml-10m) are documented as ISO-8859-1. A line that is valid UTF-8
     * is read as UTF-8 (ASCII is both; a re-encoded copy stays readable); any other line as ISO-8859-1,
     * in which every byte is a character.
     */
    LATIN1_OR_UTF8
}
