package io.cinegraph.ingest;

import io.cinegraph.support.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Fetches an official MovieLens zip from GroupLens into the cache directory, checks its MD5 (pinned here for
 * the frozen releases, else the one GroupLens publishes beside it as {@code NAME.zip.md5}), and extracts it. A copy already extracted is reused.
 * GroupLens does not allow redistribution, so nothing is ever bundled: without network, pass {@code --path}.
 */
@ApplicationScoped
public class DatasetDownloader {

    private static final Logger LOG = Logger.getLogger(DatasetDownloader.class);
    /** The releases GroupLens publishes as NAME.zip. */
    public static final List<String> RELEASES = List.of("ml-latest-small", "ml-100k", "ml-1m", "ml-10m", "ml-25m",
            "ml-32m", "ml-latest");
    private static final String COMPLETE_MARKER = ".complete";
    /**
     * MD5 of the frozen releases' zips, as GroupLens publishes them. The living releases (ml-latest,
     * ml-latest-small) change over time and ml-32m is checked against the {@code .md5} file beside the zip.
     */
    static final Map<String, String> PINNED_MD5 = Map.of(
            "ml-100k", "0e33842e24a9c977be4e0107933c0723",
            "ml-1m", "c4d9eecfca2ab87c1945afe126590906",
            "ml-10m", "ce571fd55effeba0271552578f2648bd",
            "ml-25m", "6b51fb2759a8657d3bfcbfc42b592ada");

    private final ImportConfig config;

    public DatasetDownloader(ImportConfig config) {
        this.config = config;
    }

    /** The directory holding the extracted release, downloading it first if needed. */
    public Path fetch(String release) {
        String name = release.strip().toLowerCase(Locale.ROOT);
        if (!RELEASES.contains(name)) {
            throw new DatasetException("Unknown MovieLens release '" + release + "': choose one of "
                    + String.join(", ", RELEASES) + ", or pass --path DIR with a local copy.");
        }
        Path target = config.cacheDir().resolve(name);
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            LOG.infof("Using the copy of %s already in %s", name, target);
            return target;
        }
        URI base = config.downloadBase();
        URI zipUri = base.resolve(name + ".zip");
        URI md5Uri = base.resolve(name + ".zip.md5");
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(config.downloadTimeoutSeconds()))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            Files.createDirectories(config.cacheDir());
            String expected = PINNED_MD5.containsKey(name) ? PINNED_MD5.get(name) : expectedMd5(client, md5Uri);
            Path zip = config.cacheDir().resolve(name + ".zip");
            String actual = download(client, zipUri, zip);
            if (!actual.equalsIgnoreCase(expected)) {
                Files.deleteIfExists(zip);
                throw new DatasetException("The download of " + zipUri + " is corrupt: its MD5 is " + actual
                        + " but GroupLens publishes " + expected + ". It was deleted; try again.");
            }
            extract(zip, target);
            Files.writeString(target.resolve(COMPLETE_MARKER), actual + "\n");
            return target;
        } catch (ConnectException | HttpConnectTimeoutException | java.nio.channels.UnresolvedAddressException e) {
            throw offline(zipUri, e);
        } catch (IOException e) {
            if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException
                    || e.getCause() instanceof ConnectException) {
                throw offline(zipUri, e);
            }
            throw new DatasetException("Downloading " + zipUri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("Download of " + zipUri + " was interrupted.", e);
        }
    }

    private static DatasetException offline(URI uri, Exception e) {
        return new DatasetException("Cannot reach " + uri.getHost() + " to download " + uri.getPath()
                + " (no network?). Download the zip elsewhere, extract it, and pass --path DIR.", e);
    }

    private static String expectedMd5(HttpClient client, URI md5Uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(md5Uri).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        if (response.statusCode() != 200) {
            throw new DatasetException("GroupLens answered " + response.statusCode() + " for " + md5Uri
                    + ": cannot verify the download.");
        }
        // "MD5 (ml-latest-small.zip) = 1a2b..." or "1a2b...  ml-latest-small.zip"
        for (String token : response.body().split("[\\s=()]+")) {
            if (token.matches("[0-9a-fA-F]{32}")) {
                return token;
            }
        }
        throw new DatasetException(md5Uri + " holds no MD5 checksum: cannot verify the download.");
    }

    private static String download(HttpClient client, URI uri, Path zip) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new DatasetException("GroupLens answered " + response.statusCode() + " for " + uri + ".");
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path partial = zip.resolveSibling(zip.getFileName() + ".part");
        MessageDigest md5 = md5();
        try (InputStream in = new DigestInputStream(response.body(), md5);
             OutputStream out = Files.newOutputStream(partial);
             Progress progress = Progress.bytes("Downloading " + zip.getFileName(), Math.max(length, 1))) {
            byte[] buffer = new byte[1 << 16];
            long done = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                done += n;
                progress.stepTo(done);
            }
        }
        Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return HexFormat.of().formatHex(md5.digest());
    }

    /** Extracts the zip's files flat into {@code target} (GroupLens zips hold one top-level folder). */
    static void extract(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String file = name.substring(name.lastIndexOf('/') + 1);
                if (file.isEmpty() || file.startsWith(".") || file.contains("..")) {
                    continue;
                }
                Files.copy(in, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
