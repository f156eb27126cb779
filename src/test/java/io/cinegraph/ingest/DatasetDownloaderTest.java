package io.cinegraph.ingest;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Downloads from a GroupLens stand-in on loopback: checksum verified, extracted, cached; offline is one sentence. */
class DatasetDownloaderTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private int requests;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests++;
            byte[] body = files.get(exchange.getRequestURI().getPath().substring(1));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private DatasetDownloader downloader(URI base) {
        return new DatasetDownloader(new ImportConfig() {
            public int batchSize() { return 100; }
            public long bulkFromBytes() { return ImportOptions.DEFAULT_BULK_FROM_BYTES; }
            public Optional<Path> path() { return Optional.empty(); }
            public Optional<String> dataset() { return Optional.empty(); }
            public Path cacheDir() { return tmp.resolve("cache"); }
            public URI downloadBase() { return base; }
            public int downloadTimeoutSeconds() { return 2; }
        });
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private byte[] zipOf(Path dir, String folder) throws IOException {
        Path zip = tmp.resolve(folder + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(folder + "/"));
            for (Path f : Files.list(dir).toList()) {
                out.putNextEntry(new ZipEntry(folder + "/" + f.getFileName()));
                out.write(Files.readAllBytes(f));
            }
        }
        return Files.readAllBytes(zip);
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void aReleaseIsDownloadedVerifiedExtractedAndThenReusedFromTheCache() throws Exception {
        byte[] zip = zipOf(Fixtures.csv(tmp.resolve("src")), "ml-latest-small");
        files.put("ml-latest-small.zip", zip);
        files.put("ml-latest-small.zip.md5", ("MD5 (ml-latest-small.zip) = " + md5(zip) + "\n").getBytes(StandardCharsets.US_ASCII));

        Path dir = downloader(base()).fetch("ml-latest-small");

        assertThat(DatasetFormat.open(dir).format()).isEqualTo(DatasetFormat.ML_CSV);
        assertThat(dir.resolve("ratings.csv")).hasSameTextualContentAs(tmp.resolve("src/ratings.csv"));
        int before = requests;
        assertThat(downloader(base()).fetch("ml-latest-small")).isEqualTo(dir);
        assertThat(requests).isEqualTo(before);
    }

    @Test
    void aDownloadWhoseChecksumDiffersIsDeletedAndReported() throws Exception {
        byte[] zip = zipOf(Fixtures.csv(tmp.resolve("src")), "ml-32m");
        files.put("ml-32m.zip", zip);
        files.put("ml-32m.zip.md5", (md5("other".getBytes()) + "  ml-32m.zip\n").getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> downloader(base()).fetch("ml-32m"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("is corrupt");
        assertThat(tmp.resolve("cache/ml-32m.zip")).doesNotExist();
    }

    @Test
    void aFrozenReleaseIsCheckedAgainstItsPinnedChecksumNotTheServersWord() throws Exception {
        byte[] zip = zipOf(Fixtures.ml1m(tmp.resolve("src")), "ml-1m");
        files.put("ml-1m.zip", zip);
        files.put("ml-1m.zip.md5", (md5(zip) + "  ml-1m.zip\n").getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> downloader(base()).fetch("ml-1m"))
                .isInstanceOf(DatasetException.class).hasMessageContaining(DatasetDownloader.PINNED_MD5.get("ml-1m"));
    }

    @Test
    void withoutNetworkTheMessageSaysToPassPath() {
        assertThatThrownBy(() -> downloader(URI.create("http://127.0.0.1:1/")).fetch("ml-1m"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("pass --path DIR");
    }

    @Test
    void anUnknownReleaseNamesTheKnownOnes() {
        assertThatThrownBy(() -> downloader(base()).fetch("ml-5m"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("ml-latest-small, ml-100k, ml-1m");
    }
}
