package io.cinegraph.tuning;

import java.util.Map;

/**
 * One finished trial as the journal, the JSON and the report hold it: its number, its settings, and either its
 * validation figures or why it failed. Trial 0 of every study is the built-in defaults (empty settings).
 */
public record TrialRecord(int number, Map<String, String> settings, Status status, Double ndcg, Double recall,
                          double seconds, String error) {

    public enum Status { COMPLETE, FAILED }

    public TrialRecord {
        settings = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(settings));
    }

    public static TrialRecord complete(int number, Map<String, String> settings, double ndcg, double recall, double seconds) {
        return new TrialRecord(number, settings, Status.COMPLETE, ndcg, recall, seconds, null);
    }

    public static TrialRecord failed(int number, Map<String, String> settings, String error, double seconds) {
        return new TrialRecord(number, settings, Status.FAILED, null, null, seconds, error);
    }

    public boolean complete() {
        return status == Status.COMPLETE;
    }
}
