package io.uconform.link;

/** A serial port the system lists: its path and, for USB ports, the ids of its bridge. */
public record SerialPortInfo(String path, int vendorId, int productId, String description) {

    public boolean matches(UsbId id) {
        return vendorId == id.vendor() && productId == id.product();
    }

    public UsbId usbId() {
        return new UsbId(vendorId, productId);
    }
}
