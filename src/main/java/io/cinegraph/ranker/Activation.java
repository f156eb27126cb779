package io.cinegraph.ranker;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;

/** The activations {@link Forward} applies: the ones CineGraph's networks use; any other is refused by name. */
enum Activation {
    IDENTITY, RELU, SIGMOID;

    static Activation of(IActivation fn, String layer) {
        if (fn instanceof ActivationIdentity) {
            return IDENTITY;
        }
        if (fn instanceof ActivationReLU relu && relu.getMax() == null && zero(relu.getThreshold())
                && zero(relu.getNegativeSlope())) {
            return RELU;
        }
        if (fn instanceof ActivationSigmoid) {
            return SIGMOID;
        }
        throw new ModelException("Layer " + layer + " uses the activation " + fn + ", which serving does not support");
    }

    private static boolean zero(Double value) {
        return value == null || value == 0;
    }

    void applyTo(float[] values, int length) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < length; i++) {
                    values[i] = Math.max(0f, values[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < length; i++) {
                    values[i] = (float) (1.0 / (1.0 + Math.exp(-values[i])));
                }
            }
            case IDENTITY -> {
            }
        }
    }
}
