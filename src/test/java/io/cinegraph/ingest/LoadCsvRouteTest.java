package io.cinegraph.ingest;

import io.cinegraph.domain.GraphCounts;
import io.cinegraph.domain.Movie;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.graph.TestGraphs;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The LOAD CSV scripts under import/ build the same graph as the importer. */
class LoadCsvRouteTest extends EmptyGraphTest {

    private static final Path SCRIPTS = Path.of("import");

    @Test
    void theCsvReleaseLoadedWithLoadCsvEqualsTheImporter() throws IOException {
        Path fixture = Fixtures.csv(tmp.resolve("csv"));
        importer.run(fixture, new ImportOptions(100, ImportOptions.OnError.FAIL, null, false));
        GraphCounts imported = catalog.counts();
        List<Movie> importedMovies = movies();

        TestGraphs.clear(graph);
        copyToImportDir(fixture);
        runScripts("01_constraints", "02_movies", "03_links", "05_ratings", "06_tags");

        assertThat(catalog.counts()).isEqualTo(imported);
        assertThat(movies()).isEqualTo(importedMovies);
    }

    @Test
    void ml100kExportedAsCsvAndLoadedWithLoadCsvEqualsTheImporter() throws IOException {
        importer.run(Fixtures.ml100k(tmp.resolve("ml-100k")), new ImportOptions(100, ImportOptions.OnError.FAIL, null, false));
        GraphCounts imported = catalog.counts();
        List<Movie> importedMovies = movies();
        var user = catalog.user(2).orElseThrow();
        Path exported = tmp.resolve("exported");
        new CsvExporter(new IngestRepository(graph)).export(exported);

        TestGraphs.clear(graph);
        copyToImportDir(exported);
        runScripts("01_constraints", "02_movies", "03_links", "04_users", "05_ratings", "06_tags");

        // ml-100k declares a genre no movie has ("unknown" is on movie 4 only here, so all 4 are used)
        assertThat(catalog.counts()).isEqualTo(imported);
        assertThat(movies()).isEqualTo(importedMovies);
        assertThat(catalog.user(2).orElseThrow()).isEqualTo(user);
    }

    private List<Movie> movies() {
        List<Movie> movies = new ArrayList<>();
        for (long id = 1; id <= 4; id++) {
            movies.add(catalog.movie(id).orElseThrow());
        }
        return movies;
    }

    private void copyToImportDir(Path from) throws IOException {
        Path importDir = TestGraphs.importDir();
        Files.createDirectories(importDir);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, importDir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Runs the scripts as cypher-shell would: statement by statement, each in its own auto-commit transaction. */
    private void runScripts(String... names) throws IOException {
        try (Driver driver = GraphDatabase.driver(graph.boltUri(), AuthTokens.none());
             Session session = driver.session()) {
            for (String name : names) {
                String text = Files.readString(SCRIPTS.resolve(name + ".cypher"));
                StringBuilder statement = new StringBuilder();
                for (String line : text.split("\n")) {
                    if (line.strip().startsWith("//")) {
                        continue;
                    }
                    statement.append(line).append('\n');
                    if (line.strip().endsWith(";")) {
                        String s = statement.toString().strip();
                        session.run(s.substring(0, s.length() - 1)).consume();
                        statement.setLength(0);
                    }
                }
            }
        }
    }
}
