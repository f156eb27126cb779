package io.cinegraph.cli;

import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.Evaluator;
import io.cinegraph.evaluation.OfflineEvaluation;
import io.cinegraph.evaluation.Split;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints an evaluation run as a table: one row per model, then NDCG by cohort and by training activity. */
final class EvaluationTable {

    private final PrintWriter out;
    private final int k;

    EvaluationTable(PrintWriter out, int k) {
        this.out = out;
        this.k = k;
    }

    void print(Path path, long seed, OfflineEvaluation.Outcome outcome) {
        Split split = outcome.split();
        List<Interaction> all = outcome.all();
        List<Evaluator.ModelResult> results = outcome.results();
        out.printf(Locale.ROOT, "%s on %s: %,d ratings, %,d train, %,d test (k = %d, seed %d)%n", split.protocol(), path,
                all.size(), split.train().size(), split.test().size(), k, seed);
        List<String> keys = new ArrayList<>(results.get(0).full().keySet());
        List<String> sampledKeys = new ArrayList<>(results.get(0).sampled().keySet());
        StringBuilder header = new StringBuilder(String.format("%-16s", "model"));
        keys.forEach(key -> header.append(String.format("%14s", key)));
        sampledKeys.forEach(key -> header.append(String.format("%16s", "sampled " + key)));
        header.append(String.format("%10s", "train s"));
        out.println(header);
        for (Evaluator.ModelResult r : results) {
            StringBuilder line = new StringBuilder(String.format("%-16s", r.name()));
            keys.forEach(key -> line.append(String.format(Locale.ROOT, "%14.4f", r.full().get(key))));
            sampledKeys.forEach(key -> line.append(String.format(Locale.ROOT, "%16.4f", r.sampled().get(key))));
            line.append(String.format(Locale.ROOT, "%10.1f", r.trainSeconds()));
            out.println(line);
        }
        if (!results.get(0).ndcgByCohort().isEmpty()) {
            out.println("NDCG@" + k + " by demographic cohort (gender, age band):");
            for (Evaluator.ModelResult r : results) {
                StringBuilder line = new StringBuilder(String.format("  %-16s", r.name()));
                r.ndcgByCohort().forEach((slice, v) -> line.append(String.format(Locale.ROOT, "  %s %.4f", slice, v)));
                out.println(line);
            }
        }
        out.println("NDCG@" + k + " by training activity (users' training ratings):");
        for (Evaluator.ModelResult r : results) {
            StringBuilder line = new StringBuilder(String.format("  %-16s", r.name()));
            r.ndcgByActivity().forEach((slice, v) -> line.append(String.format(Locale.ROOT, "  %s %.4f", slice, v)));
            out.println(line);
        }
    }
}
