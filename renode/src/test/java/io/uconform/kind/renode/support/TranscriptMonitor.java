package io.uconform.kind.renode.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A fake Renode monitor on loopback that plays a written transcript (src/test/resources/transcripts):
 * telnet negotiation and an ANSI-coloured banner and prompt on connect, then for each command the
 * client sends, the transcript's answer, when it is the command the transcript expects next. A
 * command out of order is answered the way Renode answers an unknown one and recorded, so a test
 * sees exactly what was sent. {@link #silent()} accepts and never answers (timeouts).
 */
public final class TranscriptMonitor implements AutoCloseable {

    static final byte[] NEGOTIATION = {(byte) 0xFF, (byte) 0xFB, 0x01, (byte) 0xFF, (byte) 0xFB, 0x03,
        (byte) 0xFF, (byte) 0xFD, 0x22, (byte) 0xFF, (byte) 0xFA, 0x22, 0x01, 0x00, (byte) 0xFF, (byte) 0xF0};

    private record Step(String command, List<String> answer, String promptAfter, boolean close) {
    }

    private final ServerSocket server;
    private final List<String> banner;
    private final String firstPrompt;
    private final List<Step> steps;
    private final boolean silent;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    private TranscriptMonitor(List<String> banner, String firstPrompt, List<Step> steps, boolean silent) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.banner = banner;
        this.firstPrompt = firstPrompt;
        this.steps = steps;
        this.silent = silent;
        this.thread = new Thread(this::serve, "transcript-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Plays {@code transcripts/<name>} with the placeholders filled in. */
    public static TranscriptMonitor play(String name, Map<String, String> values) {
        try {
            Path file = Path.of("src/test/resources/transcripts", name);
            List<String> banner = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            String prompt = "monitor";
            String first = null;
            String command = null;
            List<String> answer = new ArrayList<>();
            boolean inBanner = false;
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw;
                for (Map.Entry<String, String> v : values.entrySet()) {
                    line = line.replace("${" + v.getKey() + "}", v.getValue());
                }
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.equals("@banner")) {
                    inBanner = true;
                } else if (line.startsWith("@prompt ")) {
                    prompt = line.substring(8); // printed after the answer of the command before, and on
                    if (first == null) {
                        first = prompt;
                    }
                    inBanner = false;
                } else if (line.startsWith("> ")) {
                    if (command != null) {
                        steps.add(new Step(command, answer, prompt, false));
                    }
                    command = line.substring(2);
                    answer = new ArrayList<>();
                } else if (line.equals("@close")) {
                    steps.add(new Step(command, answer, prompt, true));
                    command = null;
                } else if (inBanner) {
                    banner.add(line);
                } else if (command != null) {
                    answer.add(line);
                }
            }
            if (command != null) {
                steps.add(new Step(command, answer, prompt, false));
            }
            return new TranscriptMonitor(banner, first, steps, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A monitor that accepts connections and never prints a prompt. */
    public static TranscriptMonitor silent() {
        try {
            return new TranscriptMonitor(List.of(), "monitor", List.of(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every command line the client sent, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Commands that were not the transcript's next one. */
    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                if (silent) {
                    out.write(NEGOTIATION);
                    out.flush();
                    s.getInputStream().transferTo(OutputStream.nullOutputStream());
                    continue;
                }
                out.write(NEGOTIATION);
                for (String b : banner) {
                    out.write((b + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
                prompt(out, firstPrompt);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                int next = 0;
                String prompt = firstPrompt;
                for (String line; (line = in.readLine()) != null; ) {
                    received.add(line);
                    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8)); // telnet echo
                    if (next < steps.size() && steps.get(next).command().equals(line)) {
                        Step step = steps.get(next++);
                        for (String a : step.answer()) {
                            out.write((a + "\r\n").getBytes(StandardCharsets.UTF_8));
                        }
                        if (step.close()) {
                            out.flush();
                            break;
                        }
                        prompt = step.promptAfter();
                    } else {
                        unexpected.add(line);
                        out.write(("\u001B[31mNo such command or device: " + line + "\u001B[0m\r\n").getBytes(StandardCharsets.UTF_8));
                    }
                    prompt(out, prompt);
                }
            } catch (IOException e) {
                // the client went away, or the server closed
            }
        }
    }

    private static void prompt(OutputStream out, String name) throws IOException {
        out.write(("\u001B[1;33m(" + name + ")\u001B[0m ").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}
