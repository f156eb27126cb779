package io.cinegraph.ranker;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
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
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(config.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .l2(config.l2())
                .graphBuilder()
                .addInputs(RANKING_INPUTS)
                .addLayer("userEmbedding", new EmbeddingLayer.Builder().nIn(schema.users().size() + 1).nOut(e)
                        .activation(Activation.IDENTITY).build(), "user")
                .addLayer("movieEmbedding", new EmbeddingLayer.Builder().nIn(schema.newUserMovieSlot() + 1).nOut(e)
                        .activation(Activation.IDENTITY).build(), "movie")
                .addLayer("genreEmbedding", new DenseLayer.Builder().nIn(schema.genres().size()).nOut(8)
                        .activation(Activation.IDENTITY).hasBias(false).build(), "genres")
                .addLayer("demographicsEmbedding", new DenseLayer.Builder().nIn(schema.demographicsSize()).nOut(8)
                        .activation(Activation.IDENTITY).hasBias(false).build(), "demographics")
                .addVertex("knownUserEmbedding", new ElementWiseVertex(ElementWiseVertex.Op.Product), "userEmbedding",
                        "userKnown")
                .addVertex("merged", new MergeVertex(), "dense", "knownUserEmbedding", "movieEmbedding", "genreEmbedding",
                        "demographicsEmbedding")
                .addLayer("hidden1", new DenseLayer.Builder().nIn(schema.denseSize() + 2 * e + 16).nOut(config.hidden())
                        .activation(Activation.RELU).build(), "merged")
                .addLayer("hidden2", new DenseLayer.Builder().nIn(config.hidden()).nOut(config.hidden() / 2)
                        .activation(Activation.RELU).build(), "hidden1")
                .addVertex("wideAndDeep", new MergeVertex(), "dense", "hidden2")
                .addLayer("score", new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(schema.denseSize() + config.hidden() / 2).nOut(1)
                        .activation(Activation.SIGMOID).build(), "wideAndDeep")
                .setOutputs("score")
                .build();
        ComputationGraph network = new ComputationGraph(conf);
        network.init();
        return network;
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
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(config.ratingLearningRate()))
                .weightInit(WeightInit.XAVIER)
                .l2(config.l2() * 10)
                .graphBuilder()
                .addInputs(RATING_INPUTS)
                .addLayer("userEmbedding", new EmbeddingLayer.Builder().nIn(users + 1).nOut(e)
                        .activation(Activation.IDENTITY).build(), "user")
                .addLayer("movieEmbedding", new EmbeddingLayer.Builder().nIn(catalogue + 1).nOut(e)
                        .activation(Activation.IDENTITY).build(), "movie")
                .addVertex("merged", new MergeVertex(), "dense", "userEmbedding", "movieEmbedding")
                .addLayer("hidden1", new DenseLayer.Builder().nIn(dense + 2 * e).nOut(config.hidden())
                        .activation(Activation.RELU).build(), "merged")
                .addLayer("hidden2", new DenseLayer.Builder().nIn(config.hidden()).nOut(config.hidden() / 2)
                        .activation(Activation.RELU).build(), "hidden1")
                .addLayer("deviation", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(config.hidden() / 2).nOut(1)
                        .activation(Activation.IDENTITY).build(), "hidden2")
                .setOutputs("deviation")
                .build();
        ComputationGraph network = new ComputationGraph(conf);
        network.init();
        return network;
    }
}
