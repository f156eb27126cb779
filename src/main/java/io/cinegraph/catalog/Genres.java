package io.cinegraph.catalog;

import io.cinegraph.support.InvalidParameterException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Genre names as a request gives them, matched to the graph's own (case and spaces aside). */
public final class Genres {

    private Genres() {
    }

    /**
     * The known genre each name means, in the order given, each once.
     *
     * @throws InvalidParameterException naming {@code field} for a genre the graph does not know
     */
    public static List<String> known(Collection<String> asked, Collection<String> known, String field) {
        List<String> out = new ArrayList<>();
        for (String g : asked) {
            String name = g == null ? "" : g.strip();
            String match = known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new InvalidParameterException(field, "unknown genre '" + g
                            + "'; GET /api/genres lists them"));
            if (!out.contains(match)) {
                out.add(match);
            }
        }
        return out;
    }
}
