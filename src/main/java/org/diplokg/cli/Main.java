package org.diplokg.cli;

import org.diplokg.UserException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kg} command line. */
@Command(name = "kg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "DiploKG: a knowledge graph of diplomatic relations, served over SPARQL.",
        subcommands = {ServeCommand.class, QueryCommand.class, ValidateCommand.class, ExportCommand.class, LinksCommand.class, ConvertCommand.class, BenchCommand.class, EvalCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 success, 1 failure, 2 bad usage. */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(Main::handle)
                .execute(args);
    }

    /** Known input problems become one line on stderr; anything else is a bug and keeps its stack trace. */
    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof UserException) {
            cmd.getErr().println("kg " + cmd.getCommandName() + ": " + e.getMessage());
            return 1;
        }
        throw e;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"DiploKG " + org.diplokg.Version.get()};
        }
    }
}
