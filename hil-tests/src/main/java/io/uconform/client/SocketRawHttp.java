package io.uconform.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Opens raw connections to one target for one check, records them in the check's transcript and
 * closes whatever the check left open ({@link #closeAll()}).
 */
public final class SocketRawHttp implements RawHttp {

    private final URI baseUri;
    private final Duration connectTimeout;
    private final Transcript transcript;
    private final String target;
    private final List<SocketRawConnection> open = new CopyOnWriteArrayList<>();

    public SocketRawHttp(URI baseUri, Duration connectTimeout, Transcript transcript, String target) {
        this.baseUri = baseUri;
        this.connectTimeout = connectTimeout;
        this.transcript = transcript;
        this.target = target;
    }

    @Override
    public RawConnection open() {
        String host = baseUri.getHost();
        int port = port(baseUri);
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            transcript.note("raw connect to " + host + ":" + port + " failed: " + e.getMessage());
            throw new AssertionError(target + ": could not connect to " + host + ":" + port + " within "
                    + connectTimeout.toMillis() + " ms: " + e.getMessage(), e);
        }
        String channel = "raw#" + (open.size() + 1);
        transcript.note(channel + ": connected to " + host + ":" + port + " from local port " + socket.getLocalPort());
        try {
            SocketRawConnection connection = new SocketRawConnection(socket, transcript, channel, target);
            open.add(connection);
            return connection;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new AssertionError(target + ": connection to " + host + ":" + port + " unusable: " + e.getMessage(), e);
        }
    }

    /** Closes every connection the check opened (also unblocks a read stuck in a timed-out check). */
    public void closeAll() {
        open.forEach(c -> c.close(false));
        open.clear();
    }

    static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to report: the connect failure is
        }
    }
}
