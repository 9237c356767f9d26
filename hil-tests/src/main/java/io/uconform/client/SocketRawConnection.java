package io.uconform.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A {@link RawConnection} over a plain socket; every read is bounded by the caller's timeout. */
final class SocketRawConnection implements RawConnection {

    private final Socket socket;
    private final SocketInput in;
    private final OutputStream out;
    private final Transcript transcript;
    private final String channel;
    private final String target;

    SocketRawConnection(Socket socket, Transcript transcript, String channel, String target) throws IOException {
        this.socket = socket;
        this.in = new SocketInput(socket);
        this.out = socket.getOutputStream();
        this.transcript = transcript;
        this.channel = channel;
        this.target = target;
    }

    @Override
    public RawConnection send(byte[] bytes) {
        transcript.sent(channel, bytes);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new AssertionError("could not send " + bytes.length + " bytes to " + target + " on "
                    + channel + ": " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public RawConnection send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public HttpReply readResponse(Duration timeout, boolean headRequest) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpReply reply = ResponseParser.read(in, deadline, headRequest);
            transcript.received(channel, in.takeConsumed());
            return reply;
        } catch (SocketInput.DeadlineException e) {
            throw noResponse("no complete response within " + timeout.toMillis() + " ms", NoResponse.Kind.TIMEOUT,
                    timeout.toMillis(), e);
        } catch (SocketInput.EndOfStreamException e) {
            throw noResponse("connection closed before a complete response", NoResponse.Kind.CLOSED, 0, e);
        } catch (java.net.SocketException e) {
            throw noResponse("unreadable response (" + e.getMessage() + ")", NoResponse.Kind.RESET, 0, e);
        } catch (IOException e) {
            throw noResponse("unreadable response (" + e.getMessage() + ")", NoResponse.Kind.GARBLED, 0, e);
        }
    }

    private NoResponse noResponse(String what, NoResponse.Kind kind, long waitedMs, IOException cause) {
        byte[] partial = in.takeConsumed();
        transcript.received(channel, partial);
        String start = Escapes.printable(partial, 60).replace("\n", "");
        return new NoResponse(target + " " + channel + ": " + what + "; received " + partial.length + " bytes: "
                + Escapes.printable(partial, 300).replace("\n", ""), kind, partial.length, start, waitedMs, cause);
    }

    @Override
    public byte[] readBytes(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            byte[] bytes = in.readExactly(n, deadline);
            transcript.received(channel, in.takeConsumed());
            return bytes;
        } catch (SocketInput.DeadlineException e) {
            throw failure(n + " bytes did not arrive within " + timeout.toMillis() + " ms", e);
        } catch (SocketInput.EndOfStreamException e) {
            throw failure("connection closed before " + n + " bytes arrived", e);
        } catch (IOException e) {
            throw failure("read failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String readLine(Duration timeout, int maxBytes) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            String line = in.readLine(deadline, maxBytes);
            transcript.received(channel, in.takeConsumed());
            return line;
        } catch (SocketInput.DeadlineException e) {
            throw failure("no complete line within " + timeout.toMillis() + " ms", e);
        } catch (SocketInput.EndOfStreamException e) {
            throw failure("connection closed before a complete line", e);
        } catch (IOException e) {
            throw failure("unreadable line (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public boolean closedByPeerWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            in.readToEnd(deadline);
            transcript.received(channel, in.takeConsumed());
            transcript.note(channel + ": closed by the peer");
            return true;
        } catch (SocketInput.DeadlineException e) {
            transcript.received(channel, in.takeConsumed());
            transcript.note(channel + ": still open after " + timeout.toMillis() + " ms");
            return false;
        } catch (IOException e) {
            // a reset counts as closed
            transcript.received(channel, in.takeConsumed());
            transcript.note(channel + ": connection reset by the peer (" + e.getMessage() + ")");
            return true;
        }
    }

    @Override
    public PeerEnd awaitPeerEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try {
            got.writeBytes(in.readToEnd(deadline));
            transcript.received(channel, in.takeConsumed());
            transcript.note(channel + ": closed by the peer");
            return new PeerEnd(got.toByteArray(), true, false);
        } catch (SocketInput.DeadlineException e) {
            byte[] partial = in.takeConsumed();
            transcript.received(channel, partial);
            transcript.note(channel + ": still open after " + timeout.toMillis() + " ms");
            return new PeerEnd(partial, false, false);
        } catch (IOException e) {
            byte[] partial = in.takeConsumed();
            transcript.received(channel, partial);
            transcript.note(channel + ": connection reset by the peer (" + e.getMessage() + ")");
            return new PeerEnd(partial, true, true);
        }
    }

    @Override
    public java.net.InetSocketAddress localAddress() {
        return (java.net.InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close(boolean reset) {
        if (socket.isClosed()) {
            return;
        }
        try {
            if (reset) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
            transcript.note(channel + (reset ? ": reset by the client (RST)" : ": closed by the client"));
        } catch (IOException e) {
            transcript.note(channel + ": close failed: " + e.getMessage());
        }
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    private AssertionError failure(String what, IOException cause) {
        byte[] partial = in.takeConsumed();
        transcript.received(channel, partial);
        return new AssertionError(target + " " + channel + ": " + what + "; received "
                + partial.length + " bytes: " + Escapes.printable(partial, 300).replace("\n", ""), cause);
    }
}
