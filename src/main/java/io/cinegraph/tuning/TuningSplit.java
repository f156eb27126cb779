package io.cinegraph.tuning;

import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.Split;
import io.cinegraph.evaluation.Splitter;

import java.util.List;

/**
 * What {@code tune} may look at. The evaluation's own split comes first ({@code evaluate --protocol last-fraction
 * --fraction testFraction}: each user's latest ratings are the test part), and only its training part is used:
 * each user's latest {@code validationFraction} of it is the validation part, the rest trains the trials. No test
 * rating reaches a trial, so {@code evaluate} after {@code tune} is still an honest test.
 */
public record TuningSplit(List<Interaction> train, List<Interaction> validation, List<Interaction> test) {

    public static TuningSplit of(List<Interaction> all, double testFraction, double validationFraction) {
        Split outer = Splitter.lastFraction(testFraction).split(all);
        Split inner = Splitter.lastFraction(validationFraction).split(outer.train());
        return new TuningSplit(inner.train(), inner.test(), outer.test());
    }

    /** The trials' split as the evaluator takes it. */
    public Split asValidation() {
        return new Split("validation", train, validation);
    }

    /**
     * The confirmation split, independent of the validation part: each user's latest {@code fraction} of the
     * trial-training ratings is scored, the rest trains. Neither validation nor test ratings are in it.
     */
    public Split confirmation(double fraction) {
        Split inner = Splitter.lastFraction(fraction).split(train);
        return new Split("confirmation", inner.train(), inner.test());
    }

    /** The ratings a trial may see at all: training and validation (never the test part). */
    public List<Interaction> visible() {
        List<Interaction> visible = new java.util.ArrayList<>(train);
        visible.addAll(validation);
        return visible;
    }
}
