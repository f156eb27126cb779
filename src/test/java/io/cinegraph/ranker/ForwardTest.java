package io.cinegraph.ranker;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The serving forward pass gives DL4J's own inference output, for both networks, from any number of threads. */
class ForwardTest {

    private static final RankerConfig CONFIG = TestRankerConfig.small(Path.of("target"));

    @Test
    void theRankingNetworksServingPassIsDl4jsInferenceOutput() throws Exception {
        Random random = new Random(7);
        RankerSchema schema = new RankerSchema(RankerSchema.currentDenseFeatures(), List.of(11L, 12L, 13L), List.of(11L),
                List.of(101L, 102L, 103L, 104L), List.of("Comedy", "Drama", "Horror"), List.of("F", "M"), List.of(18, 25),
                List.of("writer"));
        ComputationGraph network = Networks.ranking(schema, CONFIG, 3);
        randomize(network, random);
        int rows = 37;
        int d = schema.denseSize();
        float[][] dense = matrix(rows, d, random, 5);
        for (float[] row : dense) {
            row[2] = 4f; // a feature that never varies: ND4J only centres it
        }
        NormalizerStandardize normalizer = normalizer(dense);
        float[] user = new float[rows];
        float[] movie = new float[rows];
        for (int r = 0; r < rows; r++) {
            user[r] = r % 4; // 0: a user without an embedding of their own
            movie[r] = r % (schema.newUserMovieSlot() + 1);
        }
        RankerInputs.Rows batch = new RankerInputs.Rows(new long[rows], dense, user, movie,
                binary(rows, schema.genres().size(), random), binary(rows, schema.demographicsSize(), random));
        int width = Networks.userEmbeddingSize(network);
        float[] expected = network.output(false, RankerModel.inputs(batch, normalizer, width))[0].toFloatVector();

        float[][] known = new float[rows][width];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(known[r], user[r] > 0 ? 1f : 0f);
        }
        Forward forward = Forward.of(network, normalizer);
        List<float[][]> inputs = List.of(dense, Forward.column(user), Forward.column(movie), batch.genres(),
                batch.demographics(), known);
        assertClose(forward.output(inputs), expected);
        assertThat(dense[0][2]).as("the caller's rows are left as they were").isEqualTo(4f);

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> outputs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                outputs.add(threads.submit(() -> forward.output(inputs)));
            }
            for (Future<float[]> output : outputs) {
                assertClose(output.get(), expected);
            }
        } finally {
            threads.shutdown();
        }
        int few = 5;
        float[] fewer = forward.output(List.of(java.util.Arrays.copyOf(dense, few), Forward.column(java.util.Arrays.copyOf(user, few)),
                Forward.column(java.util.Arrays.copyOf(movie, few)), java.util.Arrays.copyOf(batch.genres(), few),
                java.util.Arrays.copyOf(batch.demographics(), few), java.util.Arrays.copyOf(known, few)));
        assertThat(fewer).as("a smaller batch in a workspace sized by larger ones").hasSize(few);
        assertClose(fewer, java.util.Arrays.copyOf(expected, few));
        assertClose(forward.output(inputs), expected);
    }

    @Test
    void theRatingNetworksServingPassIsDl4jsInferenceOutput() {
        Random random = new Random(11);
        ComputationGraph network = Networks.rating(6, 5, 9, CONFIG, 5);
        randomize(network, random);
        int rows = 23;
        float[][] dense = matrix(rows, 6, random, 3);
        NormalizerStandardize normalizer = normalizer(dense);
        float[] user = new float[rows];
        float[] movie = new float[rows];
        for (int r = 0; r < rows; r++) {
            user[r] = r % 6;
            movie[r] = r % 10;
        }
        INDArray normalized = Nd4j.create(dense);
        normalizer.transform(normalized);
        float[] expected = network.output(false, normalized, Nd4j.create(user, rows, 1), Nd4j.create(movie, rows, 1))[0]
                .toFloatVector();

        float[] actual = Forward.of(network, normalizer).output(List.of(dense, Forward.column(user), Forward.column(movie)));
        assertClose(actual, expected);
    }

    @Test
    void anIndexOutsideAnEmbeddingIsRefusedWithItsName() {
        ComputationGraph network = Networks.rating(2, 3, 4, CONFIG, 5);
        float[][] dense = {{1, 2}, {3, 5}};
        Forward forward = Forward.of(network, normalizer(dense));
        assertThatThrownBy(() -> forward.output(List.of(dense, Forward.column(new float[]{1, 9}),
                Forward.column(new float[]{1, 1})))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userEmbedding").hasMessageContaining("9");
        assertThatThrownBy(() -> forward.output(List.<float[][]>of(dense))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[dense, user, movie]");
    }

    private static void randomize(ComputationGraph network, Random random) {
        INDArray params = network.params();
        float[] values = new float[(int) params.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.3);
        }
        network.setParams(Nd4j.create(values, new long[]{1, values.length}));
    }

    private static NormalizerStandardize normalizer(float[][] dense) {
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(new org.nd4j.linalg.dataset.DataSet(Nd4j.create(dense), Nd4j.zeros(dense.length, 1)));
        return normalizer;
    }

    private static float[][] matrix(int rows, int cols, Random random, double scale) {
        float[][] out = new float[rows][cols];
        for (float[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = (float) (random.nextGaussian() * scale + c);
            }
        }
        return out;
    }

    private static float[][] binary(int rows, int cols, Random random) {
        float[][] out = new float[rows][cols];
        for (float[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = random.nextInt(3) == 0 ? 1f : 0f;
            }
        }
        return out;
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("row %d", i).isCloseTo(expected[i], within(1e-4f + 1e-4f * Math.abs(expected[i])));
        }
    }
}
