package io.uconform.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class SlipTest {

    @Test
    void escapesEndAndEscBytesAndRoundTrips() {
        byte[] payload = {1, (byte) 0xC0, 2, (byte) 0xDB, 3};
        byte[] frame = Slip.encode(payload);
        assertThat(frame).containsExactly(0xC0, 1, 0xDB, 0xDC, 2, 0xDB, 0xDD, 3, 0xC0);
    }

    @Test
    void readsFramesSkippingBootNoiseAndEmptyFrames() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes("ets Jun  8 2016\r\nwaiting for download\r\n".getBytes());
        wire.write(0xC0);
        wire.writeBytes(Slip.encode(new byte[] {(byte) 0xC0, 9}));
        wire.writeBytes(Slip.encode(new byte[] {7}));
        ByteArrayInputStream in = new ByteArrayInputStream(wire.toByteArray());
        assertThat(Slip.readFrame(in)).containsExactly(0xC0, 9);
        assertThat(Slip.readFrame(in)).containsExactly(7);
        assertThatThrownBy(() -> Slip.readFrame(in)).isInstanceOf(EOFException.class);
    }

    @Test
    void rejectsABadEscape() {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[] {(byte) 0xC0, 1, (byte) 0xDB, 5, (byte) 0xC0});
        assertThatThrownBy(() -> Slip.readFrame(in)).isInstanceOf(SlipException.class)
                .hasMessageContaining("0xDB 0x05");
    }
}
