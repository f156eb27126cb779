package io.cinegraph.graph;

import io.cinegraph.graph.CandidateRepository.CandidateRow;
import org.neo4j.driver.Record;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A candidate query's rows, column by column: movie ids, titles (one shared instance per title), years and scores in
 * arrays, the evidence in an {@link Evidence.Table}. A row is put together when read ({@link #get}); a served user's
 * cached proposals hold hundreds of rows, and their rows as objects cost several times their values.
 */
final class CandidateRows extends AbstractList<CandidateRow> implements RandomAccess {

    private static final Set<String> ROW_COLUMNS = Set.of("movieId", "title", "year", "score");
    private static final int NO_YEAR = Integer.MIN_VALUE;

    private final long[] movieIds;
    private final String[] titles;
    private final int[] years;
    private final double[] scores;
    private final Evidence.Table evidence;

    private CandidateRows(List<Record> rows) {
        int n = rows.size();
        movieIds = new long[n];
        titles = new String[n];
        years = new int[n];
        scores = new double[n];
        for (int i = 0; i < n; i++) {
            Record r = rows.get(i);
            movieIds[i] = r.get("movieId").asLong();
            titles[i] = r.get("title").isNull() ? null : Evidence.STRINGS.intern(r.get("title").asString());
            Integer year = CatalogRepository.intOrNull(r.get("year"));
            years[i] = year == null ? NO_YEAR : year;
            scores[i] = r.get("score").asDouble();
        }
        evidence = Evidence.Table.of(rows, ROW_COLUMNS);
    }

    static CandidateRows of(List<Record> rows) {
        return new CandidateRows(rows);
    }

    @Override
    public CandidateRow get(int index) {
        return new CandidateRow(movieIds[index], titles[index], years[index] == NO_YEAR ? null : years[index],
                scores[index], evidence.row(index));
    }

    @Override
    public int size() {
        return movieIds.length;
    }
}
