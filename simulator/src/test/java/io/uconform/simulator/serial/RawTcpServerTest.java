package io.uconform.simulator.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.link.InMemoryLink;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Raw serial over TCP: bytes unchanged both ways, one client at a time, nothing held for absent clients. */
@Timeout(30)
class RawTcpServerTest {

    @Test
    void passesBytesUnchangedAndServesOneClientAtATime() throws Exception {
        InMemoryLink.Pair serial = InMemoryLink.pair("raw-test");
        try (RawTcpServer server = RawTcpServer.start(serial.host(), 0, line -> { })) {
            serial.device().output().write("before anyone listens".getBytes());
            org.awaitility.Awaitility.await("the bytes sent to nobody dropped").atMost(Duration.ofSeconds(3))
                    .until(() -> serial.host().input().available() == 0);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                client.setSoTimeout(5000);
                client.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xC0, 'x'});
                serial.device().setReadTimeout(Duration.ofSeconds(5));
                assertThat(serial.device().input().readNBytes(3)).containsExactly(0xFF, 0xC0, 'x');
                serial.device().output().write(new byte[] {(byte) 0xFF, 'y'});
                InputStream in = client.getInputStream();
                assertThat(in.readNBytes(2)).as("no Telnet doubling, nothing from before").containsExactly(0xFF, 'y');
                try (Socket second = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                    second.setSoTimeout(3000);
                    assertThat(second.getInputStream().read()).as("turned away").isEqualTo(-1);
                }
            }
            assertThat(server.url()).isEqualTo("socket://127.0.0.1:" + server.port());
        } finally {
            serial.host().close();
        }
    }
}
