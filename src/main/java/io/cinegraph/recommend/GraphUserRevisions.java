package io.cinegraph.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cinegraph.graph.ClusterRepository;

/**
 * Each user's revision as the graph has it (raised by every rating write or deletion, through any replica), compared
 * on every request with the one seen last: one indexed read per request, and no time-based staleness.
 */
final class GraphUserRevisions implements UserRevisions {

    private final ClusterRepository cluster;
    private final Cache<Long, Long> seen;

    GraphUserRevisions(ClusterRepository cluster, int size) {
        this.cluster = cluster;
        this.seen = Caffeine.newBuilder().maximumSize(size).build();
    }

    @Override
    public boolean changed(long userId) {
        long revision = cluster.userRevision(userId);
        Long last = seen.asMap().put(userId, revision);
        return last == null || last != revision;
    }
}
