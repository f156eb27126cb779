package io.cinegraph.tuning;

import java.util.List;
import java.util.Map;

/** Proposes the settings of the next trial from the finished ones; the same history and trial number give the same proposal. */
public interface Sampler {

    String name();

    Map<String, String> propose(int trial, List<TrialRecord> finished);

    /** Random search: every trial a seeded uniform draw, independent of the others. */
    static Sampler random(SearchSpace space, long seed) {
        return new Sampler() {
            @Override
            public String name() {
                return "random";
            }

            @Override
            public Map<String, String> propose(int trial, List<TrialRecord> finished) {
                return space.draw(TpeSampler.randomFor(seed, trial));
            }
        };
    }
}
