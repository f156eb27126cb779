package io.cinegraph.ranker;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A trained DL4J network with the normalizer of its dense input and its serving forward pass (the weights read once;
 * any number of threads at once). Stored as {@code NAME.zip} and {@code NAME-normalizer.bin}, DL4J's own formats.
 */
record TrainedNetwork(ComputationGraph network, NormalizerStandardize normalizer, Forward forward) {

    private static final NormalizerSerializer NORMALIZERS = NormalizerSerializer.getDefault();

    static TrainedNetwork of(ComputationGraph network, NormalizerStandardize normalizer) {
        return new TrainedNetwork(network, normalizer, Forward.of(network, normalizer));
    }

    /** The network's output for a batch of inputs, in the network's input order (the dense one not normalized yet). */
    float[] output(List<float[][]> inputs) {
        return forward.output(inputs);
    }

    void write(Path dir, String name) throws IOException {
        ModelSerializer.writeModel(network, dir.resolve(name + ".zip").toFile(), false);
        NORMALIZERS.write(normalizer, dir.resolve(name + "-normalizer.bin").toFile());
    }

    /** The network {@link #write} stored under {@code name}; {@code check} sees it before anything is built on it. */
    static TrainedNetwork read(Path dir, String name, Consumer<ComputationGraph> check) throws Exception {
        ComputationGraph network = ModelSerializer.restoreComputationGraph(dir.resolve(name + ".zip").toFile(), false);
        check.accept(network);
        return of(network, NORMALIZERS.restore(dir.resolve(name + "-normalizer.bin").toFile()));
    }
}
