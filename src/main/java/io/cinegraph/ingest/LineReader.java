package io.cinegraph.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a file line by line in constant memory, decoding each line on its own so that a bad byte is
 * reported at its line and the lines after it are still read. LF and CRLF line ends are both accepted; a
 * UTF-8 byte-order mark at the start is dropped. Counts the bytes consumed, for progress bars.
 */
final class LineReader implements Closeable {

    private static final int CHUNK = 1 << 16;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One physical line: its 1-based number and text, or the reason it could not be decoded. */
    record Line(long number, String text, String decodeError) {
        boolean ok() {
            return decodeError == null;
        }
    }

    private final InputStream in;
    private final TextEncoding encoding;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[256];
    private long lineNumber;
    private long bytesRead;
    private boolean eof;

    LineReader(InputStream in, TextEncoding encoding) {
        this.in = in;
        this.encoding = encoding;
    }

    /** Bytes consumed so far. */
    long bytesRead() {
        return bytesRead;
    }

    /** The next line, or {@code null} at the end of the file. A final line without a line end is returned too. */
    Line next() throws IOException {
        int len = 0;
        boolean sawAny = false;
        while (true) {
            if (chunkPos == chunkLen) {
                if (eof || !fill()) {
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = chunkPos;
            int end = start;
            while (end < chunkLen && chunk[end] != '\n') {
                end++;
            }
            int n = end - start;
            if (len + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
            }
            System.arraycopy(chunk, start, line, len, n);
            len += n;
            bytesRead += n;
            chunkPos = end;
            if (end < chunkLen) {
                chunkPos++;
                bytesRead++;
                break;
            }
        }
        lineNumber++;
        int from = 0;
        if (lineNumber == 1 && len >= 3 && line[0] == UTF8_BOM[0] && line[1] == UTF8_BOM[1] && line[2] == UTF8_BOM[2]) {
            from = 3;
        }
        if (len > from && line[len - 1] == '\r') {
            len--;
        }
        return decode(from, len);
    }

    private Line decode(int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new Line(lineNumber, new String(line, from, to - from, StandardCharsets.ISO_8859_1), null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
        CharBuffer chars = CharBuffer.allocate(to - from);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (!result.isError()) {
            result = utf8.flush(chars);
        }
        if (!result.isError()) {
            return new Line(lineNumber, chars.flip().toString(), null);
        }
        if (encoding == TextEncoding.LATIN1_OR_UTF8) {
            return new Line(lineNumber, new String(line, from, to - from, StandardCharsets.ISO_8859_1), null);
        }
        return new Line(lineNumber, new String(line, from, to - from, StandardCharsets.UTF_8),
                "bytes that are not valid UTF-8 (byte " + (bytes.position() - from + 1) + " of the line)");
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, CHUNK);
        if (n <= 0) {
            eof = true;
            chunkPos = 0;
            chunkLen = 0;
            return false;
        }
        chunkPos = 0;
        chunkLen = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
