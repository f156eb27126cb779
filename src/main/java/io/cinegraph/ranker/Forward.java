package io.cinegraph.ranker;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ejml.data.FMatrixRMaj;
import org.bytedeco.openblas.global.openblas;
import io.cinegraph.support.NativeThreads;
import org.ejml.dense.row.CommonOps_FDRM;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving forward pass of a trained DL4J computation graph, in inference mode, on EJML's float matrices: the
 * graph's weights are read once into immutable arrays, and each call works in matrices of its own (a workspace
 * taken from a small pool and given back, so that a ranking after every write does not allocate a megabyte of
 * temporaries), so any number of request threads score at once with no copies of the network and no ND4J code
 * (the dense layers' products are OpenBLAS calls on plain arrays). DL4J stays the trainer; serving
 * left ND4J because its forward passes crashed the JVM natively under load (a freed buffer in the bias add, twice
 * in 10-minute soaks, even with each network copy confined to a thread of its own).
 *
 * <p>It interprets the vertices CineGraph's networks use ({@link Networks}): embedding, dense and output layers
 * with identity, ReLU or sigmoid activations, merge (concatenation in input order) and element-wise product; a
 * network with anything else is refused when the model is loaded, not when it is first asked. The normalizer's
 * standardization is applied to the network's first input, as in training.
 */
final class Forward {

    private sealed interface Step permits Embedding, Dense, Merge, Product {
        String name();
    }

    /** A row of {@code weights} (plus the bias, if any) per index in the single-column input. */
    private record Embedding(String name, String input, FMatrixRMaj weights, float[] bias) implements Step {
    }

    /** {@code activation(input · weights + bias)}. */
    private record Dense(String name, String input, FMatrixRMaj weights, float[] bias, Activation activation) implements Step {
    }

    private record Merge(String name, List<String> inputs) implements Step {
    }

    private record Product(String name, List<String> inputs) implements Step {
    }

    private final List<String> inputs;
    private final List<Step> steps;
    private final String output;
    private final float[] mean;
    private final float[] std;
    /** Workspaces not in use: at most one per thread that scored at once; they go with this network. */
    private final java.util.concurrent.ConcurrentLinkedDeque<Map<String, FMatrixRMaj>> workspaces =
            new java.util.concurrent.ConcurrentLinkedDeque<>();

    private Forward(List<String> inputs, List<Step> steps, String output, float[] mean, float[] std) {
        this.inputs = inputs;
        this.steps = steps;
        this.output = output;
        this.mean = mean;
        this.std = std;
    }

    /** Reads the weights of {@code network} and the statistics of {@code normalizer} (both left untouched). */
    static Forward of(ComputationGraph network, NormalizerStandardize normalizer) {
        NativeThreads.configure();
        ComputationGraphConfiguration conf = network.getConfiguration();
        Map<String, GraphVertex> vertices = conf.getVertices();
        List<Step> steps = new ArrayList<>();
        for (int index : network.topologicalSortOrder()) {
            String name = network.getVertices()[index].getVertexName();
            GraphVertex vertex = vertices.get(name);
            if (vertex == null) {
                continue; // a network input
            }
            List<String> in = conf.getVertexInputs().get(name);
            steps.add(step(network, name, vertex, in));
        }
        if (conf.getNetworkOutputs().size() != 1) {
            throw new ModelException("Serving expects a network with one output, not " + conf.getNetworkOutputs());
        }
        float[] std = normalizer.getStd().toFloatVector();
        for (int i = 0; i < std.length; i++) {
            // as ND4J's standardization does: a feature that never varied is only centred
            std[i] = std[i] == 0 ? 1 : std[i];
        }
        return new Forward(List.copyOf(conf.getNetworkInputs()), List.copyOf(steps), conf.getNetworkOutputs().get(0),
                normalizer.getMean().toFloatVector(), std);
    }

    private static Step step(ComputationGraph network, String name, GraphVertex vertex, List<String> in) {
        if (vertex instanceof MergeVertex) {
            return new Merge(name, List.copyOf(in));
        }
        if (vertex instanceof ElementWiseVertex product && product.getOp() == ElementWiseVertex.Op.Product) {
            return new Product(name, List.copyOf(in));
        }
        if (vertex instanceof LayerVertex layerVertex && in.size() == 1) {
            var layer = layerVertex.getLayerConf().getLayer();
            var params = network.getLayer(name).paramTable();
            FMatrixRMaj weights = new FMatrixRMaj(params.get("W").toFloatMatrix());
            float[] bias = params.containsKey("b") ? params.get("b").toFloatVector() : null;
            if (layer instanceof EmbeddingLayer embedding) {
                if (Activation.of(embedding.getActivationFn(), name) != Activation.IDENTITY) {
                    throw new ModelException("Embedding " + name + " has an activation; serving reads embeddings as they are");
                }
                return new Embedding(name, in.get(0), weights, bias);
            }
            if (layer instanceof DenseLayer || layer instanceof OutputLayer) {
                return new Dense(name, in.get(0), weights, bias, Activation.of(((BaseLayer) layer).getActivationFn(), name));
            }
        }
        throw new ModelException("Vertex " + name + " (" + vertex.getClass().getSimpleName()
                + ") is not one serving supports; retrain the model with this version of CineGraph");
    }

    /**
     * The network's single output column for {@code rows} rows, given one matrix per network input in the order
     * the network declares them (an embedding's input holds the index in its single column); the first input is
     * standardized here.
     */
    float[] output(List<float[][]> given) {
        if (given.size() != inputs.size()) {
            throw new IllegalArgumentException("The network takes " + inputs + " but " + given.size() + " inputs were given");
        }
        Map<String, FMatrixRMaj> values = workspaces.pollFirst();
        if (values == null) {
            values = new HashMap<>();
        }
        try {
            for (int i = 0; i < given.size(); i++) {
                FMatrixRMaj m = fill(matrix(values, inputs.get(i)), given.get(i));
                if (i == 0) {
                    standardize(m);
                }
            }
            for (Step step : steps) {
                apply(step, values);
            }
            FMatrixRMaj out = values.get(output);
            float[] column = new float[out.numRows];
            for (int r = 0; r < out.numRows; r++) {
                column[r] = out.data[r * out.numCols];
            }
            return column;
        } finally {
            workspaces.offerFirst(values);
        }
    }

    /** The workspace's matrix for a vertex (its shape set by whoever writes it). */
    private static FMatrixRMaj matrix(Map<String, FMatrixRMaj> values, String name) {
        return values.computeIfAbsent(name, n -> new FMatrixRMaj(1, 1));
    }

    /** {@code rows} copied into {@code m}, reshaped to fit them. */
    private static FMatrixRMaj fill(FMatrixRMaj m, float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        m.reshape(rows.length, cols);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("Row " + r + " has " + rows[r].length + " columns, not " + cols);
            }
            System.arraycopy(rows[r], 0, m.data, r * cols, cols);
        }
        return m;
    }

    private static void apply(Step step, Map<String, FMatrixRMaj> values) {
        FMatrixRMaj out = matrix(values, step.name());
        if (step instanceof Embedding e) {
            embed(values.get(e.input()), e, out);
        } else if (step instanceof Dense d) {
            dense(values.get(d.input()), d, out);
        } else if (step instanceof Merge m) {
            concatenate(m.inputs().stream().map(values::get).toList(), out);
        } else {
            product(((Product) step).inputs().stream().map(values::get).toList(), out);
        }
    }

    /** A single-column input (an embedding's indexes) as the rows {@link #output} takes. */
    static float[][] column(float[] values) {
        float[][] out = new float[values.length][];
        for (int r = 0; r < values.length; r++) {
            out[r] = new float[]{values[r]};
        }
        return out;
    }

    private void standardize(FMatrixRMaj m) {
        if (m.numCols != mean.length) {
            throw new IllegalArgumentException("The normalizer standardizes " + mean.length + " features, not " + m.numCols);
        }
        for (int r = 0; r < m.numRows; r++) {
            int at = r * m.numCols;
            for (int c = 0; c < m.numCols; c++) {
                m.data[at + c] = (m.data[at + c] - mean[c]) / std[c];
            }
        }
    }

    private static void embed(FMatrixRMaj indexes, Embedding e, FMatrixRMaj out) {
        int width = e.weights().numCols;
        out.reshape(indexes.numRows, width);
        for (int r = 0; r < indexes.numRows; r++) {
            int row = (int) indexes.data[r * indexes.numCols];
            if (row < 0 || row >= e.weights().numRows) {
                throw new IllegalArgumentException("Index " + row + " is outside " + e.name() + "'s "
                        + e.weights().numRows + " rows");
            }
            System.arraycopy(e.weights().data, row * width, out.data, r * width, width);
        }
        addBias(out, e.bias());
    }

    /**
     * The layer's product through OpenBLAS's {@code sgemm} (the library ND4J ships; one thread per call, see
     * {@link NativeThreads}), on the Java arrays themselves: no ND4J buffer is involved. About ten times EJML's
     * pure-Java product on the ranking network's shapes (700 × 77 · 77 × 64, then · 64 × 32: 0.2 ms against 2.1 ms
     * on the reference machine).
     */
    private static void dense(FMatrixRMaj input, Dense d, FMatrixRMaj out) {
        FMatrixRMaj w = d.weights();
        if (input.numCols != w.numRows) {
            throw new IllegalArgumentException("Layer " + d.name() + " takes " + w.numRows + " columns, not " + input.numCols);
        }
        out.reshape(input.numRows, w.numCols);
        if (input.numRows > 0) {
            // beta 0: what the workspace held before is not read
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, input.numRows,
                    w.numCols, w.numRows, 1f, input.data, input.numCols, w.data, w.numCols, 0f, out.data, w.numCols);
        }
        addBias(out, d.bias());
        d.activation().applyTo(out.data, out.getNumElements());
    }

    /** The inputs' columns side by side, in input order. */
    private static void concatenate(List<FMatrixRMaj> parts, FMatrixRMaj out) {
        int rows = parts.get(0).numRows;
        int cols = 0;
        for (FMatrixRMaj p : parts) {
            if (p.numRows != rows) {
                throw new IllegalArgumentException("Merged inputs have " + rows + " and " + p.numRows + " rows");
            }
            cols += p.numCols;
        }
        out.reshape(rows, cols);
        for (int r = 0; r < rows; r++) {
            int at = r * cols;
            for (FMatrixRMaj p : parts) {
                System.arraycopy(p.data, r * p.numCols, out.data, at, p.numCols);
                at += p.numCols;
            }
        }
    }

    private static void product(List<FMatrixRMaj> factors, FMatrixRMaj out) {
        out.setTo(factors.get(0));
        for (int i = 1; i < factors.size(); i++) {
            CommonOps_FDRM.elementMult(out, factors.get(i));
        }
    }

    private static void addBias(FMatrixRMaj m, float[] bias) {
        if (bias == null) {
            return;
        }
        for (int r = 0; r < m.numRows; r++) {
            int at = r * m.numCols;
            for (int c = 0; c < m.numCols; c++) {
                m.data[at + c] += bias[c];
            }
        }
    }
}
