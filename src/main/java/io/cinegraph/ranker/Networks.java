package io.cinegraph.ranker;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

/**
 * The two DL4J computation graphs (see docs/ranker.md): the ranking network (dense graph and model features,
 * user and movie embeddings, a genre embedding bag and a demographics embedding, merged into a two-layer MLP
 * whose last layer meets the dense features again at a sigmoid "will watch next" output: wide and deep) and
 * the rating network (the same embeddings and the rating features into an MLP that predicts the deviation of
 * the rating from the bias baseline).
 */
public final class Networks {

    /**
     * The ranking network's inputs. {@code userKnown} is 1 (across the embedding width) for a user with an
     * embedding of their own and 0 otherwise: a user outside the vocabulary (new, cold or held out) contributes a
     * zero vector, so their scores come from the features alone and no shared "unknown" vector drifts with them.
     */
    static final String[] RANKING_INPUTS = {"dense", "user", "movie", "genres", "demographics", "userKnown"};
    static final String[] RATING_INPUTS = {"dense", "user", "movie"};

    static {
        io.cinegraph.support.NativeThreads.configure();
    }

    private Networks() {
    }

    public static ComputationGraph ranking(RankerSchema schema, RankerConfig config, long seed) {
        int e = config.embeddingSize();
        GraphBuilder graph = embeddings(config.learningRate(), config.l2(), seed, RANKING_INPUTS,
                schema.users().size(), schema.newUserMovieSlot(), e)
                .addLayer("genreEmbedding", new DenseLayer.Builder().nIn(schema.genres().size()).nOut(8)
                        .activation(Activation.IDENTITY).hasBias(false).build(), "genres")
                .addLayer("demographicsEmbedding", new DenseLayer.Builder().nIn(schema.demographicsSize()).nOut(8)
                        .activation(Activation.IDENTITY).hasBias(false).build(), "demographics")
                .addVertex("knownUserEmbedding", new ElementWiseVertex(ElementWiseVertex.Op.Product), "userEmbedding",
                        "userKnown")
                .addVertex("merged", new MergeVertex(), "dense", "knownUserEmbedding", "movieEmbedding", "genreEmbedding",
                        "demographicsEmbedding");
        return initialized(hiddenLayers(graph, schema.denseSize() + 2 * e + 16, config.hidden())
                .addVertex("wideAndDeep", new MergeVertex(), "dense", "hidden2")
                .addLayer("score", new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(schema.denseSize() + config.hidden() / 2).nOut(1)
                        .activation(Activation.SIGMOID).build(), "wideAndDeep"), "score");
    }

    /** Fails with a clear message when a stored ranking network does not take this code's inputs. */
    static void requireRankingInputs(ComputationGraph network, String where) {
        List<String> inputs = network.getConfiguration().getNetworkInputs();
        if (!inputs.equals(List.of(RANKING_INPUTS))) {
            throw new ModelException("The ranking network in " + where + " takes the inputs " + inputs
                    + " but this version of CineGraph feeds " + List.of(RANKING_INPUTS) + "; retrain it (cinegraph train).");
        }
    }

    /** The width of the ranking network's user embedding. */
    public static int userEmbeddingSize(ComputationGraph network) {
        return (int) network.getLayer("userEmbedding").getParam("W").size(1);
    }

    static ComputationGraph rating(int dense, int users, int catalogue, RankerConfig config, long seed) {
        int e = config.embeddingSize();
        GraphBuilder graph = embeddings(config.ratingLearningRate(), config.l2() * 10, seed, RATING_INPUTS, users,
                catalogue, e)
                .addVertex("merged", new MergeVertex(), "dense", "userEmbedding", "movieEmbedding");
        return initialized(hiddenLayers(graph, dense + 2 * e, config.hidden())
                .addLayer("deviation", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(config.hidden() / 2)
                        .nOut(1).activation(Activation.IDENTITY).build(), "hidden2"), "deviation");
    }

    /** Adam, Xavier weights and L2 over {@code inputs}, with the user and the movie embedding ({@code width} wide). */
    private static GraphBuilder embeddings(double learningRate, double l2, long seed, String[] inputs, int users,
                                           int movies, int width) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .l2(l2)
                .graphBuilder()
                .addInputs(inputs)
                .addLayer("userEmbedding", new EmbeddingLayer.Builder().nIn(users + 1).nOut(width)
                        .activation(Activation.IDENTITY).build(), "user")
                .addLayer("movieEmbedding", new EmbeddingLayer.Builder().nIn(movies + 1).nOut(width)
                        .activation(Activation.IDENTITY).build(), "movie");
    }

    /** The MLP on "merged": ReLU layers hidden1 ({@code width}) and hidden2 ({@code width / 2}). */
    private static GraphBuilder hiddenLayers(GraphBuilder graph, int in, int width) {
        return graph
                .addLayer("hidden1", new DenseLayer.Builder().nIn(in).nOut(width)
                        .activation(Activation.RELU).build(), "merged")
                .addLayer("hidden2", new DenseLayer.Builder().nIn(width).nOut(width / 2)
                        .activation(Activation.RELU).build(), "hidden1");
    }

    private static ComputationGraph initialized(GraphBuilder graph, String output) {
        ComputationGraph network = new ComputationGraph(graph.setOutputs(output).build());
        network.init();
        return network;
    }
}
