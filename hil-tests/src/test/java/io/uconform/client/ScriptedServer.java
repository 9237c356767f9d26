package io.uconform.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A one-connection loopback server that reads the request head and answers with fixed bytes,
 * then optionally closes: raw protocol fixtures for the parser tests.
 */
final class ScriptedServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;

    ScriptedServer(String response, boolean closeAfter) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(10_000);
        thread = new Thread(() -> serve(response.getBytes(StandardCharsets.ISO_8859_1), closeAfter), "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void serve(byte[] response, boolean closeAfter) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            socket.getOutputStream().write(response);
            socket.getOutputStream().flush();
            if (!closeAfter) {
                in.read();
            }
        } catch (IOException e) {
            // the client went away: nothing to serve
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
