package io.cinegraph.cli;

import io.cinegraph.graph.IngestRepository;
import io.cinegraph.ingest.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The subcommands, run in-process against the service's embedded graph, as the jar runs them. */
@QuarkusTest
class CliTest {

    @TempDir
    Path tmp;

    @Inject
    CommandLine.IFactory factory;

    @Inject
    IngestRepository ingest;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void emptyGraph() {
        ingest.clearGraph();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = CineGraphCommand.commandLine(factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void commandsOtherThanServeKeepHttpClosedAndPutBoltOnAFreePort() {
        java.util.Properties none = new java.util.Properties();
        assertThat(CineGraphMain.forCommand(new String[]{"import", "--path", "x"}, none))
                .containsEntry("quarkus.http.host-enabled", "false").containsEntry(CineGraphMain.BOLT_PORT, "0");
        assertThat(CineGraphMain.forCommand(new String[]{"serve"}, none)).isEmpty();
        assertThat(CineGraphMain.forCommand(new String[0], none)).isEmpty();
        java.util.Properties chosen = new java.util.Properties();
        chosen.setProperty(CineGraphMain.BOLT_PORT, "7699");
        assertThat(CineGraphMain.forCommand(new String[]{"signals"}, chosen)).doesNotContainKey(CineGraphMain.BOLT_PORT);
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve", "import", "generate", "export-csv", "stats");
        assertThat(run("import", "--help")).isZero();
        assertThat(out.toString()).contains("--path", "--dataset", "--on-error", "--batch-size", "--rejects");
    }

    @Test
    void importPrintsASummaryAndStatsShowTheCounts() throws Exception {
        Path dir = Fixtures.ml100k(Files.createDirectories(tmp.resolve("cli-ml100k")));
        assertThat(run("import", "--path", dir.toString())).isZero();
        assertThat(out.toString()).contains("Imported", "3 users, 4 movies, 4 genres, 5 ratings, 0 tags");

        assertThat(run("stats")).isZero();
        assertThat(out.toString()).containsPattern("ratings\\s+5").contains("ml-100k");
    }

    @Test
    void aMissingDirectoryIsOneSentenceAndExitCodeOne() {
        assertThat(run("import", "--path", "/nowhere/ml-100k")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: No such directory: /nowhere/ml-100k.");
    }

    @Test
    void failModeExitsNonZeroWithFileAndLineAndSkipModeWritesRejects() throws Exception {
        Path dir = Fixtures.csv(Files.createDirectories(tmp.resolve("cli-bad")));
        Fixtures.write(dir, "ratings.csv", "userId,movieId,rating,timestamp\n1,1,5.0,1\n1,2,nine,2\n2,1,4.0,3\n");

        assertThat(run("import", "--path", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("ratings.csv:3: rating is not a number: 'nine'");

        Path rejects = dir.resolve("rejects.txt");
        assertThat(run("import", "--path", dir.toString(), "--on-error=skip", "--rejects", rejects.toString())).isZero();
        assertThat(out.toString()).contains("2 ratings").contains("1 rejected row");
        assertThat(Files.readAllLines(rejects)).containsExactly("ratings.csv:3: rating is not a number: 'nine'", "\t1,2,nine,2");
    }

    @Test
    void aBadOptionValueIsAUsageError() {
        assertThat(run("import", "--path", "x", "--on-error=maybe")).isEqualTo(2);
        assertThat(err.toString()).contains("expected fail or skip");
    }

    @Test
    void generatedDataImportsWithTheRequestedCounts() throws Exception {
        Path out1 = Files.createDirectories(tmp.resolve("cli-gen"));
        assertThat(run("generate", "--users", "50", "--movies", "120", "--ratings", "2000", "--seed", "5",
                "--out", out1.toString())).isZero();
        assertThat(run("import", "--path", out1.toString())).isZero();
        assertThat(out.toString()).contains("50 users, 120 movies, 19 genres, 2,000 ratings");
    }

    @Test
    void exportCsvWritesFilesTheCsvImporterReadsBackToTheSameCounts() throws Exception {
        Path dir = Fixtures.ml1m(Files.createDirectories(tmp.resolve("cli-ml1m")));
        run("import", "--path", dir.toString());
        String imported = out.toString();
        Path exported = Files.createDirectories(tmp.resolve("cli-export"));
        assertThat(run("export-csv", "--out", exported.toString())).isZero();
        assertThat(out.toString()).contains("4 movies, 3 users, 5 ratings, 0 tags");
        assertThat(Files.list(exported).map(p -> p.getFileName().toString()).sorted().toList())
                .isEqualTo(List.of("links.csv", "movies.csv", "ratings.csv", "tags.csv", "users.csv"));

        ingest.clearGraph();
        assertThat(run("import", "--path", exported.toString())).isZero();
        assertThat(out.toString()).contains("3 users, 4 movies, 8 genres, 5 ratings");
        assertThat(imported).contains("3 users, 4 movies, 8 genres, 5 ratings");
    }

    @Test
    void evaluatePrintsATableAndWritesJsonForEveryBaseline() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("cli-eval"));
        run("generate", "--users", "80", "--movies", "150", "--ratings", "4000", "--seed", "3", "--out", data.toString());
        Path json = data.resolve("results.json");
        Path report = data.resolve("report");
        assertThat(run("evaluate", "--path", data.toString(), "--protocol", "leave-last-out", "--negatives", "20",
                "--json", json.toString(), "--report", report.toString())).isZero();
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("<table>", "<svg", "ease", "NDCG@10 by user activity");
        assertThat(out.toString()).contains("leave-last-out", "most-popular", "item-knn-cosine", "ease", "user-knn",
                "item-knn ", "genre", "cohort", "popular", "ranker", "sampled hr@10", "Graph baselines: training graph built");
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("protocol").asText()).isEqualTo("leave-last-out");
        assertThat(doc.get("models")).hasSize(11);
        assertThat(doc.get("models").get(10).get("name").asText()).isEqualTo("ranker");
        assertThat(doc.get("models").get(1).get("name").asText()).isEqualTo("biases");
        assertThat(doc.get("models").get(1).get("rating").get("rmse").asDouble()).isPositive();
        assertThat(out.toString()).contains("Rating prediction on this split", "by demographic cohort");
        for (var model : doc.get("models")) {
            if (!model.has("full")) {
                continue;
            }
            assertThat(model.get("full").get("ndcg@10").asDouble()).isBetween(0.0, 1.0);
            assertThat(model.get("sampled").get("hr@10").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(doc.get("dataset").get("test").asInt()).isEqualTo(80);
        assertThat(doc.get("models").get(2).get("ndcgByActivity").size()).isPositive();
        assertThat(doc.get("models").get(2).get("ndcgByCohort").size()).isPositive();
        assertThat(run("evaluate", "--path", data.toString(), "--protocol", "random")).isEqualTo(2);
    }

    @Test
    void tuneJournalsTrialsSavesTheBestAsAProfileResumesAndEvaluateComparesProfiles() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("cli-tune"));
        run("generate", "--users", "80", "--movies", "150", "--ratings", "4000", "--seed", "3", "--out", data.toString());
        Path journal = data.resolve("study.jsonl");
        Path json = data.resolve("tune.json");
        Path report = data.resolve("tune-report");
        assertThat(run("tune", "--path", data.toString(), "--trials", "3", "--startup-trials", "2", "--budget", "30m",
                "--journal", journal.toString(), "--json", json.toString(), "--report", report.toString(),
                "--profile", "cli-tuned", "--confirm", "1")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("trial", "ndcg@10", "Best: trial", "confirmation", "Chosen: ",
                "Profile 'cli-tuned' saved");
        assertThat(Files.readAllLines(journal)).hasSize(4);
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("trials")).hasSize(3);
        assertThat(doc.get("confirmation").get("rows")).as("trial 0 and the leader on the confirmation data").hasSize(2);
        assertThat(doc.get("chosen").get("number").asInt()).isEqualTo(doc.get("confirmation").get("chosen").asInt());
        assertThat(doc.get("best").get("ndcg").asDouble()).isBetween(0.0, 1.0)
                .isGreaterThanOrEqualTo(doc.get("defaults").get("ndcg").asDouble());
        assertThat(doc.get("bestSoFar")).hasSize(3);
        assertThat(Files.readString(report.resolve("index.html"))).contains("Best trial against the defaults", "<svg",
                "ease-lambda");
        Path profile = Path.of(doc.get("profile").asText());
        assertThat(Files.readString(profile)).contains("cinegraph.ranker.ease-lambda=", "Best of 3 trials");

        assertThat(run("tune", "--path", data.toString(), "--trials", "4", "--startup-trials", "2",
                "--journal", journal.toString(), "--profile", "cli-tuned", "--confirm", "0")).isZero();
        assertThat(Files.readAllLines(journal)).as("resumed: one more trial").hasSize(5);
        assertThat(run("tune", "--path", data.toString(), "--trials", "4", "--sampler", "random",
                "--journal", journal.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("journal of another study");

        Path results = data.resolve("eval.json");
        assertThat(run("evaluate", "--path", data.toString(), "--protocol", "last-fraction", "--models", "ease,ranker",
                "--profile", "default,cli-tuned", "--json", results.toString())).as(err.toString()).isZero();
        var evaluation = new com.fasterxml.jackson.databind.ObjectMapper().readTree(results.toFile());
        List<String> names = new java.util.ArrayList<>();
        evaluation.get("models").forEach(m -> names.add(m.get("name").asText()));
        assertThat(names).contains("ease", "ranker@default", "ranker@cli-tuned");
        assertThat(run("evaluate", "--path", data.toString(), "--models", "ranker", "--profile", "nonesuch")).isEqualTo(1);
        assertThat(err.toString()).contains("no tuning profile", "nonesuch.properties");

        assertThat(run("tune", "--trials", "1", "--journal", data.resolve("empty.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("the graph holds no ratings");
        assertThat(run("import", "--path", data.toString())).isZero();
        assertThat(run("tune", "--trials", "1", "--journal", data.resolve("live.jsonl").toString(), "--profile", "cli-live"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("the graph's 4,000 ratings", "Best: trial 0");
    }

    @Test
    void evaluateFoldsReportsRatingErrorsOfTheBaselinesOverTheFiveFolds() throws Exception {
        Path dir = Fixtures.ml100k(Files.createDirectories(tmp.resolve("cli-folds")));
        for (int fold = 1; fold <= 5; fold++) {
            Fixtures.write(dir, "u" + fold + ".base", "1\t1\t5\t1\n1\t2\t3\t2\n2\t1\t4\t3\n3\t3\t2\t4\n");
            Fixtures.write(dir, "u" + fold + ".test", "2\t3\t1\t5\n");
        }
        assertThat(run("evaluate", "--path", dir.toString(), "--protocol", "folds")).isZero();
        // global mean of the base files is 3.5; the test rating is 1: RMSE = MAE = 2.5 in every fold
        assertThat(out.toString()).containsPattern("global-mean\\s+2\\.5000\\s+2\\.5000").contains("biases");
        Path csv = Fixtures.csv(Files.createDirectories(tmp.resolve("cli-nofolds")));
        assertThat(run("evaluate", "--path", csv.toString(), "--protocol", "folds")).isEqualTo(1);
        assertThat(err.toString()).contains("ships no u1-u5 fold files");
    }

    @Test
    void theScaleBenchmarkRunsEveryStageAndPrintsItsTable() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("cli-bench-scale"));
        String table = benchScale(work, "20,000", List.of("generate", "import", "signals", "train", "serve"),
                "--ratings", "20000", "--requests", "10", "--page-cache", "64m");
        assertThat(table).contains("400 users, 200 movies", "on disk", "p99");
        assertThat(work.resolve("ratings-20000")).as("the generated set is deleted").doesNotExist();
    }

    @Test
    void theScaleBenchmarkImportsTwoHundredThousandRatingsInBulkAndComputesTheirSignals() throws Exception {
        String table = benchScale(Files.createDirectories(tmp.resolve("cli-bench-scale-200k")), "200,000",
                List.of("generate", "import", "signals"), "--ratings", "200000", "--stages", "signals", "--page-cache", "128m");
        assertThat(table).doesNotContainPattern("200,000 train ");
        assertThat(table).contains("on disk", "serving not measured");
    }

    /** Runs bench-scale in {@code work} and checks its table has a row for each stage at that size. */
    private String benchScale(Path work, String size, List<String> stages, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("bench-scale", "--work", work.toString()));
        args.addAll(List.of(options));
        assertThat(run(args.toArray(String[]::new))).isZero();
        String table = out.toString();
        for (String stage : stages) {
            assertThat(table).containsPattern(size + " " + stage + " ");
        }
        return table;
    }
}
