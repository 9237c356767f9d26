package io.uconform.simulator.esp32;

/** What the ROM prints on the UART at reset, per boot mode (byte-exact enough for log scanners). */
final class BootText {

    private BootText() {
    }

    static final String ROM_HEADER = "ets Jun  8 2016 00:22:57\r\n\r\n";

    /** The reset cause the ROM prints: an EN (or power) reset, or a software CPU reset. */
    enum Cause {
        POWER_ON("rst:0x1 (POWERON_RESET)"), SOFTWARE("rst:0xc (SW_CPU_RESET)");

        private final String text;

        Cause(String text) {
            this.text = text;
        }
    }

    static String download() {
        return download(Cause.POWER_ON);
    }

    static String download(Cause cause) {
        return ROM_HEADER + cause.text + ",boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\n"
                + "waiting for download\r\n";
    }

    static String flashBoot() {
        return flashBoot(Cause.POWER_ON);
    }

    static String flashBoot(Cause cause) {
        return ROM_HEADER + cause.text + ",boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n" + loadFromFlash();
    }

    /** What the ROM prints as it loads the bootloader from flash (also when it leaves download mode to run it). */
    static String loadFromFlash() {
        return "configsip: 0, SPIWP:0xee\r\n"
                + "clk_drv:0x00,q_drv:0x00,d_drv:0x00,cs0_drv:0x00,hd_drv:0x00,wp_drv:0x00\r\n"
                + "mode:DIO, clock div:2\r\n"
                + "load:0x3fff0030,len:4728\r\n"
                + "load:0x40078000,len:14888\r\n"
                + "load:0x40080400,len:3368\r\n"
                + "entry 0x400805e0\r\n";
    }

    static String invalidHeader(int firstWord) {
        return String.format("invalid header: 0x%08x\r\n", firstWord);
    }

    static String panic() {
        return "Guru Meditation Error: Core  0 panic'ed (LoadProhibited). Exception was unhandled.\r\n"
                + "\r\n"
                + "Core  0 register dump:\r\n"
                + "PC      : 0x400d2f3a  PS      : 0x00060630  A0      : 0x800d3b1c  A1      : 0x3ffb1f50\r\n"
                + "\r\n"
                + "Backtrace: 0x400d2f37:0x3ffb1f50 0x400d3b19:0x3ffb1f70 0x40088d85:0x3ffb1f90\r\n"
                + "\r\n"
                + "ELF file SHA256: 0000000000000000\r\n"
                + "\r\n"
                + "Rebooting...\r\n";
    }

    static String initialSetup() {
        return "Performing initial setup\r\n";
    }

    /** The default boot.py MicroPython writes into a fresh filesystem. */
    static final String DEFAULT_BOOT_PY = "# This file is executed on every boot (including wake-boot from deepsleep)\n"
            + "#import esp\n#esp.osdebug(None)\n#import webrepl\n#webrepl.start()\n";
}
