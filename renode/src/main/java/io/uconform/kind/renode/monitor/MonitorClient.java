package io.uconform.kind.renode.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of Renode's monitor in telnet mode ({@code renode -P <port>}): connects, drops the
 * telnet negotiation, strips ANSI control, waits for the prompt ({@code (monitor) } or
 * {@code (<machine>) }) and runs one command at a time, returning what the monitor printed between
 * the echoed command and the next prompt. Every step has a timeout. Closing the client leaves
 * Renode running ({@code quit} ends it). Not thread-safe: one command at a time.
 */
public final class MonitorClient implements AutoCloseable {

    /** A prompt alone at the end of the output, e.g. {@code (monitor) } or {@code (uconform) }. */
    private static final Pattern PROMPT = Pattern.compile("(?:^|\n)\\(([^()\n]+)\\) ?$");
    /** Lines with which the monitor reports a command it did not carry out. */
    private static final List<Pattern> ERRORS = List.of(
            Pattern.compile("^No such command or device: .*"),
            Pattern.compile("^There was an error executing command .*"),
            Pattern.compile("^Could not find .*"),
            Pattern.compile("^Error: .*"));

    private final String address;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final TelnetFilter telnet = new TelnetFilter();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private String banner = "";
    private String prompt = "";

    private MonitorClient(String address, Socket socket) throws IOException {
        this.address = address;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects within {@code connectTimeout} and waits up to {@code promptTimeout} for the first
     * prompt (the .NET runtime needs seconds to start).
     *
     * @throws MonitorException naming the address and what did not happen in time
     */
    public static MonitorClient connect(InetSocketAddress address, Duration connectTimeout, Duration promptTimeout) {
        String name = address.getHostString() + ":" + address.getPort();
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) Math.max(1, connectTimeout.toMillis()));
            socket.setTcpNoDelay(true);
            MonitorClient client = new MonitorClient(name, socket);
            client.banner = client.untilPrompt(promptTimeout, "the first prompt");
            return client;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new MonitorException("renode monitor at " + name + ": cannot connect within "
                    + connectTimeout.toMillis() + " ms (" + e.getMessage() + ")", e);
        } catch (MonitorException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** What the monitor printed before its first prompt (Renode's version line), ANSI stripped. */
    public String banner() {
        return banner;
    }

    /** The name inside the last prompt: {@code monitor}, or the selected machine. */
    public String prompt() {
        return prompt;
    }

    /**
     * Runs one command and returns its output (without the echo and the prompt).
     *
     * @throws MonitorException when no prompt follows within {@code timeout}, or the monitor reports
     *                          an error (the message carries the command and the monitor's line)
     */
    public String execute(String command, Duration timeout) {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a monitor command is one line: " + command);
        }
        try {
            out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new MonitorException("renode monitor at " + address + ": cannot send '" + command + "' ("
                    + e.getMessage() + ")", e);
        }
        String output = withoutEcho(untilPrompt(timeout, "the answer to '" + command + "'"), command);
        for (String line : output.split("\n")) {
            for (Pattern error : ERRORS) {
                if (error.matcher(line.trim()).matches()) {
                    throw new MonitorException("renode monitor refused '" + command + "': " + line.trim());
                }
            }
        }
        return output;
    }

    /**
     * Drops the echoed command: Renode's line editor echoes what is typed and wraps a long line at
     * the terminal width, so the echo may span several lines.
     */
    static String withoutEcho(String output, String command) {
        String text = output.startsWith("\n") ? output.substring(1) : output;
        String[] lines = text.split("\n", -1);
        String wanted = command.trim();
        StringBuilder echoed = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            echoed.append(lines[i]);
            String sofar = echoed.toString().trim();
            if (sofar.equals(wanted)) {
                return String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, lines.length));
            }
            if (!wanted.startsWith(sofar)) {
                break;
            }
        }
        return text;
    }

    /** Reads until the output ends with a prompt; returns the text before the prompt. */
    private String untilPrompt(Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[4096];
        while (true) {
            String text = AnsiText.strip(pending.toString(StandardCharsets.UTF_8));
            Matcher m = PROMPT.matcher(text);
            if (m.find()) {
                prompt = m.group(1);
                pending.reset();
                return text.substring(0, m.start()).stripTrailing();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new MonitorException("renode monitor at " + address + ": no prompt after " + what + " within "
                        + timeout.toMillis() + " ms (last output: '" + tail(text) + "')");
            }
            try {
                socket.setSoTimeout((int) Math.max(1, Math.min(left / 1_000_000, 250)));
                int n = in.read(buf);
                if (n < 0) {
                    throw new MonitorException("renode monitor at " + address + ": connection closed while waiting for "
                            + what + " (last output: '" + tail(text) + "')");
                }
                pending.writeBytes(telnet.filter(buf, 0, n));
            } catch (SocketTimeoutException e) {
                // look again until the deadline
            } catch (IOException e) {
                throw new MonitorException("renode monitor at " + address + ": " + e.getMessage() + " while waiting for "
                        + what, e);
            }
        }
    }

    private static String tail(String text) {
        String t = text.strip().replace("\n", " | ");
        return t.length() <= 160 ? t : "..." + t.substring(t.length() - 160);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to report
        }
    }
}
