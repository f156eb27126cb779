package io.cinegraph.evaluation;

import io.cinegraph.domain.Interaction;
import io.cinegraph.ingest.DatasetFormat;
import io.cinegraph.ingest.DatasetReader;
import io.cinegraph.model.RatingBaselines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rating prediction on ml-100k's u1–u5 folds: RMSE and MAE of each model per fold and averaged over the folds. */
public final class FoldsProtocol {

    public static final int FOLDS = 5;

    /** Predicts the stars of {@code test} from a model fitted on {@code train}. */
    @FunctionalInterface
    public interface RatingPredictor {
        double[] predict(List<Interaction> train, List<Interaction> test);
    }

    /** One model's errors: per fold ({@code [fold][0]} RMSE, {@code [fold][1]} MAE) and their means. */
    public record Errors(String model, double[][] perFold, double meanRmse, double meanMae) {
    }

    private FoldsProtocol() {
    }

    /** The global mean and user + item biases, and each extra predictor by name, on every fold. */
    public static List<Errors> run(Path dataset, Map<String, RatingPredictor> extra) throws IOException {
        DatasetReader reader = DatasetFormat.open(dataset);
        Map<String, RatingPredictor> predictors = new LinkedHashMap<>();
        predictors.put("global-mean", (train, test) -> {
            double mu = train.stream().mapToDouble(Interaction::rating).average().orElse(0);
            return test.stream().mapToDouble(i -> mu).toArray();
        });
        predictors.put("biases", (train, test) -> {
            RatingBaselines biases = RatingBaselines.fit(train, RatingBaselines.EPOCHS, RatingBaselines.ITEM_REG,
                    RatingBaselines.USER_REG);
            return test.stream().mapToDouble(i -> biases.predict(i.userId(), i.movieId())).toArray();
        });
        predictors.putAll(extra);
        double[][][] errors = new double[predictors.size()][FOLDS][2];
        for (int fold = 1; fold <= FOLDS; fold++) {
            List<Interaction> base = Datasets.fold(reader, fold, false);
            List<Interaction> test = Datasets.fold(reader, fold, true);
            double[] actual = test.stream().mapToDouble(Interaction::rating).toArray();
            int m = 0;
            for (RatingPredictor predictor : predictors.values()) {
                double[] predicted = predictor.predict(base, test);
                errors[m][fold - 1][0] = Metrics.rmse(predicted, actual);
                errors[m][fold - 1][1] = Metrics.mae(predicted, actual);
                m++;
            }
        }
        List<Errors> out = new ArrayList<>();
        int m = 0;
        for (String name : predictors.keySet()) {
            double rmse = 0;
            double mae = 0;
            for (double[] e : errors[m]) {
                rmse += e[0];
                mae += e[1];
            }
            out.add(new Errors(name, errors[m], rmse / FOLDS, mae / FOLDS));
            m++;
        }
        return out;
    }
}
