package io.cinegraph.cli;

import io.cinegraph.evaluation.Metrics;
import io.cinegraph.events.Replay;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Prints an offline replay: each model's figures (overall and per logged variant), then the online take-up. */
final class ReplayTable {

    private final PrintWriter out;

    ReplayTable(PrintWriter out) {
        this.out = out;
    }

    private static String figure(Map<String, Double> by, String variant) {
        return by.containsKey(variant) ? String.format(Locale.ROOT, "%.4f", by.get(variant)) : "-";
    }

    void print(Replay.Result result) {
        out.printf(Locale.ROOT, "Replay of the logged answers of the last %d days: %,d answers, %,d with a shown movie "
                        + "taken up (clicked, viewed or rated >= %.1f after) and scored%n", result.windowDays(),
                result.answers(), result.scored(), result.liked());
        if (result.scored() == 0) {
            out.println("Nothing to score: no answer in the window had a shown movie taken up (send impression, click "
                    + "and view events with the answer's recommendationId: POST /api/events).");
            return;
        }
        TreeSet<String> variants = new TreeSet<>();
        result.models().forEach(m -> variants.addAll(m.ndcgByVariant().keySet()));
        String first = result.models().get(0).model();
        out.printf("%-28s %8s %8s %8s %8s", "model", "NDCG", "MRR", "hit@1", "recall");
        variants.forEach(v -> out.printf(" %14s %14s", "NDCG on " + v, "recall on " + v));
        out.printf("  %s%n", "NDCG vs " + first + " (95% CI)");
        for (Replay.ModelFigures m : result.models()) {
            out.printf(Locale.ROOT, "%-28s %8.4f %8.4f %8.4f %8.4f", m.model(), m.ndcg(), m.mrr(), m.hitAt1(), m.recall());
            variants.forEach(v -> out.printf(Locale.ROOT, " %14s %14s", figure(m.ndcgByVariant(), v),
                    figure(m.recallByVariant(), v)));
            Metrics.PairedDifference d = m.ndcgVersusFirst();
            out.printf(Locale.ROOT, "  %s%n", d == null ? "" : String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]%s",
                    d.mean(), d.low(), d.high(), d.significant() ? "" : " not significant"));
        }
        out.println("NDCG, MRR, hit@1: the shown movies re-ranked; recall: the taken-up movies among the model's own "
                + "first n of the whole catalogue (n = movies shown).");
        out.println("Online, on the same answers (take-up = shown movies taken up / shown):");
        out.printf("%-10s %-28s %9s %9s %9s %9s%n", "variant", "model", "answers", "shown", "taken up", "take-up");
        for (Replay.Logged l : result.logged()) {
            out.printf(Locale.ROOT, "%-10s %-28s %,9d %,9d %,9d %9s%n", l.variant(), l.model(), l.answers(), l.shown(),
                    l.takenUp(), l.takeUpRate() == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * l.takeUpRate()));
        }
    }
}
