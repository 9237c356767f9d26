package io.uconform.simulator.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One locator for host and esp32: a checkout's copy first, else the copy shipped in the jar. */
class FirmwareLocatorTest {

    @Test
    void outsideACheckoutTheShippedFirmwareIsUnpackedOwnerOnly(@TempDir Path elsewhere) throws Exception {
        Path dir = FirmwareLocator.referenceFirmware(elsewhere).orElseThrow();
        assertThat(dir).isNotEqualTo(elsewhere.resolve("server/firmware"));
        assertThat(dir.resolve("main.py")).isRegularFile();
        assertThat(dir.resolve("lib/uconform/server.py")).isRegularFile();
        assertThat(dir.resolve("apps/reference.py")).isRegularFile();
        assertThat(dir.resolve("tests")).as("tests stay in the checkout").doesNotExist();
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        }
        assertThat(FirmwareLocator.referenceFirmware(elsewhere)).as("unpacked once per JVM").contains(dir);
    }

    @Test
    void theShippedCopyIsTheCheckoutsFirmware() throws Exception {
        Path checkout = Path.of("../server/firmware").toAbsolutePath().normalize();
        Path shipped = FirmwareLocator.shipped().orElseThrow();
        for (String file : new String[] {"main.py", "lib/uconform/server.py", "lib/uconform/connection.py"}) {
            assertThat(shipped.resolve(file)).as(file).hasSameBinaryContentAs(checkout.resolve(file));
        }
    }

    @Test
    void inACheckoutItsOwnFirmwareWins(@TempDir Path tree) throws Exception {
        Path firmware = Files.createDirectories(tree.resolve("server/firmware"));
        Files.writeString(firmware.resolve("main.py"), "print('x')\n");
        Path below = Files.createDirectories(tree.resolve("a/b"));
        assertThat(FirmwareLocator.referenceFirmware(below)).contains(firmware);
        assertThat(Set.of(FirmwareLocator.sha256(new byte[0])))
                .containsExactly("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
