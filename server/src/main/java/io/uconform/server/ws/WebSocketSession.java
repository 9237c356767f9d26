package io.uconform.server.ws;

import io.uconform.server.TakenConnection;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * One WebSocket connection after the 101: reassembles fragmented messages (control frames may
 * arrive between fragments), answers PING with PONG, echoes the client's CLOSE code, and closes
 * with 1002/1007/1009 on protocol violations and 1008 when a frame is not complete within the frame
 * deadline. Runs on the connection's thread until the session ends;
 * the server closes the TCP connection when it returns.
 */
final class WebSocketSession {

    private static final System.Logger LOG = System.getLogger("io.uconform.server.ws");

    private final TakenConnection connection;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final MessageHandler handler;
    private final WsFaults faults;
    private final int maxMessageBytes;

    WebSocketSession(TakenConnection connection, MessageHandler handler, WsFaults faults) {
        this.connection = connection;
        this.maxMessageBytes = connection.limits().maxWsMessageBytes();
        this.reader = new FrameReader(connection, maxMessageBytes, !faults.unmaskedAccepted(),
                faults.frameDeadlineIgnored() ? null : connection.limits().wsFrameTimeout());
        this.writer = new FrameWriter(connection.output());
        this.handler = handler;
        this.faults = faults;
    }

    void run() throws IOException {
        try {
            loop();
        } catch (WsProtocolException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: closing with {1}: {2}", connection.remoteAddress(), e.code(),
                    e.getMessage());
            writer.close(e.code(), e.getMessage());
        } catch (SocketTimeoutException e) {
            writer.close(1001, "idle for too long");
        } catch (EOFException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: left without a close frame", connection.remoteAddress());
        }
    }

    private void loop() throws IOException, WsProtocolException {
        ByteArrayOutputStream message = null;
        boolean messageIsText = false;
        while (true) {
            WsFrame frame = reader.read();
            switch (frame.opcode()) {
                case WsFrame.PING:
                    if (!faults.pingIgnored()) {
                        writer.write(WsFrame.PONG, frame.payload());
                    }
                    continue;
                case WsFrame.PONG:
                    continue;
                case WsFrame.CLOSE:
                    answerClose(frame.payload());
                    return;
                case WsFrame.CONTINUATION:
                    if (message == null) {
                        throw new WsProtocolException(1002, "continuation frame without a message to continue");
                    }
                    break;
                default:
                    if (message != null) {
                        throw new WsProtocolException(1002, "new data frame inside a fragmented message");
                    }
                    message = new ByteArrayOutputStream();
                    messageIsText = frame.opcode() == WsFrame.TEXT;
            }
            if ((long) message.size() + frame.payload().length > maxMessageBytes) {
                throw new WsProtocolException(1009, "message exceeds " + maxMessageBytes + " bytes");
            }
            message.write(frame.payload());
            if (frame.fin()) {
                deliver(messageIsText, message.toByteArray());
                message = null;
            }
        }
    }

    private void deliver(boolean text, byte[] payload) throws IOException, WsProtocolException {
        if (text && !faults.utf8Unchecked() && !Utf8.isValid(payload)) {
            throw new WsProtocolException(1007, "text message is not valid UTF-8");
        }
        MessageHandler.Reply reply = handler.onMessage(text, payload);
        if (reply != null) {
            writer.write(reply.text() ? WsFrame.TEXT : WsFrame.BINARY, reply.payload());
        }
    }

    /** RFC 6455 section 5.5.1: echo the status code; an invalid close payload is itself a violation. */
    private void answerClose(byte[] payload) throws IOException, WsProtocolException {
        if (faults.closeUnanswered()) {
            return;
        }
        if (payload.length == 0) {
            writer.write(WsFrame.CLOSE, payload);
            return;
        }
        if (payload.length == 1) {
            throw new WsProtocolException(1002, "close payload of 1 byte");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!isValidCloseCode(code)) {
            throw new WsProtocolException(1002, "invalid close code " + code);
        }
        if (!Utf8.isValid(Arrays.copyOfRange(payload, 2, payload.length))) {
            throw new WsProtocolException(1007, "close reason is not valid UTF-8");
        }
        writer.close(code, "");
    }

    static boolean isValidCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
