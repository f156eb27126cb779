package io.cinegraph.graph;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state every replica of the service shares, kept in the graph: the active model version, leases (one retraining at a time), the retraining jobs, named sequences and each user's
 * revision. Times of leases are the database's clock, so replicas with skewed clocks agree on expiry.
 */
@ApplicationScoped
public class ClusterRepository {

    private final Graph graph;

    public ClusterRepository(Graph graph) {
        this.graph = graph;
    }

    /** The active model as recorded in the graph. */
    public record ActiveModel(String version, long activatedAt, String activatedBy) {
    }

    /** A lease after an attempt to take it: who holds it, for which job, for how much longer. */
    public record Lease(boolean acquired, String holder, String job, long remainingMillis) {
    }

    /** A job recorded as queued or running, and the replica running it. */
    public record RunningJob(String id, String replica, String json) {
    }

    public Optional<ActiveModel> activeModel() {
        return graph.readOne(CypherQuery.CLUSTER_ACTIVE_MODEL, Map.of(), r -> new ActiveModel(r.get("version").asString(), r.get("activatedAt").asLong(0),
                r.get("activatedBy").asString("")));
    }

    public void recordActiveModel(String version, long at, String by) {
        graph.write(CypherQuery.CLUSTER_RECORD_ACTIVE_MODEL, Map.of("version", version, "at", at, "by", by));
    }

    /** The next number of a named sequence, unique across replicas. */
    public long nextInSequence(String name) {
        return graph.writeList(CypherQuery.CLUSTER_NEXT_SEQUENCE, Map.of("key", "sequence:" + name),
                r -> r.get("value").asLong()).get(0);
    }

    /** Takes the named lease for {@code holder} (free, expired or already theirs) for {@code ttlMillis}. */
    public Lease acquire(String name, String holder, String job, long ttlMillis) {
        return graph.writeList(CypherQuery.CLUSTER_ACQUIRE_LEASE, Map.of("name", name, "holder", holder, "job", job,
                        "ttlMillis", ttlMillis),
                r -> new Lease(r.get("acquired").asBoolean(), r.get("holder").asString(null), r.get("job").asString(null),
                        r.get("remainingMillis").asLong(0))).get(0);
    }

    /** Extends {@code holder}'s lease; false when it no longer holds it. */
    public boolean renew(String name, String holder, long ttlMillis) {
        return !graph.writeList(CypherQuery.CLUSTER_RENEW_LEASE, Map.of("name", name, "holder", holder,
                "ttlMillis", ttlMillis), r -> r.get("expiresAt").asLong()).isEmpty();
    }

    public void release(String name, String holder) {
        graph.write(CypherQuery.CLUSTER_RELEASE_LEASE, Map.of("name", name, "holder", holder));
    }

    /** Frees every lease (only for a service that owns its embedded database). */
    public void clearLeases() {
        graph.write(CypherQuery.CLUSTER_CLEAR_LEASES, Map.of());
    }

    public void saveJob(String id, String submittedAt, String state, String replica, String json) {
        graph.write(CypherQuery.CLUSTER_SAVE_JOB, Map.of("id", id, "submittedAt", submittedAt, "state", state,
                "replica", replica, "json", json));
    }

    /** The latest jobs as recorded (JSON), newest first. */
    public List<String> jobs(int limit) {
        return graph.readList(CypherQuery.CLUSTER_JOBS, Map.of("limit", limit), r -> r.get("json").asString());
    }

    public Optional<String> job(String id) {
        return graph.readOne(CypherQuery.CLUSTER_GET_JOB, Map.of("id", id), r -> r.get("json").asString());
    }

    public List<RunningJob> runningJobs() {
        return graph.readList(CypherQuery.CLUSTER_RUNNING_JOBS, Map.of(), r -> new RunningJob(r.get("id").asString(),
                r.get("replica").asString(""), r.get("json").asString()));
    }

    /** Deletes the finished jobs beyond the newest {@code keep}. */
    public void pruneJobs(int keep) {
        graph.write(CypherQuery.CLUSTER_PRUNE_JOBS, Map.of("keep", keep));
    }

    /** A user's revision (0 for a user never written to, or one that does not exist). */
    public long userRevision(long userId) {
        return graph.readOne(CypherQuery.CLUSTER_USER_REVISION, Map.of("userId", userId),
                r -> r.get("revision").asLong()).orElse(0L);
    }

    /** The running experiment's definition (JSON), if one runs. */
    public Optional<String> experiment() {
        return graph.readOne(CypherQuery.CLUSTER_EXPERIMENT, Map.of(), r -> r.get("json").asString());
    }

    /** Records the running experiment's definition (null: none runs). */
    public void recordExperiment(String json) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("json", json);
        graph.write(CypherQuery.CLUSTER_RECORD_EXPERIMENT, params);
    }
}
