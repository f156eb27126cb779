package io.cinegraph.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * An HTML report a person can open: the results table and three bar charts drawn as inline SVG (metric per
 * model, NDCG by user-activity slice, mean popularity of the recommended movies). No script, no download.
 */
public final class Report {

    private static final int BAR_WIDTH = 420;
    private static final int ROW_HEIGHT = 22;
    private static final int LABEL_WIDTH = 170;

    private Report() {
    }

    public static Path write(Path dir, String title, List<Evaluator.ModelResult> results, int k) throws IOException {
        Files.createDirectories(dir);
        StringBuilder html = new StringBuilder();
        html.append(io.cinegraph.support.Html.head(title));
        html.append("<h2>Results</h2><table><tr><th>model</th>");
        List<String> keys = new ArrayList<>(results.get(0).full().keySet());
        keys.forEach(key -> html.append("<th>").append(escape(key)).append("</th>"));
        results.get(0).sampled().keySet().forEach(key -> html.append("<th>sampled ").append(escape(key)).append("</th>"));
        html.append("<th>train s</th></tr>");
        for (Evaluator.ModelResult r : results) {
            html.append("<tr><td>").append(escape(r.name())).append("</td>");
            keys.forEach(key -> html.append(cell(r.full().get(key))));
            r.sampled().values().forEach(v -> html.append(cell(v)));
            html.append(cell(r.trainSeconds())).append("</tr>");
        }
        html.append("</table>");
        html.append("<h2>NDCG@").append(k).append(" by model</h2>");
        html.append(bars(results, r -> r.full().get("ndcg@" + k)));
        html.append("<h2>Recall@").append(Evaluator.RECALL_CUTOFF).append(" by model</h2>");
        html.append(bars(results, r -> r.full().get("recall@" + Evaluator.RECALL_CUTOFF)));
        html.append("<h2>NDCG@").append(k).append(" by user activity (training ratings)</h2>");
        for (String slice : Evaluator.ACTIVITY_SLICES) {
            if (results.stream().anyMatch(r -> r.ndcgByActivity().containsKey(slice))) {
                html.append("<h3>").append(escape(slice)).append("</h3>");
                html.append(bars(results, r -> r.ndcgByActivity().getOrDefault(slice, 0.0)));
            }
        }
        List<String> cohorts = results.get(0).ndcgByCohort().keySet().stream().toList();
        if (!cohorts.isEmpty()) {
            html.append("<h2>NDCG@").append(k).append(" by demographic cohort (gender, age band)</h2>");
            for (String cohort : cohorts) {
                html.append("<h3>").append(escape(cohort)).append("</h3>");
                html.append(bars(results, r -> r.ndcgByCohort().getOrDefault(cohort, 0.0)));
            }
        }
        html.append("<h2>Mean popularity of the recommended movies (training ratings per movie in the top ")
                .append(k).append(")</h2>");
        html.append(bars(results, r -> r.full().get("popularity@" + k)));
        html.append("</body></html>\n");
        Path file = dir.resolve("index.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private static String bars(List<Evaluator.ModelResult> results, ToDoubleFunction<Evaluator.ModelResult> value) {
        double max = results.stream().mapToDouble(value).max().orElse(1);
        int height = results.size() * ROW_HEIGHT + 4;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"12\">",
                LABEL_WIDTH + BAR_WIDTH + 80, height));
        int y = 2;
        for (Evaluator.ModelResult r : results) {
            double v = value.applyAsDouble(r);
            int w = max <= 0 ? 0 : (int) Math.round(BAR_WIDTH * v / max);
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 15, escape(r.name())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#3b7dd8\"/>",
                    LABEL_WIDTH, y + 3, w, ROW_HEIGHT - 6));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", LABEL_WIDTH + w + 6, y + 15, format(v)));
            y += ROW_HEIGHT;
        }
        return svg.append("</svg>").toString();
    }

    private static String cell(double v) {
        return "<td>" + format(v) + "</td>";
    }

    private static String format(double v) {
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String escape(String s) {
        return io.cinegraph.support.Html.escape(s);
    }
}
