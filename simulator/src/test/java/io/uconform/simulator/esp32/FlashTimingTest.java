package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The erase and program arithmetic: W25Q32FV typical figures, erases split as the ROM and stubs split them. */
class FlashTimingTest {

    private static final FlashTiming T = FlashTiming.W25Q32FV;

    @Test
    void erasesSectorsUpToABlockBoundaryThenBlocksThenSectors() {
        assertThat(T.eraseNanos(0x10000, 0x10000)).as("one aligned 64 KB block").isEqualTo(150_000_000L);
        assertThat(T.eraseNanos(0x1000, 0x10000)).as("15 sectors to 0x10000, then 1 sector")
                .isEqualTo(16 * 45_000_000L);
        assertThat(T.eraseNanos(0x1000, 0x180000)).as("1.5 MB at 0x1000: 15 sectors, 23 blocks, 1 sector")
                .isEqualTo(16 * 45_000_000L + 23 * 150_000_000L);
        assertThat(T.eraseNanos(0x1800, 1)).as("a byte costs its sector").isEqualTo(45_000_000L);
        assertThat(T.eraseNanos(0, 0)).isZero();
    }

    @Test
    void programsOnePageProgramPerPageTouched() {
        assertThat(T.programNanos(0, 0x400)).as("a ROM block: 4 pages").isEqualTo(4 * 700_000L);
        assertThat(T.programNanos(0x80, 0x100)).as("straddling two pages").isEqualTo(2 * 700_000L);
        assertThat(T.chipEraseNanos(4 << 20)).isEqualTo(10_000_000_000L);
        assertThat(T.chipEraseNanos(16 << 20)).isEqualTo(40_000_000_000L);
        assertThat(FlashTiming.NONE.eraseNanos(0, 1 << 20)).isZero();
        assertThat(FlashTiming.NONE.modelled()).isFalse();
    }
}
