package io.cinegraph.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    private static List<LineReader.Line> read(byte[] bytes, TextEncoding encoding) throws IOException {
        List<LineReader.Line> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new ByteArrayInputStream(bytes), encoding)) {
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
            assertThat(reader.bytesRead()).isEqualTo(bytes.length);
        }
        return lines;
    }

    @Test
    void crlfAndLfEndsAndAFinalLineWithoutEndAreAllRead() throws IOException {
        var lines = read("a,b\r\nc,d\ne,f".getBytes(StandardCharsets.UTF_8), TextEncoding.UTF8_STRICT);
        assertThat(lines).extracting(LineReader.Line::text).containsExactly("a,b", "c,d", "e,f");
        assertThat(lines).extracting(LineReader.Line::number).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() throws IOException {
        byte[] bytes = "\uFEFFmovieId,title\n".getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes, TextEncoding.UTF8_STRICT).get(0).text()).isEqualTo("movieId,title");
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndTheNextLinesStillDecode() throws IOException {
        byte[] bytes = {'o', 'k', '\n', 'b', 'a', (byte) 0xE9, 'd', '\n', 'c', 'a', 'f', (byte) 0xC3, (byte) 0xA9, '\n'};
        var lines = read(bytes, TextEncoding.UTF8_STRICT);
        assertThat(lines.get(0).ok()).isTrue();
        assertThat(lines.get(1).ok()).isFalse();
        assertThat(lines.get(1).decodeError()).contains("not valid UTF-8").contains("byte 3");
        assertThat(lines.get(2).text()).isEqualTo("café");
    }

    @Test
    void legacyFilesFallBackToLatin1PerLine() throws IOException {
        byte[] bytes = {'C', 'i', 't', (byte) 0xE9, '\n', 'c', 'a', 'f', (byte) 0xC3, (byte) 0xA9, '\n'};
        var lines = read(bytes, TextEncoding.LATIN1_OR_UTF8);
        assertThat(lines).extracting(LineReader.Line::text).containsExactly("Cité", "café");
        assertThat(lines).allMatch(LineReader.Line::ok);
    }

    @Test
    void linesLongerThanTheReadChunkAreKeptWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        var lines = read((longLine + "\nshort\n").getBytes(StandardCharsets.UTF_8), TextEncoding.UTF8_STRICT);
        assertThat(lines.get(0).text()).hasSize(200_000);
        assertThat(lines.get(1).text()).isEqualTo("short");
    }
}
