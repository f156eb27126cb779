package io.cinegraph.cli;

import io.cinegraph.domain.Candidate;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints ranked candidates as the CLI shows them: rank, title (year), score, explanation. */
final class CandidateTable {

    private CandidateTable() {
    }

    static void print(PrintWriter out, List<Candidate> candidates, String scoreLabel) {
        int rank = 1;
        for (Candidate c : candidates) {
            out.printf(Locale.ROOT, "%3d. %-60s %s %8.3f  %s%n", rank++,
                    c.title() + (c.year() == null ? "" : " (" + c.year() + ")"), scoreLabel, c.score(),
                    c.explanation().sentence());
        }
    }
}
