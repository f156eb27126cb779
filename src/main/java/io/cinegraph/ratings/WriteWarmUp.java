package io.cinegraph.ratings;

import io.cinegraph.domain.Interaction;
import io.cinegraph.domain.Rows;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.GraphData;
import io.cinegraph.graph.RatingRepository;
import io.cinegraph.ingest.SyntheticGenerator;
import io.cinegraph.signals.SignalGraph;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.support.ApiConfig;
import io.cinegraph.support.BudgetedWork;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A start-up step before readiness, with the embedded database: rating writes and the stale-user refresh that
 * follows them, run on a small throw-away graph in this process, so that the JIT compiles Neo4j's write and commit
 * path (relationships on dense nodes, index and log updates, id allocation) and the refresh queries before the
 * first client writes, instead of in the service's first minutes, when those compilations took a core beside the
 * requests. The service's graph is not touched: the throw-away graph holds generated users and movies, as dense as
 * a real catalogue's, and is deleted afterwards. An external Neo4j server compiles its own code; nothing is done
 * then.
 */
@ApplicationScoped
public class WriteWarmUp {

    private static final Logger LOG = Logger.getLogger(WriteWarmUp.class);
    /** The throw-away graph: each user rates {@value #RATED_PER_USER} of the movies, so both sides are dense nodes. */
    static final int USERS = 120;
    static final int MOVIES = 150;
    static final int RATED_PER_USER = 70;
    /** Writes per transaction in turn, as the service's group commit makes them under load. */
    private static final int MAX_BATCH = 4;
    /**
     * One transaction in this many is followed by the stale-user refresh of its users (statistics, affinities,
     * neighbours), which costs ten times a write: enough for those queries to be compiled, and most of the budget
     * goes to writes.
     */
    private static final int REFRESH_ONE_IN = 16;
    /** One write in this many replaces a rating the user already has; the others are new. */
    private static final int REPLACE_ONE_IN = 5;
    private static final long EPOCH = 1_600_000_000L;

    private final Graph graph;
    private final SignalsConfig signals;
    private final int writes;
    private final Duration budget;

    @jakarta.inject.Inject
    public WriteWarmUp(Graph graph, SignalsConfig signals, ApiConfig api) {
        this(graph, signals, api.warmUpWrites(), Duration.ofSeconds(api.warmUpWritesSeconds()));
    }

    WriteWarmUp(Graph graph, SignalsConfig signals, int writes, Duration budget) {
        this.graph = graph;
        this.signals = signals;
        this.writes = writes;
        this.budget = budget;
    }

    /** Writes up to the configured number of ratings on a throw-away graph; returns how many were written. */
    public int run() {
        if (writes <= 0 || budget.isZero() || !graph.isEmbedded()) {
            return 0;
        }
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        Random random = new Random(17);
        List<Interaction> rated = ratings(random);
        try (SignalGraph scratch = SignalGraph.temporary(g -> new GraphData(rated, users(), movies()).copyInto(g, rated),
                signals)) {
            RatingRepository repository = new RatingRepository(scratch.graph());
            List<List<RatingRepository.NewRating>> batches = batches(rated, random);
            List<Integer> order = java.util.stream.IntStream.range(0, batches.size()).boxed().toList();
            int done = BudgetedWork.forEach("Warming the write path", " transactions", order,
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                    Runtime.getRuntime().availableProcessors(),
                    i -> write(scratch, repository, batches.get(i), i % REFRESH_ONE_IN == 0));
            int written = batches.subList(0, Math.min(done, batches.size())).stream().mapToInt(List::size).sum();
            LOG.infof("Warmed the write path with %,d ratings in %,d transactions on a throw-away graph in %.1f s",
                    written, done, (System.nanoTime() - start) / 1e9);
            return written;
        } catch (RuntimeException e) {
            LOG.warnf("The write-path warm-up stopped: %s", e.getMessage());
            return 0;
        }
    }

    /** One shared transaction, then, if asked, what the stale-user refresh does for its users. */
    private static void write(SignalGraph scratch, RatingRepository repository, List<RatingRepository.NewRating> batch,
                              boolean refresh) {
        repository.putEach(batch, System.currentTimeMillis());
        if (!refresh) {
            return;
        }
        List<Long> users = batch.stream().map(RatingRepository.NewRating::userId).distinct().toList();
        scratch.job().refreshUserStats(users, batch.stream().map(RatingRepository.NewRating::movieId).toList());
        users.forEach(scratch.job()::refreshNeighbours);
    }

    private static List<Interaction> ratings(Random random) {
        List<Interaction> out = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            for (int m : random.ints(1, MOVIES + 1).distinct().limit(RATED_PER_USER).toArray()) {
                out.add(new Interaction(u, m, 1 + random.nextInt(5), EPOCH + random.nextInt(86_400 * 365)));
            }
        }
        return out;
    }

    /** {@link #writes} writes in transactions of 1 to {@value #MAX_BATCH}, each pair at most once per transaction. */
    private List<List<RatingRepository.NewRating>> batches(List<Interaction> rated, Random random) {
        Set<Long> taken = new HashSet<>();
        rated.forEach(r -> taken.add(r.userId() * (MOVIES + 1) + r.movieId()));
        List<List<RatingRepository.NewRating>> out = new ArrayList<>();
        List<RatingRepository.NewRating> batch = new ArrayList<>();
        int size = 1;
        for (int i = 0; i < writes; i++) {
            long user = 1 + random.nextInt(USERS);
            long movie = 1 + random.nextInt(MOVIES);
            boolean replace = i % REPLACE_ONE_IN == 0 || taken.size() >= USERS * MOVIES;
            // a new pair, unless this write replaces a rating (then any pair: a new one is fine too)
            while (!replace && !taken.add(user * (MOVIES + 1) + movie)) {
                user = 1 + random.nextInt(USERS);
                movie = 1 + random.nextInt(MOVIES);
            }
            long pair = user * (MOVIES + 1) + movie;
            if (batch.stream().anyMatch(r -> r.userId() * (MOVIES + 1) + r.movieId() == pair)) {
                continue;
            }
            batch.add(new RatingRepository.NewRating(user, movie, 1 + random.nextInt(5), EPOCH + 86_400L * 400 + i));
            if (batch.size() == size) {
                out.add(batch);
                batch = new ArrayList<>();
                size = 1 + out.size() % MAX_BATCH;
            }
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }

    private static List<Rows.UserRow> users() {
        String[] genders = {"F", "M"};
        int[] ages = {1, 18, 25, 35, 45, 50, 56};
        String[] occupations = {"writer", "programmer", "student", "educator", "artist"};
        List<Rows.UserRow> out = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            out.add(new Rows.UserRow(u, ages[u % ages.length], genders[u % 2], occupations[u % occupations.length],
                    String.format("%05d", u)));
        }
        return out;
    }

    private static List<Rows.MovieRow> movies() {
        List<String> genres = SyntheticGenerator.genres();
        List<Rows.MovieRow> out = new ArrayList<>();
        for (int m = 1; m <= MOVIES; m++) {
            List<String> of = List.of(genres.get(m % genres.size()), genres.get((m * 7 + 3) % genres.size()))
                    .stream().distinct().toList();
            out.add(new Rows.MovieRow(m, "Warm-up movie " + m, 1960 + m % 60, of, null, null));
        }
        return out;
    }
}
