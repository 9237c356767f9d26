package io.uconform.simulator.esp32;

/**
 * The board's {@code os.uname()} fields from its banner line, as MicroPython on an ESP32 reports
 * them: {@code (sysname='esp32', nodename='esp32', release='1.24.1', version='v1.24.1 on 2024-11-29',
 * machine='Generic ESP32 module with ESP32')}. Every ESP32 variant's platform is {@code esp32}.
 */
final class BoardUname {

    private BoardUname() {
    }

    /** @param bannerLine e.g. {@code MicroPython v1.24.1 on 2024-11-29; Generic ESP32 module with ESP32} */
    static String fromBanner(String bannerLine) {
        String rest = bannerLine.startsWith("MicroPython ") ? bannerLine.substring("MicroPython ".length()) : bannerLine;
        int semicolon = rest.indexOf("; ");
        String version = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String machine = semicolon < 0 ? "" : rest.substring(semicolon + 2);
        String release = version.split(" ")[0].replaceFirst("^v", "");
        return String.join("|", "esp32", "esp32", release, version, machine);
    }
}
