package io.cinegraph.ingest;

import io.cinegraph.domain.DatasetInfo;
import io.cinegraph.domain.GraphCounts;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.domain.Interaction;
import io.cinegraph.graph.GraphData;
import io.cinegraph.graph.TestGraphs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first import through Neo4j's batch importer builds exactly the graph the transactional path builds: same
 * nodes, relationships, properties and property types (compared through the CSV export), in every layout.
 */
class BulkImportTest extends EmptyGraphTest {

    private static final ImportOptions TRANSACTIONS = new ImportOptions(2, ImportOptions.OnError.FAIL, null, false)
            .bulkFrom(Long.MAX_VALUE);
    private static final ImportOptions BULK = TRANSACTIONS.bulkFrom(0);

    @Test
    void everyLayoutGivesTheSameGraphThroughEitherPath() throws IOException {
        Map<String, Function<Path, Path>> layouts = Map.of("ml-100k", Fixtures::ml100k, "ml-1m", Fixtures::ml1m,
                "ml-10m", Fixtures::ml10m, "csv", Fixtures::csv);
        for (var layout : layouts.entrySet()) {
            Path data = layout.getValue().apply(tmp.resolve(layout.getKey()));
            assertSameGraph(data, layout.getKey());
        }
    }

    @Test
    void repeatedRatingsAndTagsKeepTheLaterRowAsTheUpsertsDo() throws IOException {
        Path data = Fixtures.csv(tmp.resolve("repeats"));
        Fixtures.write(data, "ratings.csv", "userId,movieId,rating,timestamp\n"
                + "1,1,5.0,964982703\n1,2,3.5,964981247\n2,1,4.0,964982224\n1,1,2.0,964990000\n3,3,2.5,964983815\n");
        Fixtures.write(data, "tags.csv", "userId,movieId,tag,timestamp\n"
                + "1,1,pixar,1445714994\n2,3,\"dark, surreal\",1445714996\n1,1,pixar,1445715000\n");
        Map<String, String> bulk = assertSameGraph(data, "repeats");
        assertThat(bulk.get("ratings.csv")).contains("1,1,2.0,964990000").doesNotContain("1,1,5.0");
        assertThat(bulk.get("tags.csv")).contains("1445715000").doesNotContain("1445714994");
    }

    @Test
    void theFiltersFalseAlarmsAreStagedAndOnlyRealRepeatsMerged() throws IOException {
        Path data = tmp.resolve("generated");
        new SyntheticGenerator(new SyntheticGenerator.Params(300, 400, 30_000, 7, data, SyntheticGenerator.Layout.CSV)).write();
        Path ratings = data.resolve("ratings.csv");
        List<String> rows = Files.readAllLines(ratings);
        StringBuilder repeats = new StringBuilder();
        for (String row : rows.subList(1, 41)) { // 40 pairs rated again, later and with another rating
            String[] f = row.split(",");
            repeats.append(f[0]).append(',').append(f[1]).append(",0.5,").append(Long.parseLong(f[3]) + 1).append('\n');
        }
        Files.writeString(ratings, repeats, java.nio.file.StandardOpenOption.APPEND);
        // the filter this import uses does raise false alarms on this file: the path is exercised
        SeenPairs filter = SeenPairs.forRatingsFile(Files.size(ratings));
        long falseAlarms = rows.subList(1, rows.size()).stream().map(r -> r.split(","))
                .filter(f -> filter.add(Long.parseLong(f[0]), Long.parseLong(f[1]))).count();
        assertThat(falseAlarms).isPositive();

        Map<String, String> bulk = assertSameGraph(data, "generated",
                new ImportOptions(1_000, ImportOptions.OnError.FAIL, null, false).bulkFrom(Long.MAX_VALUE));
        assertThat(bulk.get("ratings.csv").lines().filter(l -> l.contains(",0.5,")).count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aBadRowStopsTheBulkImportKeepingEveryRowBeforeIt() {
        Path data = Fixtures.csv(tmp.resolve("bad"));
        Fixtures.write(data, "ratings.csv", "userId,movieId,rating,timestamp\n"
                + "1,1,5.0,964982703\n1,2,3.5,964981247\n2,99,4.0,964982224\n3,3,2.5,964983815\n");

        ImportSummary summary = importer.run(data, BULK);

        assertThat(summary.completed()).isFalse();
        assertThat(summary.errors()).singleElement().asString().contains("ratings.csv:4").contains("movie 99");
        GraphCounts counts = catalog.counts();
        assertThat(counts.movies()).isEqualTo(4);
        assertThat(counts.ratings()).isEqualTo(2);
        DatasetInfo dataset = catalog.dataset().orElseThrow();
        assertThat(dataset.complete()).isFalse();
        assertThat(dataset.fingerprint()).isNotBlank();
    }

    @Test
    void aTrainingGraphCopiedThroughTheBatchImporterEqualsTheTransactionalCopy() throws IOException {
        importer.run(Fixtures.csv(tmp.resolve("source")), TRANSACTIONS);
        GraphData data = GraphData.read(graph);
        List<Interaction> history = data.ratings().subList(0, data.ratings().size() - 1);
        TestGraphs.clear(graph);

        data.copyInto(graph, history, Integer.MAX_VALUE);
        Map<String, String> expected = export(tmp.resolve("copy-transactions"));
        GraphCounts counts = catalog.counts();
        TestGraphs.clear(graph);
        data.copyInto(graph, history, 0);

        assertThat(export(tmp.resolve("copy-bulk"))).isEqualTo(expected);
        assertThat(catalog.counts()).isEqualTo(counts);
        assertThat(counts.ratings()).isEqualTo(history.size());
        assertThat(counts.users()).isEqualTo(data.users().size());
    }

    /** Imports {@code data} through transactions, then through the batch importer; returns the bulk export. */
    private Map<String, String> assertSameGraph(Path data, String name) throws IOException {
        return assertSameGraph(data, name, TRANSACTIONS);
    }

    private Map<String, String> assertSameGraph(Path data, String name, ImportOptions transactions) throws IOException {
        ImportSummary viaTransactions = importer.run(data, transactions);
        Map<String, String> expected = export(tmp.resolve(name + "-transactions"));
        GraphCounts counts = catalog.counts();
        DatasetInfo dataset = catalog.dataset().orElseThrow();
        TestGraphs.clear(graph);

        ImportSummary viaBulk = importer.run(data, transactions.bulkFrom(0));

        Map<String, String> bulk = export(tmp.resolve(name + "-bulk"));
        assertThat(bulk).as(name).isEqualTo(expected);
        assertThat(catalog.counts()).as(name).isEqualTo(counts);
        assertThat(catalog.dataset().orElseThrow()).as(name).usingRecursiveComparison()
                .ignoringFields("importedAt").isEqualTo(dataset);
        assertThat(viaBulk.ratingsCreated()).as(name).isEqualTo(viaTransactions.ratingsCreated());
        assertThat(viaBulk.ratingsUpdated()).as(name).isEqualTo(viaTransactions.ratingsUpdated());
        TestGraphs.clear(graph);
        return bulk;
    }

    /** Every exported file, its lines sorted (the two paths store nodes and relationships in other orders). */
    private Map<String, String> export(Path dir) throws IOException {
        new CsvExporter(new IngestRepository(graph)).export(dir);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), String.join("\n", Files.readAllLines(f).stream().sorted().toList()));
            }
        }
        return files;
    }
}
