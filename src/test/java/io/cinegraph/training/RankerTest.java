package io.cinegraph.training;

import io.cinegraph.domain.Interaction;
import io.cinegraph.domain.Rows;
import io.cinegraph.domain.UserSide;
import io.cinegraph.evaluation.Evaluator;
import io.cinegraph.evaluation.GraphBaselines;
import io.cinegraph.evaluation.Metrics;
import io.cinegraph.evaluation.MostPopular;
import io.cinegraph.evaluation.Split;
import io.cinegraph.evaluation.Splitter;
import io.cinegraph.graph.FeatureRepository;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.ingest.DatasetFormat;
import io.cinegraph.ingest.RowSink;
import io.cinegraph.ingest.SourcePosition;
import io.cinegraph.ingest.SyntheticGenerator;
import io.cinegraph.model.RatingBaselines;
import io.cinegraph.ranker.ModelException;
import io.cinegraph.ranker.ModelInfo;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.ranker.TestRankerConfig;
import io.cinegraph.signals.FeatureExtractor;
import io.cinegraph.signals.SignalSnapshots;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.signals.TestSignalsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The ranker on generated data with planted, genre-clustered tastes: trained on a graph that holds the training
 * ratings only, it must rank each user's latest ratings above what popularity does, predict stars better than the
 * global mean, survive a save/load round trip unchanged, and refuse a model trained on other features.
 */
class RankerTest {

    @TempDir
    static Path tmp;

    private static Path dataset;
    private static List<Interaction> all;
    private static Split split;
    private static GraphBaselines trainingGraph;
    private static RankerRecommender ranker;
    private static List<Evaluator.ModelResult> results;
    private static final SignalsConfig SIGNALS = TestSignalsConfig.fixture();

    @BeforeAll
    static void trainOnGeneratedData() throws IOException {
        dataset = tmp.resolve("gen");
        new SyntheticGenerator(new SyntheticGenerator.Params(150, 200, 9_000, 5, dataset,
                SyntheticGenerator.Layout.ML_100K)).write();
        all = ratings(dataset);
        split = Splitter.lastFraction(0.2).split(all);
        trainingGraph = new GraphBaselines(dataset, split.train(), SIGNALS);
        ranker = new RankerRecommender(trainingGraph.graph(), TestRankerConfig.small(tmp.resolve("models")), SIGNALS);
        results = new Evaluator(10, 0, 1).run(all, split, List.of(new MostPopular(), ranker));
    }

    @AfterAll
    static void closeGraph() {
        trainingGraph.close();
    }

    @Test
    void ranksTheLatestRatingsAbovePopularity() {
        double popular = results.get(0).full().get("ndcg@10");
        double neural = results.get(1).full().get("ndcg@10");
        assertThat(neural).isGreaterThan(popular * 1.1);
        assertThat(results.get(1).full().get("recall@20")).isGreaterThan(results.get(0).full().get("recall@20"));
        ModelInfo info = ranker.model().info();
        assertThat(info.validation().get("ndcg@10")).isBetween(0.0, 1.0);
        assertThat(info.ratings()).isEqualTo(split.train().size());
        assertThat(info.datasetFingerprint()).hasSize(16);
    }

    @Test
    void predictsStarsBetterThanTheGlobalMean() {
        RankerModel model = ranker.model();
        Map<Long, Map<Long, Double>> byUser = new HashMap<>();
        split.train().forEach(i -> byUser.computeIfAbsent(i.userId(), u -> new HashMap<>()).put(i.movieId(), i.rating()));
        double[] predicted = new double[split.test().size()];
        double[] actual = new double[predicted.length];
        double mu = RatingBaselines.fit(split.train(), 1, 0, 0).globalMean();
        double[] mean = new double[predicted.length];
        for (int t = 0; t < predicted.length; t++) {
            Interaction i = split.test().get(t);
            predicted[t] = model.predictRatings(i.userId(), byUser.get(i.userId()), new long[]{i.movieId()})[0];
            actual[t] = i.rating();
            mean[t] = mu;
            assertThat(predicted[t]).isBetween(1.0, 5.0);
        }
        assertThat(Metrics.rmse(predicted, actual)).isLessThan(Metrics.rmse(mean, actual));
    }

