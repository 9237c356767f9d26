package io.uconform.simulator.admin.page;

import static io.uconform.simulator.admin.page.Html.esc;

import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.PinState;
import java.util.List;
import java.util.Map;

/**
 * The board as inline SVG, drawn from above: the module at the antenna end, both pin headers with
 * their silkscreen labels, each GPIO's mode and level beside it, the user LED (lit when its pin is
 * high), the power LED, the reset and BOOT buttons and the USB connector. The state is drawn into
 * the SVG (a page without script shows the board as it is); the page's script then updates the
 * same elements by id ({@code pin-N}, {@code led}, {@code btn-boot}, {@code btn-reset}).
 */
final class BoardDrawing {

    static final int PITCH = 24;
    static final int MARGIN = 118;
    static final int BOARD_WIDTH = 250;
    static final int TOP = 12;
    static final int FIRST_PIN = 34;
    static final int BOTTOM_AREA = 96;

    private final BoardLayout layout;
    private final BoardProfile profile;
    private final Map<Integer, PinState> pins;
    private final StringBuilder svg = new StringBuilder(24_000);
    private final int x0 = MARGIN;
    private final int height;

    private BoardDrawing(BoardLayout layout, BoardProfile profile, Map<Integer, PinState> pins) {
        this.layout = layout;
        this.profile = profile;
        this.pins = pins;
        int rows = Math.max(layout.left().size(), layout.right().size());
        this.height = FIRST_PIN + (rows - 1) * PITCH + BOTTOM_AREA;
    }

    static String render(BoardLayout layout, BoardProfile profile, Map<Integer, PinState> pins) {
        return new BoardDrawing(layout, profile, pins).draw();
    }

