package io.uconform.kind.renode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.spi.TargetException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RescScriptTest {

    private static RescScript script(String firmware) {
        return RescScript.of("uconform", BoardProfile.NUCLEO_F767ZI, Path.of(firmware), 3456, AddressPlan.DEFAULT);
    }

    @Test
    void aHexImageIsLoadedIntoFlashWithTheVectorTableThereTheUartOnARawSocketAndEthernetOnTheTap() {
        assertThat(script("/cache/NUCLEO_F767ZI-20240222-v1.22.2.hex").commands()).containsExactly(
                "mach create \"uconform\"",
                "machine LoadPlatformDescription @platforms/boards/nucleo_f767zi.repl",
                "sysbus LoadHEX @/cache/NUCLEO_F767ZI-20240222-v1.22.2.hex",
                "sysbus.cpu VectorTableOffset 0x8000000",
                "emulation CreateServerSocketTerminal 3456 \"uart\" false",
                "connector Connect sysbus.usart3 uart",
                "emulation CreateSwitch \"switch\"",
                "connector Connect sysbus.ethernet switch",
                "emulation CreateTap \"uconform0\" \"tap\" true",
                "connector Connect host.tap switch");
    }

    @Test
    void elfAndBinImagesLoadTheirOwnWay() {
        assertThat(script("/fw/firmware.elf").commands()).contains("sysbus LoadELF @/fw/firmware.elf")
                .noneMatch(c -> c.contains("VectorTableOffset"));
        assertThat(script("/fw/firmware.bin").commands())
                .contains("sysbus LoadBinary @/fw/firmware.bin 0x8000000", "sysbus.cpu VectorTableOffset 0x8000000");
    }

    @Test
    void theRenderedScriptSaysWhatItIsAndHoldsEveryCommand() {
        String text = script("/fw/firmware.elf").render();
        assertThat(text).startsWith(":name: uconform nucleo-f767zi\n:description: MicroPython on nucleo-f767zi, REPL UART on"
                + " TCP 3456, Ethernet on TAP uconform0 (host 192.0.2.1, board 192.0.2.2)\n\n");
        assertThat(text).endsWith("connector Connect host.tap switch\n");
    }

    @Test
    void pathsRenodeCannotTakeAndOtherImageTypesAreRefusedWithOneLine() {
        assertThatThrownBy(() -> script("/my images/fw.hex")).isInstanceOf(TargetException.class)
                .hasMessageContaining("must be non-empty and hold no space");
        assertThatThrownBy(() -> script("/fw/firmware.dfu").commands()).isInstanceOf(TargetException.class)
                .hasMessage("renode: the firmware '/fw/firmware.dfu' is not a .hex, .elf or .bin image");
    }
}
