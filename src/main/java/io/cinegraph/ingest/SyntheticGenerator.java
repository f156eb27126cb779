package io.cinegraph.ingest;

import io.cinegraph.domain.TimeWindows;
import io.cinegraph.support.Progress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a MovieLens-shaped dataset with the structure real ones have, in constant memory whatever the rating
 * count (movies and users are held as arrays; ratings are written as they are drawn):
 * <ul>
 *   <li>long-tail popularity: movie weights follow a Zipf law over a random ranking;</li>
 *   <li>power-law activity: per-user rating counts from a Pareto law (at least {@value #MIN_RATINGS_PER_USER});</li>
 *   <li>genre-clustered tastes: every user belongs to one of {@value #TASTE_CLUSTERS} taste clusters, each of which
 *       loves two genres and dislikes one; which movies a user picks and how they rate them follow the taste;</li>
 *   <li>demographics that correlate with genres: the cluster is drawn from a distribution that depends on
 *       gender and age band, so cohorts differ in what they watch;</li>
 *   <li>timestamps: each user is active over a span of days; their ratings are in time order within it.</li>
 * </ul>
 * The same parameters and seed give the same bytes.
 */
public final class SyntheticGenerator {

    /** Output layouts: ml-100k's files (with demographics) or ml-latest's CSV (half stars, tags, links). */
    public enum Layout { ML_100K, CSV }

    public record Params(int users, int movies, long ratings, long seed, Path out, Layout layout) {
        public Params {
            if (users < 1 || movies < 2 || ratings < 1) {
                throw new IllegalArgumentException("users, movies and ratings must be positive (movies at least 2)");
            }
            if (ratings > (long) users * (movies / 2)) {
                throw new IllegalArgumentException("at most users x movies/2 = " + (long) users * (movies / 2)
                        + " ratings fit; asked for " + ratings);
            }
        }
    }

    /** What was written. */
    public record Result(Path out, int users, int movies, long ratings, long tags, double seconds) {
    }

    static final String[] GENRES = {"unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
            "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
            "Thriller", "War", "Western"};
    /** How often each genre is given to a movie (index-aligned with {@link #GENRES}; "unknown" never). */
    private static final double[] GENRE_FREQUENCY = {0, 10, 5, 2, 3, 20, 6, 2, 28, 2, 1, 4, 2, 3, 9, 4, 9, 3, 1};
    static final String[] OCCUPATIONS = {"administrator", "artist", "doctor", "educator", "engineer", "entertainment",
            "executive", "healthcare", "homemaker", "lawyer", "librarian", "marketing", "none", "other", "programmer",
            "retired", "salesman", "scientist", "student", "technician", "writer"};
    static final int TASTE_CLUSTERS = 8;
    /**
     * The planted taste of every user, beside the dataset (not a MovieLens file: importers ignore it):
     * {@code userId,loved,disliked}, the two genres their cluster loves ({@code |}-separated) and the one it dislikes.
     * {@code simulate --tastes} acts on it.
     */
    public static final String TASTES_FILE = "tastes.csv";
    /** Two loved genres and one disliked genre per taste cluster (indexes into {@link #GENRES}). */
    private static final int[][] CLUSTER_LOVES = {{1, 16}, {15, 2}, {14, 8}, {5, 4}, {10, 6}, {11, 16}, {7, 17}, {3, 12}};
    private static final int[] CLUSTER_HATES = {14, 14, 11, 11, 5, 4, 1, 11};
    /** Cluster weights by gender (0 = M, 1 = F) and age band (0: <25, 1: 25-44, 2: 45+). */
    private static final double[][][] CLUSTER_PRIOR = {
            {{4, 4, 0.5, 2, 1, 3, 1, 2}, {3, 3, 0.5, 2, 3, 2, 2, 1}, {2, 1, 0.5, 2, 4, 1, 4, 1}},
            {{1, 1, 8, 4, 1, 1, 1, 3}, {1, 1, 9, 3, 2, 1, 2, 2}, {1, 1, 9, 2, 3, 1, 3, 1}}};
    static final int MIN_RATINGS_PER_USER = 20;
    private static final double ZIPF_EXPONENT = 1.3;
    private static final double PARETO_ALPHA = 1.3;
    private static final double LOVE = 1.0;
    private static final double HATE = -1.2;
    private static final double RATING_NOISE = 0.7;
    /** How strongly taste decides what a user watches (log-odds per unit of affinity). */
    private static final double TASTE_SELECTIVITY = 3.5;
    /** Standard deviation of a user's personal taste around their cluster's, per genre. */
    private static final double PERSONAL_TASTE_SD = 0.25;
    /** Personal deviations above this are accepted always (about 2 standard deviations). */
    private static final double ACCEPT_BOUND = 0.5;
    private static final long FIRST_TIMESTAMP = 883_000_000L; // 1997-12
    private static final long LAST_TIMESTAMP = 1_700_000_000L; // 2023-11
    private static final long DAY = TimeWindows.DAY;
    private static final String[] TAG_WORDS = {"classic", "atmospheric", "funny", "dark", "twist ending",
            "visually appealing", "quirky", "thought-provoking", "based on a book", "overrated", "slow", "cult film"};
    private static final double TAG_RATE = 0.02;

    private final Params p;
    private final SyntheticDraws random;
    private int[][] movieGenres;
    private double[] movieQuality;
    private int[] movieYear;
    /** Per taste cluster: cumulative popularity x exp(selectivity x the cluster's taste), the proposal law. */
    private double[][] clusterCdf;
    /** Per taste cluster and movie: the cluster's base taste for the movie. */
    private double[][] clusterTaste;

    public SyntheticGenerator(Params params) {
        this.p = params;
        this.random = new SyntheticDraws(params.seed());
    }

    public Result write() {
        long started = System.nanoTime();
        try {
            Files.createDirectories(p.out());
            drawMovies();
            if (p.layout() == Layout.ML_100K) {
                new SyntheticCatalogue(p.out(), movieGenres, movieYear).writeMl100k();
            } else {
                new SyntheticCatalogue(p.out(), movieGenres, movieYear).writeCsv();
            }
            long[] tags = {0};
            writeUsersAndRatings(tags);
            return new Result(p.out(), p.users(), p.movies(), p.ratings(), tags[0], (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the synthetic dataset to " + p.out(), e);
        }
    }

    private void drawMovies() {
        int m = p.movies();
        movieGenres = new int[m][];
        movieQuality = new double[m];
        movieYear = new int[m];
        double[] weight = new double[m];
        int[] rank = random.permutation(m);
        double total = Arrays.stream(GENRE_FREQUENCY).sum();
        for (int i = 0; i < m; i++) {
            int count = 1 + (random.nextDouble() < 0.45 ? 1 : 0) + (random.nextDouble() < 0.15 ? 1 : 0);
            Set<Integer> genres = new HashSet<>();
            while (genres.size() < count) {
                genres.add(random.pick(GENRE_FREQUENCY, total));
            }
            movieGenres[i] = genres.stream().mapToInt(Integer::intValue).sorted().toArray();
            movieQuality[i] = random.gaussian() * 0.45;
            movieYear[i] = 1930 + (int) Math.round(90 * Math.pow(random.nextDouble(), 0.35));
            weight[i] = Math.pow(rank[i] + 1, -ZIPF_EXPONENT) * Math.exp(0.6 * movieQuality[i]);
        }
        clusterCdf = new double[TASTE_CLUSTERS][];
        clusterTaste = new double[TASTE_CLUSTERS][m];
        for (int c = 0; c < TASTE_CLUSTERS; c++) {
            double[] base = baseAffinity(c);
            double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                clusterTaste[c][i] = taste(base, i);
                w[i] = weight[i] * Math.exp(TASTE_SELECTIVITY * clusterTaste[c][i]);
            }
            clusterCdf[c] = SyntheticDraws.cumulative(w);
        }
    }

    private void writeUsersAndRatings(long[] tagCount) throws IOException {
        long[] counts = random.activity(p.users(), p.movies(), p.ratings(), MIN_RATINGS_PER_USER, PARETO_ALPHA);
        boolean csv = p.layout() == Layout.CSV;
        try (BufferedWriter users = csv ? null : writer("u.user");
             BufferedWriter tastes = writer(TASTES_FILE);
             BufferedWriter ratings = writer(csv ? "ratings.csv" : "u.data");
             BufferedWriter tags = csv ? writer("tags.csv") : null;
             Progress progress = Progress.items("Generating ratings", p.ratings(), " ratings")) {
            tastes.write("userId,loved,disliked\n");
            if (csv) {
                ratings.write(CsvReader.RATINGS_HEADER + "\n");
                tags.write(CsvReader.TAGS_HEADER + "\n");
            }
            long written = 0;
            for (int u = 0; u < p.users(); u++) {
                int gender = random.nextDouble() < 0.71 ? 0 : 1;
                int age = 7 + (int) Math.round(Math.abs(random.gaussian() * 12 + 25));
                int band = age < 25 ? 0 : age < 45 ? 1 : 2;
                int cluster = random.pick(CLUSTER_PRIOR[gender][band], Arrays.stream(CLUSTER_PRIOR[gender][band]).sum());
                double[] affinity = affinity(cluster);
                tastes.write((u + 1) + "," + GENRES[CLUSTER_LOVES[cluster][0]] + "|" + GENRES[CLUSTER_LOVES[cluster][1]] + ","
                        + GENRES[CLUSTER_HATES[cluster]] + "\n");
                double[] cdf = clusterCdf[cluster];
                double[] base = clusterTaste[cluster];
                double bias = random.gaussian() * 0.35;
                if (users != null) {
                    users.write((u + 1) + "|" + age + "|" + (gender == 0 ? "M" : "F") + "|"
                            + OCCUPATIONS[(cluster * 3 + random.nextInt(OCCUPATIONS.length)) % OCCUPATIONS.length] + "|"
                            + String.format(Locale.ROOT, "%05d", random.nextInt(100_000)) + "\n");
                }
                int n = (int) counts[u];
                long start = FIRST_TIMESTAMP + (long) (random.nextDouble() * (LAST_TIMESTAMP - FIRST_TIMESTAMP - 400 * DAY));
                long span = DAY + (long) (random.nextDouble() * 365 * DAY);
                Set<Integer> seen = new HashSet<>(n * 2);
                StringBuilder out = new StringBuilder(n * 24);
                for (int k = 0; k < n; k++) {
                    int movie = drawMovie(cdf, base, affinity, seen);
                    double score = 3.55 + movieQuality[movie] + bias + taste(affinity, movie) + random.gaussian() * RATING_NOISE;
                    long time = start + span * k / Math.max(1, n);
                    if (csv) {
                        double stars = Math.min(5.0, Math.max(0.5, Math.round(score * 2) / 2.0));
                        out.append(u + 1).append(',').append(movie + 1).append(',').append(stars).append(',').append(time).append('\n');
                        if (random.nextDouble() < TAG_RATE) {
                            String tag = TAG_WORDS[random.nextInt(TAG_WORDS.length)];
                            tags.write((u + 1) + "," + (movie + 1) + "," + (tag.contains(" ") ? "\"" + tag + "\"" : tag) + "," + time + "\n");
                            tagCount[0]++;
                        }
                    } else {
                        int stars = (int) Math.min(5, Math.max(1, Math.round(score)));
                        out.append(u + 1).append('\t').append(movie + 1).append('\t').append(stars).append('\t').append(time).append('\n');
                    }
                }
                ratings.write(out.toString());
                written += n;
                progress.stepTo(written);
            }
        }
    }

    /** The taste shared by a cluster: two loved genres, one disliked. */
    private static double[] baseAffinity(int cluster) {
        double[] a = new double[GENRES.length];
        a[CLUSTER_LOVES[cluster][0]] += LOVE;
        a[CLUSTER_LOVES[cluster][1]] += LOVE;
        a[CLUSTER_HATES[cluster]] += HATE;
        return a;
    }

    /** A user's taste: the cluster's plus personal noise on every genre. */
    private double[] affinity(int cluster) {
        double[] a = baseAffinity(cluster);
        for (int g = 0; g < a.length; g++) {
            a[g] += random.gaussian() * PERSONAL_TASTE_SD;
        }
        return a;
    }

    private double taste(double[] affinity, int movie) {
        double best = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int g : movieGenres[movie]) {
            best = Math.max(best, affinity[g]);
            sum += affinity[g];
        }
        return 0.5 * best + 0.5 * sum / movieGenres[movie].length;
    }

    /**
     * A movie the user has not rated: the cluster's law (popularity x cluster taste) proposes, and the user's
     * personal deviation from the cluster's taste accepts or not (rejection sampling), so that the draw
     * follows popularity x exp(selectivity x personal taste).
     */
    private int drawMovie(double[] cdf, double[] base, double[] affinity, Set<Integer> seen) {
        while (true) {
            int movie = Arrays.binarySearch(cdf, random.nextDouble() * cdf[cdf.length - 1]);
            movie = movie >= 0 ? movie : Math.min(-movie - 1, cdf.length - 1);
            if (seen.contains(movie)) {
                continue;
            }
            double accept = Math.exp(TASTE_SELECTIVITY * (taste(affinity, movie) - base[movie] - ACCEPT_BOUND));
            if (random.nextDouble() < accept) {
                seen.add(movie);
                return movie;
            }
        }
    }

    private BufferedWriter writer(String file) throws IOException {
        return Files.newBufferedWriter(p.out().resolve(file), StandardCharsets.UTF_8);
    }

    /** Genre names in the generated datasets, in ml-100k's order. */
    public static List<String> genres() {
        return new ArrayList<>(Arrays.asList(GENRES));
    }
}
