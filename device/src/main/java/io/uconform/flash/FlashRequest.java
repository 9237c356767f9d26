package io.uconform.flash;

import java.util.Optional;

/**
 * What to write and how. Immutable: {@code FlashRequest.of(image, 0x1000).withCompression(false)}.
 *
 * @param image           the raw image bytes
 * @param offset          flash address
 * @param compress        use FLASH_DEFL_* when the deflated image is smaller
 * @param skipIfIdentical ask the device for the region's MD5 first; write nothing if it matches
 * @param expectedChip    fail with "wrong chip" unless the board is this one
 * @param name            the image's name in messages (its file)
 */
public record FlashRequest(byte[] image, int offset, boolean compress, boolean skipIfIdentical,
                           Optional<Chip> expectedChip, String name) {

    public static FlashRequest of(byte[] image, int offset) {
        return new FlashRequest(image, offset, true, true, Optional.empty(), "image");
    }

    public FlashRequest withCompression(boolean on) {
        return new FlashRequest(image, offset, on, skipIfIdentical, expectedChip, name);
    }

    public FlashRequest withSkipIfIdentical(boolean on) {
        return new FlashRequest(image, offset, compress, on, expectedChip, name);
    }

    public FlashRequest expecting(Chip chip) {
        return new FlashRequest(image, offset, compress, skipIfIdentical, Optional.of(chip), name);
    }

    public FlashRequest named(String imageName) {
        return new FlashRequest(image, offset, compress, skipIfIdentical, expectedChip, imageName);
    }
}
