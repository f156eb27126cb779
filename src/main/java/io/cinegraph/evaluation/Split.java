package io.cinegraph.evaluation;

import io.cinegraph.domain.Interaction;

import java.util.List;

/** Training and test interactions; no test interaction is visible to any model or signal. */
public record Split(String protocol, List<Interaction> train, List<Interaction> test) {
}
