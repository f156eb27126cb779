package io.cinegraph.graph;

/**
 * Every Cypher statement the application runs, named after its file under {@code cypher/}. The files are read
 * once, at start-up, by {@link CypherQueries}; a missing file fails the start, not the first request.
 */
public enum CypherQuery {
    PING("graph/ping"),
    GRAPH_CLEAR("graph/clear_graph"),
    GRAPH_SCHEMA_OBJECTS("graph/schema_objects"),
    GRAPH_DATA_NODES("graph/data_nodes"),
    SCHEMA_RECORD_MIGRATION("graph/record_schema_migration"),
    GRAPH_AWAIT_INDEXES("graph/await_indexes"),
    SCHEMA_V001_CONSTRAINTS("schema/V001__constraints"),
    SCHEMA_V002_INDEXES("schema/V002__indexes"),
    SCHEMA_V003_INDEXES("schema/V003__indexes"),
    SCHEMA_V004_SERVICE_STATE("schema/V004__service_state"),
    SCHEMA_V005_EVENTS("schema/V005__events"),

    EVENTS_PUT("events/put_events"),
    EVENTS_ONLINE_METRICS("events/online_metrics"),
    EVENTS_REPLAY_SLATES("events/replay_slates"),

    CLUSTER_ACTIVE_MODEL("cluster/active_model"),
    CLUSTER_RECORD_ACTIVE_MODEL("cluster/record_active_model"),
    CLUSTER_NEXT_SEQUENCE("cluster/next_sequence"),
    CLUSTER_ACQUIRE_LEASE("cluster/acquire_lease"),
    CLUSTER_RENEW_LEASE("cluster/renew_lease"),
    CLUSTER_RELEASE_LEASE("cluster/release_lease"),
    CLUSTER_CLEAR_LEASES("cluster/clear_leases"),
    CLUSTER_SAVE_JOB("cluster/save_job"),
    CLUSTER_JOBS("cluster/jobs"),
    CLUSTER_GET_JOB("cluster/get_job"),
    CLUSTER_PRUNE_JOBS("cluster/prune_jobs"),
    CLUSTER_RUNNING_JOBS("cluster/running_jobs"),
    CLUSTER_USER_REVISION("cluster/user_revision"),
    CLUSTER_EXPERIMENT("cluster/experiment"),
    CLUSTER_RECORD_EXPERIMENT("cluster/record_experiment"),

    INGEST_MERGE_GENRES("ingest/merge_genres"),
    INGEST_MERGE_USERS("ingest/merge_users"),
    INGEST_MERGE_MOVIES("ingest/merge_movies"),
    INGEST_MERGE_USER_IDS("ingest/merge_user_ids"),
    INGEST_MERGE_RATINGS("ingest/merge_ratings"),
    INGEST_CREATE_RATINGS("ingest/create_ratings"),
    INGEST_MERGE_TAGS("ingest/merge_tags"),
    INGEST_RECORD_DATASET("ingest/record_dataset"),
    INGEST_GET_DATASET("ingest/get_dataset"),

    EXPORT_MOVIES("ingest/export_movies"),
    EXPORT_USERS("ingest/export_users"),
    EXPORT_RATINGS("ingest/export_ratings"),
    EXPORT_TAGS("ingest/export_tags"),

    SIGNALS_ALL_VIEWS("signals/all_views"),

    SIGNALS_ALL_USER_IDS("signals/all_user_ids"),
    SIGNALS_ALL_MOVIE_IDS("signals/all_movie_ids"),
    SIGNALS_GLOBAL_STATS("signals/global_stats"),
    SIGNALS_USER_STATS("signals/user_stats"),
    SIGNALS_SET_USER_STATS("signals/set_user_stats"),
    SIGNALS_AGE_BANDS("signals/age_bands"),
    SIGNALS_SET_MOVIE_POPULARITY("signals/set_movie_popularity"),
    SIGNALS_MOVIE_POPULARITY("signals/movie_popularity"),
    SIGNALS_USER_DEMOGRAPHICS("signals/user_demographics"),
    SIGNALS_SET_COHORT_LEVELS("signals/set_cohort_levels"),
    SIGNALS_SET_GENRE_PRIORS("signals/set_genre_priors"),
    SIGNALS_REPLACE_GENRE_AFFINITY("signals/replace_genre_affinity"),
    SIGNALS_MOVIE_GENRES("signals/movie_genres"),
    SIGNALS_GENRE_AFFINITY("signals/genre_affinity"),
    SIGNALS_USER_NEIGHBOURS("signals/user_neighbours"),
    SIGNALS_ITEM_SIMILARITY("signals/item_similarity"),
    SIGNALS_CONTENT_FEATURES("signals/content_features"),
    SIGNALS_REPLACE_CONTENT_SIMILARITY("signals/replace_content_similarity"),
    SIGNALS_REPLACE_USER_NEIGHBOURS("signals/replace_user_neighbours"),
    SIGNALS_REPLACE_RATING_SIMILARITY("signals/replace_rating_similarity"),
    SIGNALS_STALE_USERS("signals/stale_users"),
    SIGNALS_CLEAR_STALE("signals/clear_stale"),
    SIGNALS_RECORD_COMPUTED("signals/record_computed"),
    SIGNALS_COMPUTED_AT("signals/computed_at"),

