package io.cinegraph.domain;

import java.util.List;

/** What a user said they like when they signed up: genres and movies. */
public record Likes(List<String> genres, List<Long> movies) {
}
