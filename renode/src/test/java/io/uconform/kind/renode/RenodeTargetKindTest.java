package io.uconform.kind.renode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.kind.renode.launch.ContainerRenode;
import io.uconform.kind.renode.launch.LocalRenode;
import io.uconform.profile.Profiles;
import io.uconform.spi.Availability;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Availability is "skipped with the reason" for every missing piece, never a pass; options are checked first. */
class RenodeTargetKindTest {

    @TempDir
    Path dir;

    private static TargetSpec spec(String... kv) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return new TargetSpec("renode", options, Profiles.load("reference"));
    }

    /** A host with the given PATH, interfaces and Docker answer. */
    private RenodeHost host(boolean renodeOnPath, boolean tap, boolean docker) throws Exception {
        Path bin = Files.createTempDirectory(dir, "bin");
        if (renodeOnPath) {
            Path renode = Files.writeString(bin.resolve("renode"), "#!/bin/sh\nexit 1\n");
            Files.setPosixFilePermissions(renode, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path net = Files.createTempDirectory(dir, "net");
        if (tap) {
            Files.createDirectories(net.resolve("uconform0"));
        }
        return new RenodeHost(Map.of("PATH", bin.toString()), net, () -> docker);
    }

    private Path image() throws Exception {
        return Files.writeString(dir.resolve("fw.hex"), ":00000001FF\n");
    }

    @Test
    void theKindIsFoundThroughTheServiceLoaderAndDeclaresItsOptions() {
        assertThat(TargetKinds.find("renode")).get().isInstanceOf(RenodeTargetKind.class);
        assertThat(new RenodeTargetKind().options()).extracting(o -> o.name()).containsExactly("renode", "platform", "image",
                "image-sha256", "app", "tap", "host-ip", "board-ip", "ready", "boot-timeout-seconds");
    }

    @Test
    void neitherRenodeNorDockerIsUnavailableWithTheReason() throws Exception {
        Availability a = new RenodeTargetKind(host(false, true, false)).availability(spec("image", image().toString()));
        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).isEqualTo("renode: no local Renode (renode=<path>, or renode on PATH) and no Docker engine for "
                + ContainerRenode.IMAGE);
    }

    @Test
    void anExplicitRenodeThatIsNotThereOrDockerWithoutAnEngineIsUnavailable() throws Exception {
        RenodeTargetKind kind = new RenodeTargetKind(host(true, true, false));
        assertThat(kind.availability(spec("renode", "/nowhere/renode", "image", image().toString())).reason())
                .isEqualTo("renode: renode=/nowhere/renode is not an executable file");
        assertThat(kind.availability(spec("renode", "docker", "image", image().toString())).reason())
                .isEqualTo("renode: renode=docker, but no Docker engine answers here (for " + ContainerRenode.IMAGE + ")");
    }

    @Test
    void aMissingTapSaysHowToCreateItOnce() throws Exception {
        Availability a = new RenodeTargetKind(host(true, false, false)).availability(spec("image", image().toString()));
        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).startsWith("renode: no TAP interface 'uconform0' on this host (create it once: sudo ip tuntap"
                + " add dev uconform0 mode tap user $(id -u) && sudo ip addr add 192.0.2.1/24 dev uconform0");
    }

    @Test
    void withoutALocalImageOrAPinnedSha256NothingIsDownloadedAndTheKindSaysWhy() throws Exception {
        Availability a = new RenodeTargetKind(host(true, true, false)).availability(spec());
        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).contains("no SHA-256 is pinned for " + PinnedFirmware.NUCLEO_F767ZI.url())
                .contains("pass image=<file> or image-sha256=<hex>");
        assertThat(new RenodeTargetKind(host(true, true, false)).availability(spec("imageSha256", "ab".repeat(32))) // the former spelling
                .isAvailable()).isTrue();
        assertThat(new RenodeTargetKind(host(true, true, false)).availability(spec("image", "/nowhere/fw.hex")).reason())
                .isEqualTo("renode: image /nowhere/fw.hex does not exist");
    }

    @Test
    void everythingPresentIsAvailableAndPrefersTheLocalRenodeOverDocker() throws Exception {
        RenodeTargetKind kind = new RenodeTargetKind(host(true, true, true));
        assertThat(kind.availability(spec("image", image().toString())).isAvailable()).isTrue();
        assertThat(kind.launcher(RenodeOptions.parse(spec()))).isInstanceOf(LocalRenode.class);
        assertThat(new RenodeTargetKind(host(false, true, true)).launcher(RenodeOptions.parse(spec())))
                .isInstanceOf(ContainerRenode.class);
        assertThat(kind.create(spec("image", image().toString())).name()).isEqualTo("renode:nucleo-f767zi");
    }

    @Test
    void badOptionsAreOneLineBeforeAnyWork() throws Exception {
        RenodeTargetKind kind = new RenodeTargetKind(host(true, true, true));
        assertThat(kind.availability(spec("tapp", "x")).reason()).isEqualTo("target 'renode' has no option 'tapp' (known: app,"
                + " board-ip, boot-timeout-seconds, host-ip, image, image-sha256, platform, ready, renode, tap)");
        assertThat(new RenodeTargetKind(host(false, false, false)).create(spec()).name())
                .as("a host without Renode is not bad input: create() does no look-ups").isEqualTo("renode:nucleo-f767zi");
        assertThatThrownBy(() -> kind.create(spec("board-ip", "192.0.3.2"))).isInstanceOf(TargetException.class)
                .hasMessage("renode: host-ip 192.0.2.1 and board-ip 192.0.3.2 must be two different addresses of one /24");
        assertThatThrownBy(() -> kind.create(spec("platform", "esp32"))).isInstanceOf(TargetException.class)
                .hasMessage("renode: option platform: unknown board 'esp32' (known: nucleo-f767zi)");
        assertThatThrownBy(() -> kind.create(spec("boot-timeout-seconds", "soon"))).isInstanceOf(TargetException.class)
                .hasMessage("renode: option boot-timeout-seconds: 'soon' is not a whole number of seconds");
        assertThatThrownBy(() -> kind.create(spec("tap", "a name with spaces"))).isInstanceOf(TargetException.class)
                .hasMessageStartingWith("renode: option tap: 'a name with spaces' is not a Linux interface name");
        assertThatThrownBy(() -> kind.create(spec("image-sha256", "xyz"))).isInstanceOf(TargetException.class)
                .hasMessage("renode: option image-sha256: 'xyz' is not 64 hex digits");
    }
}
