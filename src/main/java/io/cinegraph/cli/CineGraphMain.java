package io.cinegraph.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The one entry point: {@code java -jar quarkus-run.jar [serve|import|generate|export-csv|stats] …}. With no
 * arguments it serves. Commands other than {@code serve} keep the HTTP port closed and put the embedded database's
 * Bolt on a free loopback port, so they can run beside a running service or each other without a port clash.
 */
@QuarkusMain
public class CineGraphMain implements QuarkusApplication {

    private static final Set<String> HTTP_COMMANDS = Set.of("serve");

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        forCommand(args, System.getProperties()).forEach(System::setProperty);
        Quarkus.run(CineGraphMain.class, args);
    }

    /** The embedded database's Bolt port setting, as a system property. */
    static final String BOLT_PORT = "cinegraph.neo4j.embedded.bolt-port";

    /**
     * The system properties a command runs with: every command but {@code serve} keeps the HTTP port closed and
     * lets the embedded database's Bolt listen on a free loopback port of the system's choosing (unless the port
     * is set explicitly), so that CLI commands run beside a service or each other without a port clash.
     */
    static Map<String, String> forCommand(String[] args, Properties current) {
        boolean serving = args.length == 0 || HTTP_COMMANDS.contains(args[0]) || args[0].startsWith("-")
                && !isHelpOrVersion(args[0]);
        if (serving) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("quarkus.http.host-enabled", "false");
        boolean portChosen = current.containsKey(BOLT_PORT) || System.getenv("CINEGRAPH_NEO4J_EMBEDDED_BOLT_PORT") != null;
        if (!portChosen) {
            out.put(BOLT_PORT, "0");
        }
        return out;
    }

    private static boolean isHelpOrVersion(String arg) {
        return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
    }

    @Override
    public int run(String... args) {
        return CineGraphCommand.commandLine(factory).execute(args.length == 0 ? new String[]{"serve"} : args);
    }
}
