package io.cinegraph.tuning;

import io.cinegraph.support.Html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study as people read it: {@link #table} for the terminal, {@link #bestSoFar} for comparing samplers, and
 * an HTML page (inline SVG, no scripts) with the objective over trials, each setting against the objective, every
 * trial, and the best trial's settings and figures beside the defaults' (trial 0).
 */
public final class TuningReport {

    private static final int W = 520;
    private static final int H = 220;
    private static final int PAD = 40;

    private TuningReport() {
    }

    /** The best validation NDCG@10 after each trial (NaN until a trial completes). */
    public static double[] bestSoFar(List<TrialRecord> trials) {
        double[] best = new double[trials.size()];
        double b = Double.NaN;
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord t = trials.get(i);
            if (t.complete() && (Double.isNaN(b) || t.ndcg() > b)) {
                b = t.ndcg();
            }
            best[i] = b;
        }
        return best;
    }

    /** One line per trial: number, status, figures, seconds, and the settings that differ from the defaults. */
    public static String table(List<TrialRecord> trials) {
        Map<String, String> defaults = trials.isEmpty() ? Map.of() : trials.get(0).settings();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%5s  %-8s  %8s  %9s  %7s  %s%n", "trial", "status",
                "ndcg@10", "recall@20", "fit s", "settings (changed from trial 0, the defaults)"));
        for (TrialRecord t : trials) {
            out.append(String.format(Locale.ROOT, "%5d  %-8s  %8s  %9s  %7.1f  %s%n", t.number(),
                    t.complete() ? "ok" : "FAILED", t.complete() ? String.format(Locale.ROOT, "%.4f", t.ndcg()) : "-",
                    t.complete() ? String.format(Locale.ROOT, "%.4f", t.recall()) : "-", t.seconds(),
                    t.complete() ? changed(t.settings(), defaults) : t.error()));
        }
        return out.toString();
    }

    private static String changed(Map<String, String> settings, Map<String, String> defaults) {
        List<String> parts = new ArrayList<>();
        settings.forEach((k, v) -> {
            if (!v.equals(defaults.get(k))) {
                parts.add(k + "=" + v);
            }
        });
        return parts.isEmpty() ? "(defaults)" : String.join(" ", parts);
    }

    public static Path write(Path dir, String title, SearchSpace space, List<TrialRecord> trials) throws IOException {
        Files.createDirectories(dir);
        StringBuilder html = new StringBuilder(Html.head(title));
        List<TrialRecord> complete = trials.stream().filter(TrialRecord::complete).toList();
        TrialRecord best = complete.stream().max(java.util.Comparator.comparingDouble(TrialRecord::ndcg)).orElse(null);
        TrialRecord defaults = trials.isEmpty() ? null : trials.get(0);
        if (best != null && defaults != null) {
            html.append("<h2>Best trial against the defaults</h2><table><tr><th></th><th>defaults (trial 0)</th><th>best (trial ")
                    .append(best.number()).append(")</th></tr>");
            html.append(row("validation NDCG@10", defaults.complete() ? fmt(defaults.ndcg()) : "failed", fmt(best.ndcg())));
            html.append(row("validation Recall@20", defaults.complete() ? fmt(defaults.recall()) : "failed", fmt(best.recall())));
            html.append(row("fit seconds", String.format(Locale.ROOT, "%.1f", defaults.seconds()),
                    String.format(Locale.ROOT, "%.1f", best.seconds())));
            for (Parameter p : space.parameters()) {
                html.append(row(p.key() + " " + p.describe(), defaults.settings().getOrDefault(p.key(), ""),
                        best.settings().getOrDefault(p.key(), "")));
            }
            html.append("</table>");
        }
        html.append("<h2>Validation NDCG@10 by trial (dots) and best so far (line)</h2>");
        html.append(overTrials(trials));
        html.append("<h2>Each setting against validation NDCG@10</h2>");
        for (Parameter p : space.parameters()) {
            html.append("<h3>").append(Html.escape(p.key() + " " + p.describe())).append("</h3>");
            html.append(bySetting(p, complete));
        }
        html.append("<h2>Every trial</h2><pre>").append(Html.escape(table(trials))).append("</pre></body></html>\n");
        Path file = dir.resolve("index.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private static String row(String label, String a, String b) {
        return "<tr><td>" + Html.escape(label) + "</td><td>" + Html.escape(a) + "</td><td>" + Html.escape(b) + "</td></tr>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String overTrials(List<TrialRecord> trials) {
        Frame frame = Frame.of(trials.stream().filter(TrialRecord::complete).mapToDouble(TrialRecord::ndcg).toArray());
        StringBuilder svg = frame.open(0, Math.max(1, trials.size() - 1), "trial");
        double[] best = bestSoFar(trials);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord t = trials.get(i);
            double x = frame.x(i, 0, Math.max(1, trials.size() - 1));
            if (t.complete()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#3b7dd8\"/>", x, frame.y(t.ndcg())));
            } else {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#c00\">x</text>", x - 3, H - PAD + 4));
            }
            if (!Double.isNaN(best[i])) {
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, frame.y(best[i])));
            }
        }
        svg.append("<polyline fill=\"none\" stroke=\"#e07b00\" points=\"").append(line).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static String bySetting(Parameter p, List<TrialRecord> complete) {
        Frame frame = Frame.of(complete.stream().mapToDouble(TrialRecord::ndcg).toArray());
        double lo = p.categorical() ? 0 : p.lowInternal();
        double hi = p.categorical() ? Math.max(1, p.choices().size() - 1) : p.highInternal();
        StringBuilder svg = frame.open(lo, hi, p.categorical() ? "choice " + p.describe() : p.log() ? "log scale" : "value");
        for (TrialRecord t : complete) {
            String value = t.settings().get(p.key());
            if (value == null) {
                continue;
            }
            double v;
            try {
                v = p.toInternal(value);
            } catch (IllegalArgumentException e) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>trial %d: %s</title></circle>",
                    frame.x(v, lo, hi), frame.y(t.ndcg()), t.number() == 0 ? "#e07b00" : "#3b7dd8", t.number(), Html.escape(value)));
        }
        return svg.append("</svg>").toString();
    }

    /** A plot's frame: the objective's range on the y axis. */
    private record Frame(double min, double max) {

        static Frame of(double[] values) {
            double min = java.util.Arrays.stream(values).min().orElse(0);
            double max = java.util.Arrays.stream(values).max().orElse(1);
            return max - min < 1e-6 ? new Frame(min - 0.01, max + 0.01) : new Frame(min, max);
        }

        double y(double v) {
            return H - PAD - (v - min) / (max - min) * (H - 2 * PAD);
        }

        double x(double v, double lo, double hi) {
            return PAD + (hi > lo ? (v - lo) / (hi - lo) : 0.5) * (W - 2 * PAD);
        }

        StringBuilder open(double lo, double hi, String xLabel) {
            return new StringBuilder(String.format(Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">"
                            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                            + "<text x=\"2\" y=\"%d\">%.4f</text><text x=\"2\" y=\"%d\">%.4f</text>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>",
                    W, H, PAD, H - PAD, W - PAD, H - PAD, PAD, PAD, PAD, H - PAD,
                    PAD - 4, max, H - PAD, min, W / 2 - 40, H - 8, Html.escape(xLabel + " " + range(lo, hi))));
        }

        private static String range(double lo, double hi) {
            return String.format(Locale.ROOT, "(%.3g to %.3g)", lo, hi);
        }
    }

    /** The confirmation stage as a table: each trial's validation and confirmation figures, and against trial 0. */
    public static String confirmationTable(Tuner.Confirmed confirmed) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-7s %12s %14s %12s  %s%n", "trial",
                "validation", "confirmation", "Recall@20", "NDCG@10 against trial 0 (95 % CI)"));
        for (Tuner.Confirmed.Row row : confirmed.rows()) {
            out.append(String.format(Locale.ROOT, "%-7d %12.4f %14s %12s  %s%n", row.trial(), row.validationNdcg(),
                    row.ndcg() == null ? "FAILED" : String.format(Locale.ROOT, "%.4f", row.ndcg()),
                    row.recall() == null ? "-" : String.format(Locale.ROOT, "%.4f", row.recall()),
                    row.error() != null ? row.error() : row.againstTrialZero() == null ? "" : String.format(Locale.ROOT,
                            "%+.4f (%+.4f to %+.4f)", row.againstTrialZero().mean(), row.againstTrialZero().low(),
                            row.againstTrialZero().high())));
        }
        return out.toString();
    }
}
