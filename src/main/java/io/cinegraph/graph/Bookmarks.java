package io.cinegraph.graph;

import io.cinegraph.support.InvalidParameterException;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Read-your-own-writes across processes: the bookmarks of a process's latest transactions as one opaque token, and
 * the wait for another process's token before reads. All of a process's sessions and executable queries share the
 * driver's executable-query bookmark manager, so a token taken after a write covers it.
 */
final class Bookmarks {

    private Bookmarks() {
    }

    /** The bookmarks of this process's latest transactions, as one token. */
    static String token(Driver driver) {
        List<String> values = driver.executableQueryBookmarkManager().getBookmarks().stream()
                .map(Bookmark::value).sorted().toList();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n", values)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Makes the process's next reads wait for a token's transactions. The database checks the bookmarks first (a read
     * of {@code probe} in a session that waits for them), so a bad token is refused, naming {@code field}, and never
     * reaches other reads.
     */
    static void await(Driver driver, String token, String field, String probe, GuardedCalls calls) {
        Set<Bookmark> bookmarks;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            bookmarks = Arrays.stream(text.split("\n")).filter(b -> !b.isBlank()).map(Bookmark::from)
                    .collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "not a bookmark token of this service (expected the value of "
                    + "a write's " + field + " header): " + e.getMessage());
        }
        if (bookmarks.isEmpty()) {
            return;
        }
        calls.call(() -> {
            try (Session session = driver.session(SessionConfig.builder().withBookmarks(bookmarks).build())) {
                return session.executeRead(tx -> tx.run(probe).single().get("ok").asLong());
            } catch (ClientException e) {
                throw new InvalidParameterException(field, "the database does not accept these bookmarks: " + e.getMessage());
            }
        });
        driver.executableQueryBookmarkManager().updateBookmarks(Set.of(), bookmarks);
    }
}
