// V001: identity of every node kind. Idempotent; never edit once landed (add V00N instead).
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.userId IS UNIQUE;
CREATE CONSTRAINT movie_id IF NOT EXISTS FOR (m:Movie) REQUIRE m.movieId IS UNIQUE;
CREATE CONSTRAINT genre_name IF NOT EXISTS FOR (g:Genre) REQUIRE g.name IS UNIQUE;
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (d:Dataset) REQUIRE d.key IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (s:SchemaMigration) REQUIRE s.version IS UNIQUE;
