package io.cinegraph.cli;

import io.cinegraph.ingest.CsvExporter;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export-csv", mixinStandardHelpOptions = true,
        description = {"Write the graph as ml-latest-style CSV (movies, ratings, tags, links) plus users.csv "
                + "(demographics), the input of the LOAD CSV scripts in import/."})
public class ExportCsvCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the CSV files to.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject CsvExporter exporter;

    @Override
    public Integer call() {
        CsvExporter.Export e = exporter.export(out);
        spec.commandLine().getOut().printf("Wrote %,d movies, %,d users, %,d ratings, %,d tags to %s%n",
                e.movies(), e.users(), e.ratings(), e.tags(), e.dir());
        return 0;
    }
}
