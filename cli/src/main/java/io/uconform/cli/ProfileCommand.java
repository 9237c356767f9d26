package io.uconform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.uconform.draft.ProfileDraft;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uconform profile init}: a starting profile drafted from a running server. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Work with profiles.",
        subcommands = ProfileCommand.Init.class)
final class ProfileCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Draft a profile from a running "
            + "server: its route index (GET /), the status each listed route answers to a GET (listed routes are "
            + "called), and the header and target sizes it accepts, probed within a time budget. Review it before use.")
    static final class Init implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--url", required = true, description = "the server, e.g. http://192.168.4.1:8080")
        URI url;

        @Option(names = "--name", defaultValue = "my-server", description = "the profile's name (default: ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--out", description = "write the profile here (default: print it)")
        Path out;

        @Option(names = "--budget-seconds", defaultValue = "20", description = "time for all probes (default: ${DEFAULT-VALUE})")
        int budgetSeconds;

        @Override
        public Integer call() throws Exception {
            if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("--url must be http://host[:port], not " + url);
            }
            if (out != null && Files.exists(out)) {
                throw new IllegalArgumentException(out + " exists: choose another --out (nothing was probed)");
            }
            String json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ProfileDraft.draft(url, name, Duration.ofSeconds(budgetSeconds)));
            if (out == null) {
                spec.commandLine().getOut().println(json);
            } else {
                Files.writeString(out, json + "\n");
                spec.commandLine().getOut().println("uconform: wrote " + out + "; review it, then uconform run --explain"
                        + " --profile " + out);
            }
            spec.commandLine().getOut().flush();
            return Uconform.OK;
        }
    }
}
