package io.cinegraph.ingest;

import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.TestGraphs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Import tests on the JVM's shared embedded graph, emptied before each test, with an importer and the catalog. */
abstract class EmptyGraphTest {

    @TempDir
    Path tmp;

    Graph graph;
    CatalogRepository catalog;
    Importer importer;

    @BeforeEach
    void emptyGraph() {
        graph = TestGraphs.shared();
        TestGraphs.clear(graph);
        catalog = new CatalogRepository(graph);
        importer = Fixtures.importer(graph);
    }
}
