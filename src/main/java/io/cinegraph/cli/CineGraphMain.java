package io.cinegraph.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

import java.util.Set;

/**
 * The one entry point: {@code java -jar quarkus-run.jar [serve|import|generate|export-csv|stats] …}. With no
 * arguments it serves. Commands other than {@code serve} keep the HTTP port closed, so they can run beside a
 * running service (against an external database) without a port clash.
 */
@QuarkusMain
public class CineGraphMain implements QuarkusApplication {

    private static final Set<String> HTTP_COMMANDS = Set.of("serve");

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        boolean serving = args.length == 0 || HTTP_COMMANDS.contains(args[0]) || args[0].startsWith("-")
                && !isHelpOrVersion(args[0]);
        if (!serving) {
            System.setProperty("quarkus.http.host-enabled", "false");
        }
        Quarkus.run(CineGraphMain.class, args);
    }

    private static boolean isHelpOrVersion(String arg) {
        return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
    }

    @Override
    public int run(String... args) {
        return CineGraphCommand.commandLine(factory).execute(args.length == 0 ? new String[]{"serve"} : args);
    }
}
