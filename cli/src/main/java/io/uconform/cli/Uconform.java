package io.uconform.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code uconform} command: {@code run}, {@code sim}, {@code diff}. Exit codes: 0 all good,
 * 1 checks failed (or new failures in a diff), 2 bad input. Bad input is one line on stderr
 * ({@code uconform: <problem>}), never a stack trace.
 */
@Command(name = "uconform", mixinStandardHelpOptions = true, version = "uconform 0.1.0",
        description = "Conformance suite and simulator for microcontroller REST servers.",
        subcommands = {RunCommand.class, SimCommand.class, DiffCommand.class, ProfileCommand.class})
public final class Uconform implements Runnable {

    public static final int OK = 0;
    public static final int CHECKS_FAILED = 1;
    public static final int BAD_INPUT = 2;

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
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("uconform: " + firstLine(e.getMessage()));
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("uconform: " + problem(e));
            err.flush();
            return BAD_INPUT;
        });
        return cli.execute(args);
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
        boolean userFacing = t instanceof IllegalArgumentException || t instanceof io.uconform.target.TargetException
                || t instanceof io.uconform.profile.ProfileException || t instanceof java.io.IOException;
        return userFacing ? message : t.getClass().getSimpleName() + ": " + message;
    }

    static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
