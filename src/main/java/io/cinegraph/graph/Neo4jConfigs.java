package io.cinegraph.graph;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** {@link Neo4jConfig}s built in code, for databases the application opens besides its configured one. */
public final class Neo4jConfigs {

    private Neo4jConfigs() {
    }

    /** An embedded database in {@code dir}, Bolt on a free loopback port. */
    public static Neo4jConfig embedded(Path dir, String pageCache) {
        return of(Optional.empty(), Optional.empty(), dir, pageCache);
    }

    /** An external server at {@code uri} (no authentication when {@code password} is null). */
    public static Neo4jConfig external(URI uri, String password) {
        return of(Optional.of(uri), Optional.ofNullable(password), Path.of("unused"), "64m");
    }

    private static Neo4jConfig of(Optional<URI> uri, Optional<String> password, Path dir, String pageCache) {
        return new Neo4jConfig() {
            @Override
            public Optional<URI> uri() {
                return uri;
            }

            @Override
            public String user() {
                return "neo4j";
            }

            @Override
            public Optional<String> password() {
                return password;
            }

            @Override
            public int connectionTimeoutSeconds() {
                return 5;
            }

            @Override
            public int retrySeconds() {
                return 5;
            }

            @Override
            public Embedded embedded() {
                return new Embedded() {
                    @Override
                    public Path dataDir() {
                        return dir;
                    }

                    @Override
                    public String boltHost() {
                        return "127.0.0.1";
                    }

                    @Override
                    public int boltPort() {
                        return 0;
                    }

                    @Override
                    public String pageCache() {
                        return pageCache;
                    }

                    @Override
                    public Optional<Path> importDir() {
                        return Optional.empty();
                    }
                };
            }
        };
    }
}