    @Test
    void aSavedModelScoresExactlyAsTheTrainedOneAndOldVersionsArePruned() {
        ModelStore store = new DirectoryModelStore(tmp.resolve("store"));
        RankerModel model = ranker.model();
        store.save(model);
        store.activate(model.info().version());
        RankerModel loaded = store.loadActive().orElseThrow();
        assertThat(loaded.info().version()).isEqualTo(model.info().version());
        assertThat(loaded.info().datasetFingerprint()).isEqualTo(model.info().datasetFingerprint());
        assertThat(loaded.info().validation()).isEqualTo(model.info().validation());

        FeatureRepository features = new FeatureRepository(trainingGraph.graph());
        SignalSnapshots snapshots = new SignalSnapshots(features, new SignalsRepository(trainingGraph.graph()));
        FeatureExtractor extractor = new FeatureExtractor(features, snapshots, SIGNALS);
        UserSide request = extractor.request(3).orElseThrow();
        RankerConfig config = TestRankerConfig.small(tmp);
        List<RankerModel.Scored> before = model.rank(3, request, List.of(), snapshots.current(), extractor, config, 10);
        List<RankerModel.Scored> after = loaded.rank(3, request, List.of(), snapshots.current(), extractor, config, 10);
        assertThat(after).hasSameSizeAs(before).isNotEmpty();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).movieId()).isEqualTo(before.get(i).movieId());
            assertThat(after.get(i).score()).isCloseTo(before.get(i).score(), within(1e-6));
        }
        long[] top = before.stream().limit(10).mapToLong(RankerModel.Scored::movieId).toArray();
        var context = model.context(3, request, snapshots.current(), 10);
        double[] starsBefore = model.predictRatings(context, top);
        double[] starsAfter = loaded.predictRatings(loaded.context(3, request, snapshots.current(), 10), top);
        for (int i = 0; i < top.length; i++) {
            assertThat(starsAfter[i]).isCloseTo(starsBefore[i], within(1e-6));
        }
        assertThat(before).noneMatch(s -> request.ratings().stream().anyMatch(r -> r.movieId() == s.movieId()));

        store.save(model.withInfo(withVersion(model.info(), "20990101-000000-001")));
        store.save(model.withInfo(withVersion(model.info(), "20990101-000000-002")));
        assertThat(store.prune(2)).isEmpty(); // the oldest is the active one: kept
        assertThat(store.versions()).contains(model.info().version());
        store.activate("20990101-000000-002");
        assertThat(store.prune(2)).containsExactly(model.info().version());
    }

    @Test
    void aModelTrainedOnOtherFeaturesIsRefusedWithAClearMessage() throws IOException {
        ModelStore store = new DirectoryModelStore(tmp.resolve("stale"));
        store.save(ranker.model());
        Path dir = tmp.resolve("stale").resolve(ranker.model().info().version());
        Path schema = dir.resolve("schema.json");
        Files.writeString(schema, Files.readString(schema).replace("\"historyMean\"", "\"historyMedian\""));
        assertThatThrownBy(() -> store.load(dir.getFileName().toString()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("historyMedian").hasMessageContaining("retrain");
    }

    @Test
    void aNewUserWithLikedGenresGetsThoseGenres() {
        FeatureRepository features = new FeatureRepository(trainingGraph.graph());
        SignalSnapshots snapshots = new SignalSnapshots(features, new SignalsRepository(trainingGraph.graph()));
        var snapshot = snapshots.current();
        List<String> liked = List.of("Horror", "Thriller");
        double[] scores = ranker.signUpScores(1, liked);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(scores[b], scores[a]));
        TrainingDataView view = new TrainingDataView(all, split);
        long inLiked = order.subList(0, 10).stream()
                .filter(i -> snapshot.movie(view.itemId(i)).genres().stream().anyMatch(liked::contains)).count();
        long popularInLiked = view.mostPopular(10).stream()
                .filter(m -> snapshot.movie(m).genres().stream().anyMatch(liked::contains)).count();
        assertThat(inLiked).isGreaterThan(popularInLiked);
    }

    private static ModelInfo withVersion(ModelInfo info, String version) {
        return new ModelInfo(version, info.trainedAt(), info.datasetFingerprint(), info.ratings(), info.users(),
                info.movies(), info.hyperParameters(), info.validation(), info.trainSeconds());
    }

    /** The evaluation's catalogue indexing and training popularity. */
    private record TrainingDataView(io.cinegraph.model.TrainingData data) {
        TrainingDataView(List<Interaction> all, Split split) {
            this(new io.cinegraph.model.TrainingData(split.train(), all));
        }

        long itemId(int i) {
            return data.itemId(i);
        }

        List<Long> mostPopular(int n) {
            int[] counts = data.itemCounts();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                order.add(i);
            }
            order.sort((a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
            return order.subList(0, n).stream().map(data::itemId).toList();
        }
    }

    private static List<Interaction> ratings(Path dir) throws IOException {
        List<Interaction> out = new ArrayList<>();
        DatasetFormat.open(dir).ratings(new RowSink<>() {
            @Override
            public void accept(Rows.RatingRow r, SourcePosition position, String rawLine) {
                out.add(new Interaction(r.userId(), r.movieId(), r.rating(), r.ratedAt()));
            }

            @Override
            public void reject(SourcePosition position, String reason, String rawLine) {
                throw new IllegalStateException(reason);
            }
        }, bytes -> { });
        return out;
    }
}
