package io.uconform.simulator.esp32;

/**
 * What the ROM loader and the modelled flasher stub need from the virtual board they run on. All
 * calls come from the board's CPU thread.
 */
interface LoaderBoard {

    /** Sends one SLIP frame with this payload (a reply, the stub's greeting, a READ_FLASH packet). */
    void send(byte[] payload);

    /** The UART's current rate. */
    int baud();

    /** Reprograms the UART: from now on it runs at {@code actualBaud} (0: a divider of 0, a dead line). */
    void switchBaud(int actualBaud);

    /** A software CPU reset: the chip restarts with the boot mode its strapping pins latched at the last chip reset. */
    void softwareReset();

    /** Leaves the loader and runs the application in flash, as the ROM does after download mode. */
    void runUserCode();

    /** Something the loader did that the board reports (the stub started). */
    void note(String line);

    ChipRegisters registers();

    FlashBusy flashBusy();

    FlashTiming flashTiming();
}