    private String draw() {
        int width = 2 * MARGIN + BOARD_WIDTH;
        int total = TOP + height + 10;
        svg.append("<svg id=\"board\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ')
                .append(total).append("\" width=\"").append(width).append("\" height=\"").append(total)
                .append("\" role=\"img\" aria-label=\"").append(esc(profile.description())).append("\">\n");
        svg.append("<defs><filter id=\"glow\" x=\"-100%\" y=\"-100%\" width=\"300%\" height=\"300%\">"
                + "<feGaussianBlur stdDeviation=\"4\"/></filter></defs>\n");
        svg.append("<rect class=\"pcb\" x=\"").append(x0).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(BOARD_WIDTH).append("\" height=\"").append(height).append("\" rx=\"8\"/>\n");
        module();
        header(layout.left(), true);
        header(layout.right(), false);
        headerNames();
        leds();
        bottom();
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void module() {
        int mx = x0 + 46;
        int mw = BOARD_WIDTH - 92;
        int my = TOP + 6;
        svg.append("<g class=\"module\"><rect class=\"module-pcb\" x=\"").append(mx).append("\" y=\"").append(my)
                .append("\" width=\"").append(mw).append("\" height=\"200\" rx=\"3\"/>");
        // the PCB antenna: a meander along the module's top edge
        StringBuilder d = new StringBuilder("M").append(mx + 12).append(' ').append(my + 30);
        for (int i = 0; i < 8; i++) {
            int x = mx + 12 + i * 17;
            d.append(" V").append(my + 10).append(" H").append(x + 9).append(" V").append(my + 30).append(" H").append(x + 18);
        }
        svg.append("<path class=\"antenna\" d=\"").append(d).append("\"/>");
        svg.append("<rect class=\"shield\" x=\"").append(mx + 10).append("\" y=\"").append(my + 44).append("\" width=\"")
                .append(mw - 20).append("\" height=\"146\" rx=\"2\"/>");
        svg.append("<text class=\"module-name\" x=\"").append(mx + mw / 2).append("\" y=\"").append(my + 110)
                .append("\">").append(esc(layout.module())).append("</text>");
        svg.append("<text class=\"module-sub\" x=\"").append(mx + mw / 2).append("\" y=\"").append(my + 128)
                .append("\">").append(esc(profile.id())).append("</text></g>\n");
    }

    private void header(List<HeaderPin> header, boolean left) {
        int padX = left ? x0 + 16 : x0 + BOARD_WIDTH - 16;
        for (int i = 0; i < header.size(); i++) {
            HeaderPin hp = header.get(i);
            int y = TOP + FIRST_PIN + i * PITCH;
            if (hp.kind() == HeaderPin.Kind.GPIO) {
                gpioPin(hp, left, padX, y, i + 1);
            } else {
                svg.append("<g class=\"pin ").append(hp.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\">");
                pad(padX, y, i == 0);
                label(hp.label(), left, padX, y);
                svg.append("</g>\n");
            }
        }
    }

    private void gpioPin(HeaderPin hp, boolean left, int padX, int y, int number) {
        PinState s = pins.get(hp.gpio());
        if (s == null) {
            // a header GPIO the profile lacks: drawn, not interactive
            svg.append("<g class=\"pin absent\">");
            pad(padX, y, number == 1);
            label(hp.label(), left, padX, y);
            svg.append("</g>\n");
            return;
        }
        String where = (left ? layout.leftName() : layout.rightName()) + " pin " + number;
        svg.append("<g id=\"pin-").append(hp.gpio()).append("\" class=\"").append(PageText.pinClasses(s, profile))
                .append("\" data-pin=\"").append(hp.gpio()).append("\" data-where=\"").append(esc(where))
                .append("\" data-label=\"").append(esc(hp.label())).append("\" tabindex=\"0\" role=\"button\" aria-label=\"GPIO")
                .append(hp.gpio()).append(" (").append(esc(hp.label())).append(")\">");
        int hitX = left ? 4 : x0 + BOARD_WIDTH - 50;
        svg.append("<rect class=\"hit\" x=\"").append(hitX).append("\" y=\"").append(y - PITCH / 2).append("\" width=\"")
                .append(MARGIN + 46 - 4).append("\" height=\"").append(PITCH).append("\"/>");
        pad(padX, y, number == 1);
        label(hp.label(), left, padX, y);
        int dotX = left ? x0 - 12 : x0 + BOARD_WIDTH + 12;
        svg.append("<circle class=\"dot\" cx=\"").append(dotX).append("\" cy=\"").append(y).append("\" r=\"6\"");
        dotStyle(s);
        svg.append("/>");
        int textX = left ? dotX - 11 : dotX + 11;
        svg.append("<text class=\"badge ").append(left ? "end" : "start").append("\" x=\"").append(textX).append("\" y=\"")
                .append(y + 4).append("\">").append(esc("GPIO" + hp.gpio() + " " + PageText.badge(s, profile)))
                .append("</text></g>\n");
    }

    /** PWM and ADC pins show their duty or voltage as the dot's brightness. */
    private void dotStyle(PinState s) {
        double share = switch (s.mode()) {
            case PWM -> s.pwmDuty() / 1023.0;
            case ADC -> Math.min(1.0, io.uconform.simulator.board.AdcCurve.millivoltsFor(s.value()) / 3300.0);
            default -> -1;
        };
        if (share >= 0) {
            svg.append(" style=\"fill-opacity:").append(String.format(java.util.Locale.ROOT, "%.2f", 0.15 + 0.85 * share))
                    .append("\"");
        }
    }

    private void pad(int x, int y, boolean first) {
        if (first) {
            // pin 1 has a square pad, as on the board
            svg.append("<rect class=\"pad\" x=\"").append(x - 7).append("\" y=\"").append(y - 7)
                    .append("\" width=\"14\" height=\"14\"/>");
        } else {
            svg.append("<circle class=\"pad\" cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"7\"/>");
        }
        svg.append("<circle class=\"hole\" cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\"/>");
    }

    private void label(String text, boolean left, int padX, int y) {
        svg.append("<text class=\"silk ").append(left ? "start" : "end").append("\" x=\"").append(left ? padX + 12 : padX - 12)
                .append("\" y=\"").append(y + 4).append("\">").append(esc(text)).append("</text>");
    }

    private void headerNames() {
        int y = TOP + FIRST_PIN - 20;
        svg.append("<text class=\"silk small start\" x=\"").append(x0 + 8).append("\" y=\"").append(y).append("\">")
                .append(esc(layout.leftName())).append("</text>");
        svg.append("<text class=\"silk small end\" x=\"").append(x0 + BOARD_WIDTH - 8).append("\" y=\"").append(y).append("\">")
                .append(esc(layout.rightName())).append("</text>\n");
    }

    private void leds() {
        int y = TOP + 236;
        PinState led = pins.get(profile.ledPin());
        boolean on = led != null && led.level() == 1;
        int ledX = x0 + BOARD_WIDTH - 78;
        svg.append("<g id=\"led\" class=\"led user").append(layout.rgbLed() ? " rgb" : "").append(on ? " on" : "")
                .append("\" data-pin=\"").append(profile.ledPin()).append("\">");
        svg.append("<circle class=\"glow\" cx=\"").append(ledX).append("\" cy=\"").append(y).append("\" r=\"12\" filter=\"url(#glow)\"/>");
        if (layout.rgbLed()) {
            svg.append("<rect class=\"lens\" x=\"").append(ledX - 8).append("\" y=\"").append(y - 8)
                    .append("\" width=\"16\" height=\"16\" rx=\"2\"/>");
        } else {
            svg.append("<rect class=\"lens\" x=\"").append(ledX - 6).append("\" y=\"").append(y - 4)
                    .append("\" width=\"12\" height=\"8\" rx=\"1\"/>");
        }
        svg.append("<text class=\"silk small middle\" x=\"").append(ledX).append("\" y=\"").append(y + 22).append("\">")
                .append(layout.rgbLed() ? "RGB " : "LED ").append("IO").append(profile.ledPin()).append("</text></g>\n");
        int pwrX = x0 + 78;
        svg.append("<g class=\"led power on\"><circle class=\"glow\" cx=\"").append(pwrX).append("\" cy=\"").append(y)
                .append("\" r=\"9\" filter=\"url(#glow)\"/><rect class=\"lens\" x=\"").append(pwrX - 6).append("\" y=\"")
                .append(y - 4).append("\" width=\"12\" height=\"8\" rx=\"1\"/><text class=\"silk small middle\" x=\"")
                .append(pwrX).append("\" y=\"").append(y + 22).append("\">PWR</text></g>\n");
    }

    private void bottom() {
        int bottom = TOP + height;
        int cx = x0 + BOARD_WIDTH / 2;
        svg.append("<rect class=\"chip\" x=\"").append(cx - 20).append("\" y=\"").append(bottom - 150)
                .append("\" width=\"40\" height=\"40\" rx=\"2\"/><text class=\"silk tiny middle\" x=\"").append(cx)
                .append("\" y=\"").append(bottom - 100).append("\">USB-UART</text>\n");
        svg.append("<rect class=\"usb\" x=\"").append(cx - 26).append("\" y=\"").append(bottom - 38)
                .append("\" width=\"52\" height=\"44\" rx=\"3\"/><text class=\"silk tiny middle\" x=\"").append(cx)
                .append("\" y=\"").append(bottom - 44).append("\">USB</text>\n");
        button("btn-reset", "reset", layout.resetLabel(), "press " + layout.resetLabel() + ": reset the board",
                x0 + 62, bottom - 40, -1);
        PinState boot = pins.get(profile.buttonPin());
        boolean pressed = boot != null && boot.driven() && boot.level() == 0;
        button("btn-boot", "boot" + (pressed ? " pressed" : ""), "BOOT",
                "BOOT button (GPIO" + profile.buttonPin() + "): hold to press", x0 + BOARD_WIDTH - 62, bottom - 40,
                profile.buttonPin());
    }

    private void button(String id, String classes, String label, String aria, int cx, int cy, int pin) {
        svg.append("<g id=\"").append(id).append("\" class=\"button ").append(classes).append("\" role=\"button\" tabindex=\"0\"")
                .append(pin >= 0 ? " data-pin=\"" + pin + "\"" : "").append(" aria-label=\"").append(esc(aria)).append("\">");
        svg.append("<rect class=\"switch\" x=\"").append(cx - 20).append("\" y=\"").append(cy - 14)
                .append("\" width=\"40\" height=\"28\" rx=\"3\"/><circle class=\"cap\" cx=\"").append(cx).append("\" cy=\"")
                .append(cy).append("\" r=\"9\"/><text class=\"silk small middle\" x=\"").append(cx).append("\" y=\"")
                .append(cy + 30).append("\">").append(esc(label)).append("</text></g>\n");
    }
}
