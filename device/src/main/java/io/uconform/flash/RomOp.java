package io.uconform.flash;

/** ROM and stub command ids (esptool's serial protocol). */
final class RomOp {

    static final int FLASH_BEGIN = 0x02;
    static final int FLASH_DATA = 0x03;
    static final int FLASH_END = 0x04;
    static final int MEM_BEGIN = 0x05;
    static final int MEM_END = 0x06;
    static final int MEM_DATA = 0x07;
    static final int SYNC = 0x08;
    static final int WRITE_REG = 0x09;
    static final int READ_REG = 0x0A;
    static final int SPI_SET_PARAMS = 0x0B;
    static final int SPI_ATTACH = 0x0D;
    static final int CHANGE_BAUDRATE = 0x0F;
    static final int FLASH_DEFL_BEGIN = 0x10;
    static final int FLASH_DEFL_DATA = 0x11;
    static final int FLASH_DEFL_END = 0x12;
    static final int SPI_FLASH_MD5 = 0x13;
    static final int GET_SECURITY_INFO = 0x14;
    static final int ERASE_FLASH = 0xD0; // stub only
    static final int ERASE_REGION = 0xD1; // stub only
    static final int RUN_USER_CODE = 0xD3; // stub only, no reply

    static final int CHIP_MAGIC_REGISTER = 0x40001000;

    private RomOp() {
    }
}
