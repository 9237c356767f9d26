package io.uconform.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code uconform} command: {@code run}, {@code sim}, {@code esp32}, {@code diff}, {@code merge}, {@code profile}. Exit codes (also in
 * {@code --help}): 0 all good, 1 checks failed (or the diff gate failed), 2 bad input, 3 the target
 * did not start, 130/143 interrupted by SIGINT/SIGTERM (128 + the signal, as shells report it; a
 * partial report is written). Bad input is one line on stderr ({@code uconform: <problem>}), never a
 * stack trace, before any work starts.
 */
@Command(name = "uconform", mixinStandardHelpOptions = true, version = "uconform 0.1.0",
        description = "Conformance suite and simulator for microcontroller REST servers.",
        subcommands = {RunCommand.class, SimCommand.class, Esp32Command.class, DiffCommand.class, MergeCommand.class,
                ProfileCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {Uconform.OK + ":every check passed (or was skipped, not claimed or waived); diff: the gate holds",
            Uconform.CHECKS_FAILED + ":a check failed or could not run, or a claimed group was not verified; diff: the gate failed",
            Uconform.BAD_INPUT + ":bad input (flag, option, profile, credentials file, report dir): one line on stderr",
            Uconform.TARGET_DID_NOT_START + ":the target could not be reached or did not start",
            Uconform.INTERRUPTED_SIGINT + ":interrupted by SIGINT (Ctrl-C): partial report written, children stopped",
            Uconform.INTERRUPTED_SIGTERM + ":interrupted by SIGTERM: likewise"})
public final class Uconform implements Runnable {

    public static final int OK = 0;
    public static final int CHECKS_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int TARGET_DID_NOT_START = 3;
    /** 128 + the signal number: what the JVM and shells give a process ended by the signal. */
    public static final int INTERRUPTED_SIGINT = 130;
    public static final int INTERRUPTED_SIGTERM = 143;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Micronaut and Netty stay quiet unless something is wrong
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command in-process (what {@link #main} and the tests call). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Uconform());
        cli.setOut(out);
        cli.setErr(err);
        describeKinds(cli.getSubcommands().get("run"));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("uconform: " + firstLine(e.getMessage()));
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("uconform: " + problem(e));
            err.flush();
            return e instanceof TargetUnavailable ? TARGET_DID_NOT_START : BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** The kinds found on the class path and their options, in {@code run --help}: no hand list. */
    private static void describeKinds(CommandLine run) {
        run.getCommandSpec().usageMessage()
                .footerHeading("%nTarget kinds (--target) and their options (--option NAME=VALUE):%n")
                .footer(io.uconform.spi.KindOptions.usage().stream().map(l -> "  " + l.replace("%", "%%"))
                        .toArray(String[]::new));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One line naming the problem: the message of a user-facing exception, else its type too. */
    static String problem(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.lang.reflect.InvocationTargetException)) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
        boolean userFacing = t instanceof IllegalArgumentException || t instanceof io.uconform.spi.TargetException
                || t instanceof io.uconform.profile.ProfileException || t instanceof java.io.IOException
                || t instanceof TargetUnavailable;
        return userFacing ? message : t.getClass().getSimpleName() + ": " + message;
    }

    /** The first line, control bytes visible (a message may quote what a target sent). */
    static String firstLine(String text) {
        return text == null ? "" : io.uconform.console.VisibleText.oneLine(text.lines().findFirst().orElse(""));
    }
}
