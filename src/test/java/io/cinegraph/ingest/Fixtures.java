package io.cinegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiny hand-written datasets in every MovieLens layout, each with the same planted content so that every
 * route must give the same graph: 3 users, 4 movies (one nobody rated, one with parentheses in its title),
 * 5 ratings, and where the layout has them, 2 tags.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** ml-100k: 4 genres declared in u.genre; movie 4 is rated by nobody; movie 3's title has parentheses. */
    public static Path ml100k(Path dir) {
        write(dir, "u.genre", "unknown|0\nAction|1\nComedy|2\nDrama|3\n\n");
        write(dir, "u.user", "1|24|M|technician|85711\n2|53|F|other|94043\n3|23|M|writer|32067\n");
        write(dir, "u.item", """
                1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|1|0
                2|GoldenEye (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?GoldenEye%20(1995)|0|1|0|0
                3|City of Lost Children, The (Cité des enfants perdus, La) (1995)|01-Jan-1995||http://x|0|0|0|1
                4|unknown||||1|0|0|0
                """);
        write(dir, "u.data", "1\t1\t5\t874965758\n1\t2\t3\t876893171\n2\t1\t4\t888550871\n3\t3\t2\t878542960\n2\t3\t1\t888551000\n");
        return dir;
    }

    /** ml-1m: '::' separated, ISO-8859-1 bytes (é is one byte, 0xE9), age and occupation codes. */
    public static Path ml1m(Path dir) {
        write(dir, "users.dat", "1::M::25::17::85711\n2::F::50::0::94043\n3::M::18::20::32067\n");
        writeLatin1(dir, "movies.dat", "1::Toy Story (1995)::Animation|Children's|Comedy\n"
                + "2::GoldenEye (1995)::Action|Adventure|Thriller\n"
                + "3::City of Lost Children, The (Cité des enfants perdus, La) (1995)::Adventure|Sci-Fi\n"
                + "4::Unrated Film (1990)::Drama\n");
        write(dir, "ratings.dat", "1::1::5::978300760\n1::2::3::978302109\n2::1::4::978301968\n3::3::2::978300275\n2::3::1::978824291\n");
        return dir;
    }

    /** ml-10m: no users file, half stars, tags.dat. */
    public static Path ml10m(Path dir) {
        write(dir, "movies.dat", "1::Toy Story (1995)::Adventure|Animation|Children|Comedy|Fantasy\n"
                + "2::GoldenEye (1995)::Action|Adventure|Thriller\n"
                + "3::City of Lost Children, The (Cité des enfants perdus, La) (1995)::Adventure|Sci-Fi\n"
                + "4::Unrated Film (1990)::(no genres listed)\n");
        write(dir, "ratings.dat", "1::1::5::838985046\n1::2::3.5::838983525\n2::1::4::838983392\n3::3::2.5::838983421\n2::3::0.5::838983392\n");
        write(dir, "tags.dat", "1::1::pixar::1188263867\n2::3::dark::1188263868\n");
        return dir;
    }

    /** ml-latest-small: CSV with a BOM-less header, CRLF ends, quoted titles with commas and quotes, links with a gap. */
    public static Path csv(Path dir) {
        write(dir, "movies.csv", "movieId,title,genres\r\n"
                + "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\r\n"
                + "2,GoldenEye (1995),Action|Adventure|Thriller\r\n"
                + "3,\"City of Lost Children, The (Cité des enfants perdus, La) (1995)\",Adventure|Sci-Fi\r\n"
                + "4,\"Film Called \"\"Unrated\"\" (1990)\",(no genres listed)\r\n");
        write(dir, "ratings.csv", "userId,movieId,rating,timestamp\r\n"
                + "1,1,5.0,964982703\r\n1,2,3.5,964981247\r\n2,1,4.0,964982224\r\n3,3,2.5,964983815\r\n2,3,0.5,964982931\r\n");
        write(dir, "tags.csv", "userId,movieId,tag,timestamp\r\n1,1,pixar,1445714994\r\n2,3,\"dark, surreal\",1445714996\r\n");
        write(dir, "links.csv", "movieId,imdbId,tmdbId\r\n1,0114709,862\r\n2,0113189,710\r\n3,0112682,902\r\n4,0099999,\r\n");
        return dir;
    }

    /** An importer writing into {@code graph}. */
    public static Importer importer(io.cinegraph.graph.Graph graph) {
        return new Importer(new io.cinegraph.graph.IngestRepository(graph), new io.cinegraph.graph.CatalogRepository(graph));
    }

    public static void write(Path dir, String file, String text) {
        writeBytes(dir, file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeLatin1(Path dir, String file, String text) {
        writeBytes(dir, file, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static void writeBytes(Path dir, String file, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