    CANDIDATES_USER_KNN("candidates/user_knn"),
    CANDIDATES_ITEM_KNN("candidates/item_knn"),
    CANDIDATES_GENRE("candidates/genre"),
    CANDIDATES_COHORT("candidates/cohort"),
    CANDIDATES_POPULAR("candidates/popular"),
    MOVIE_SIMILAR("movie/similar_movies"),
    MOVIE_POPULARITY("movie/popularity"),
    MOVIE_GENRES("movie/genres"),
    MOVIE_CREATE("movie/create_movie"),
    USER_NEIGHBOURS("user/neighbours"),
    USER_GENRE_AFFINITIES("user/genre_affinities"),
    USER_RATINGS("user/ratings"),
    USER_PUT_RATINGS("user/put_ratings"),
    USER_EXISTING_IDS("user/existing_ids"),
    USER_DELETE_RATING("user/delete_rating"),
    USER_CREATE("user/create_user"),
    USER_LIKES("user/likes"),
    USER_OCCUPATIONS("user/occupations"),
    USER_EXISTING_MOVIES("user/existing_movies"),
    USER_RECENTLY_ACTIVE("user/recently_active"),

    FEATURES_REQUEST("features/request"),
    FEATURES_SNAPSHOT_MOVIES("features/snapshot_movies"),
    FEATURES_SNAPSHOT_SIMILAR("features/snapshot_similar"),
    FEATURES_SNAPSHOT_GENRE_PRIORS("features/snapshot_genre_priors"),

    EXPLORE_EXPERIMENT_EVENTS("explore/experiment_events"),
    EXPLORE_MOVIE_RATINGS("explore/movie_ratings"),
    EXPLORE_SCHEMA("explore/schema"),
    EXPLORE_SIMILAR_MOVIES("explore/similar_movies"),
    EXPLORE_USER_GENRE_MAP("explore/user_genre_map"),
    EXPLORE_USER_NEIGHBOURS("explore/user_neighbours"),
    EXPLORE_WHY_COHORT("explore/why_cohort"),
    EXPLORE_WHY_GENRE("explore/why_genre"),
    EXPLORE_WHY_ITEM_KNN("explore/why_item_knn"),
    EXPLORE_WHY_RANKER("explore/why_ranker"),
    EXPLORE_WHY_USER_KNN("explore/why_user_knn"),

    BENCH_PEARSON_KNN("bench/pearson_knn"),
    BENCH_USER_IDS("bench/user_ids"),
    BENCH_MOVIE_IDS("bench/movie_ids"),

    STATS_COUNTS("stats/counts"),
    MOVIE_GET("movie/get_movie"),
    USER_GET("user/get_user");

    /** Schema migrations in the order they are applied. Versioned files are never edited once landed. */
    static final CypherQuery[] SCHEMA = {SCHEMA_V001_CONSTRAINTS, SCHEMA_V002_INDEXES, SCHEMA_V003_INDEXES,
            SCHEMA_V004_SERVICE_STATE, SCHEMA_V005_EVENTS};

    private final String name;

    CypherQuery(String name) {
        this.name = name;
    }

    /** Path below {@code cypher/}, without the {@code .cypher} suffix. */
    public String fileName() {
        return name;
    }

    /** The version tag of a schema migration, e.g. {@code V001}. */
    String schemaVersion() {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.substring(0, file.indexOf("__"));
    }
}
