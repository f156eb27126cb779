package io.cinegraph.training;

import jakarta.enterprise.context.ApplicationScoped;

/** This process among the service's replicas: its name, and whether other replicas share its graph. */
@ApplicationScoped
public class Replica {

    private final String name;
    private final boolean shared;

    public Replica(ReplicaConfig config) {
        this.name = config.id().orElseGet(Replica::defaultName);
        this.shared = config.enabled();
    }

    private static String defaultName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    public String name() {
        return name;
    }

    /** Whether other replicas write to the same graph, so that this one must follow their changes. */
    public boolean shared() {
        return shared;
    }
}
