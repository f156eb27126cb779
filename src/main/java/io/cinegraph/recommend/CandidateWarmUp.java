package io.cinegraph.recommend;

import io.cinegraph.graph.UserRepository;
import io.cinegraph.ranker.RankerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * The service's start-up warm-up: for the users who rated most recently, up to the candidate cache's size, on
 * every core, within {@link RankerConfig#warmUpSeconds()}, the graph generators run and the user is ranked
 * ({@link RecommendationService#warmUp}). Their first requests then find both cached, the caches are filled before
 * traffic rather than slowly under it, and the serving path is compiled by the JIT before the first request.
 */
@ApplicationScoped
public class CandidateWarmUp {

    private static final Logger LOG = Logger.getLogger(CandidateWarmUp.class);

    @Inject RecommendationService recommendations;
    @Inject UserRepository users;
    @Inject RankerConfig config;

    /** Warms what the budget allows; returns the users whose candidates and ranking were reached, in order. */
    public List<Long> run() {
        if (config.warmUpSeconds() <= 0) {
            return List.of();
        }
        long start = System.nanoTime();
        List<Long> active = users.recentlyActive(config.candidateCacheSize());
        int reached = recommendations.warmUp(active, Duration.ofSeconds(config.warmUpSeconds()),
                Runtime.getRuntime().availableProcessors());
        LOG.infof("Warmed the candidates and rankings of %d of the %d most recently active users in %.1f s", reached, active.size(),
                (System.nanoTime() - start) / 1e9);
        return active.subList(0, reached);
    }
}
