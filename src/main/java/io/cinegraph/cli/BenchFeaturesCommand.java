package io.cinegraph.cli;

import io.cinegraph.graph.CandidateRepository;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.signals.FeatureExtractor;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench-features", mixinStandardHelpOptions = true,
        description = {"Time feature extraction: for each of --users users, one call for --candidates candidate "
                + "movies (their most popular unrated movies); prints p50, p99 and mean milliseconds per call.",
                "Run `signals` first."})
public class BenchFeaturesCommand implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "200", description = "Users timed (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--candidates", defaultValue = "500", description = "Candidates per user (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--warmup", defaultValue = "30", description = "Untimed calls first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject FeatureExtractor extractor;
    @Inject CandidateRepository candidateRepository;
    @Inject SignalsRepository signals;

    @Override
    public Integer call() {
        List<Long> userIds = signals.userIds();
        List<Double> millis = new ArrayList<>();
        long vectors = 0;
        int total = Math.min(userIds.size(), warmup + users);
        for (int i = 0; i < total; i++) {
            long userId = userIds.get(i);
            List<Long> movieIds = candidateRepository.popular(userId, candidates).stream().map(CandidateRepository.CandidateRow::movieId).toList();
            long started = System.nanoTime();
            vectors += extractor.extract(userId, movieIds).orElseThrow().size();
            double ms = (System.nanoTime() - started) / 1e6;
            if (i >= warmup) {
                millis.add(ms);
            }
        }
        Collections.sort(millis);
        double mean = millis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "Feature extraction, %d candidates per call, %d timed calls (%d vectors in all): p50 %.1f ms, p99 %.1f ms, mean %.1f ms%n",
                candidates, millis.size(), vectors, percentile(millis, 0.50), percentile(millis, 0.99), mean);
        return 0;
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
