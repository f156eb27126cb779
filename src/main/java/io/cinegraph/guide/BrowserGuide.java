package io.cinegraph.guide;

import io.cinegraph.graph.CypherQueries;
import io.cinegraph.graph.CypherQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * CineGraph's Neo4j Browser guide ({@code :play http://localhost:8080/guide/cinegraph.html}): slides that walk the
 * graph model, each signal with a runnable query, why a movie was recommended, and the events of an experiment. Every
 * query is the text of a {@code cypher/explore/} file (the same files the API's explanations name), so the guide and
 * the files never disagree. Built once.
 */
@ApplicationScoped
public class BrowserGuide {

    /** One slide: a title, paragraphs (HTML), and runnable blocks (Browser commands or queries). */
    record Slide(String title, List<String> paragraphs, List<String> runnable) {
    }

    private final String html;

    public BrowserGuide(CypherQueries queries) {
        this.html = render(slides(queries));
    }

    /** The guide as Neo4j Browser plays it. */
    public String html() {
        return html;
    }

    static List<Slide> slides(CypherQueries q) {
        return List.of(
                new Slide("CineGraph: movie recommendations in the graph", List.of(
                        "Users, movies, genres and ratings, as MovieLens publishes them, and the signals CineGraph "
                                + "computes from them: each user's genre affinities (<code>PREFERS</code>), their nearest "
                                + "neighbours by taste (<code>NEIGHBOUR</code>), each movie's most similar movies "
                                + "(<code>SIMILAR</code>, by co-ratings and by content), demographic cohorts and "
                                + "popularity. A neural ranker orders what the graph proposes.",
                        "Run the query below (click it, then the play button) to see the model."),
                        List.of(q.text(CypherQuery.EXPLORE_SCHEMA))),
                new Slide("Pick a user and a movie", List.of(
                        "The queries of this guide take parameters. Run these to set them; change the values to "
                                + "explore other users and movies (ml-100k: movie 50 is Star Wars)."),
                        List.of(":param userId => 1", ":param movieId => 50", ":param fromMovieId => 181",
                                ":param variant => 'A'")),
                new Slide("Who rated a movie", List.of(
                        "A movie with the users who rated it and their stars: the raw material of every signal."),
                        List.of(q.text(CypherQuery.EXPLORE_MOVIE_RATINGS))),
                new Slide("A user's genre map", List.of(
                        "<code>PREFERS</code>: how much more (or less) than the population the user likes each genre, "
                                + "shrunk toward zero when they rated few movies of it. Switch to the table view for the "
                                + "numbers. Feeds the genre candidates and the ranker's genre features."),
                        List.of(q.text(CypherQuery.EXPLORE_USER_GENRE_MAP))),
                new Slide("A user's neighbours", List.of(
                        "<code>NEIGHBOUR</code>: the users whose ratings agree most with this user's (shrunk cosine "
                                + "over co-rated movies). What they liked is the user-kNN candidate source."),
                        List.of(q.text(CypherQuery.EXPLORE_USER_NEIGHBOURS))),
                new Slide("Similar movies", List.of(
                        "<code>SIMILAR</code>: the movies rated by the same people (kind <code>rating</code>) and the "
                                + "ones alike in genres, tags and year (kind <code>content</code>)."),
                        List.of(q.text(CypherQuery.EXPLORE_SIMILAR_MOVIES))),
                new Slide("Why was this recommended?", List.of(
                        "Every recommendation carries an explanation naming one of these queries "
                                + "(<code>exploreQuery</code>) and its parameters. Set <code>movieId</code> to a movie "
                                + "recommended to the user (<code>GET /api/users/1/recommendations</code>), then run the "
                                + "query of its source: a similar movie the user rated, neighbours who liked it, a genre "
                                + "they like, their cohort; or, for the ranker's own picks, the co-raters behind them "
                                + "(<code>fromMovieId</code>: a movie the user rated)."),
                        List.of(q.text(CypherQuery.EXPLORE_WHY_ITEM_KNN), q.text(CypherQuery.EXPLORE_WHY_USER_KNN),
                                q.text(CypherQuery.EXPLORE_WHY_GENRE), q.text(CypherQuery.EXPLORE_WHY_COHORT),
                                q.text(CypherQuery.EXPLORE_WHY_RANKER))),
                new Slide("Feedback and experiments", List.of(
                        "What people were shown and did next is in the graph too: <code>(:User)-[:DID]-&gt;(:Event)"
                                + "-[:ON]-&gt;(:Movie)</code>, an event per impression, click, view or skip, with the "
                                + "model version and experiment variant that served it. <code>GET "
                                + "/api/admin/experiments</code> compares the variants; this query shows one variant's "
                                + "events."),
                        List.of(q.text(CypherQuery.EXPLORE_EXPERIMENT_EVENTS))));
    }

    static String render(List<Slide> slides) {
        StringBuilder out = new StringBuilder("<article class=\"guide\" ng-controller=\"AppCtrl\">\n"
                + "<carousel class=\"deck container-fluid\">\n");
        for (Slide slide : slides) {
            out.append("<slide class=\"row-fluid\">\n<div class=\"col-sm-12\">\n<h3>").append(slide.title()).append("</h3>\n");
            for (String p : slide.paragraphs()) {
                out.append("<p>").append(p).append("</p>\n");
            }
            for (String code : slide.runnable()) {
                out.append("<pre mode=\"cypher\" class=\"pre-scrollable code runnable\">").append(escape(code))
                        .append("</pre>\n");
            }
            out.append("</div>\n</slide>\n");
        }
        return out.append("</carousel>\n</article>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
