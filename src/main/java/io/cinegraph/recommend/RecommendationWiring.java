package io.cinegraph.recommend;

import io.cinegraph.graph.ClusterRepository;
import io.cinegraph.signals.StaleUsers;
import io.cinegraph.support.BackgroundLane;
import io.cinegraph.training.Replica;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.signals.CandidateSources;
import io.cinegraph.signals.SignalSnapshots;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring of the serving path: the service over the graph's snapshot, generators, users and active ranker. */
public class RecommendationWiring {

    @Produces
    @Singleton
    RecommendationService recommendations(SignalSnapshots snapshots, Experiments ranker, CandidateSources sources,
                                          GraphUserProfiles profiles, RankerConfig config, MeterRegistry meters,
                                          StaleUsers stale, BackgroundLane lane, Replica replica,
                                          ClusterRepository cluster) {
        RecommendationService service = new RecommendationService(snapshots::current, ranker,
                new Proposals(sources.all(), config.candidatesPerGenerator(), config.candidateCacheSize(),
                        Proposals.background(config.candidateCacheSize(), lane)), profiles,
                replica.shared() ? new GraphUserRevisions(cluster, config.candidateCacheSize()) : UserRevisions.NONE,
                meters, config.candidateCacheSize(), RecommendationService.warmer());
        // a user's refreshed neighbours reach their next ranking
        stale.onRefreshed(service::refreshed);
        return service;
    }

    void close(@Disposes RecommendationService service) {
        service.close();
    }
}
