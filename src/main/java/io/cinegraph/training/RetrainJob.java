package io.cinegraph.training;

import java.util.Map;

/**
 * One retraining run as the API shows it: trigger, state, timings of each step, the holdout figures of the
 * candidate and of the model active at the time, and the decision.
 */
public record RetrainJob(String id, String trigger, State state, String submittedAt, String startedAt,
                         String finishedAt, Map<String, Double> stepSeconds, Double candidateNdcg, Double activeNdcg,
                         String activeVersion, String candidateVersion, Integer holdoutUsers, String decision,
                         String error) {

    /** QUEUED → RUNNING → PROMOTED | KEPT (candidate not good enough) | FAILED. */
    public enum State { QUEUED, RUNNING, PROMOTED, KEPT, FAILED }

    public boolean finished() {
        return state == State.PROMOTED || state == State.KEPT || state == State.FAILED;
    }
}
