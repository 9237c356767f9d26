package io.uconform.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorOptions;
import io.uconform.simulator.TestApi;
import io.uconform.simulator.board.BoardProfiles;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The board page as the server renders it: complete without script (what a screenshot without JavaScript shows). */
@Timeout(30)
class BoardPageTest {

    private SimulatedDevice device;

    @AfterEach
    void stop() {
        device.close();
    }

    private String page(SimulatorOptions options) {
        device = SimulatedDevice.start(options);
        return get();
    }

    private String get() {
        HttpResponse<String> r = new TestApi(device.adminUri()).getRaw("/admin");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        return r.body();
    }

    private static Document svg(String page) throws Exception {
        String svg = page.substring(page.indexOf("<svg id=\"board\""), page.indexOf("</svg>") + 6);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document svg, String id) {
        var all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element #" + id + " in the drawing");
    }

    @Test
    void theDevkitcIsDrawnWithItsHeadersAsLabelledOnTheBoard() throws Exception {
        String page = page(SimulatorOptions.defaults());
        assertThat(page).doesNotContain("<script src", "<link ", "src=\"http", "@import");
        Document svg = svg(page);
        assertThat(byId(svg, "pin-36").getAttribute("data-label")).isEqualTo("VP");
        assertThat(byId(svg, "pin-36").getAttribute("data-where")).isEqualTo("J1 pin 3");
        assertThat(byId(svg, "pin-6").getAttribute("data-label")).isEqualTo("CLK");
        assertThat(byId(svg, "pin-6").getAttribute("data-where")).isEqualTo("J3 pin 19");
        assertThat(byId(svg, "pin-11").getAttribute("class")).contains("flash");
        assertThat(byId(svg, "pin-0").getAttribute("data-where")).isEqualTo("J3 pin 14");
        assertThat(byId(svg, "btn-boot").getAttribute("data-pin")).isEqualTo("0");
        assertThat(byId(svg, "pin-2").getAttribute("class")).contains("mode-out", "lvl-0");
        assertThat(byId(svg, "led").getAttribute("class")).doesNotContain(" on");
        assertThat(page).contains("ESP32-WROOM-32", ">3V3<", ">5V<", ">EN<", ">CMD<", ">D0<",
                "Not on the headers: GPIO37, GPIO38");
    }

    @Test
    void theStateIsInTheFirstPaint() throws Exception {
        page(SimulatorOptions.defaults());
        TestApi api = new TestApi(device.baseUri());
        api.get("/led/on");
        api.send("PUT", "/pwm/4", "{\"freq\":1000,\"duty\":512}");
        new TestApi(device.adminUri()).send("PUT", "/admin/pins/34", "{\"mv\":1650}");
        new TestApi(device.adminUri()).send("POST", "/admin/buttons/0/press", "");
        device.console().accept("<script>alert(1)</script> from the firmware");
        String page = get();
        Document svg = svg(page);
        assertThat(byId(svg, "led").getAttribute("class")).contains("on");
        assertThat(byId(svg, "pin-2").getAttribute("class")).contains("lvl-1");
        assertThat(byId(svg, "pin-4").getTextContent()).contains("GPIO4 pwm 50%");
        assertThat(byId(svg, "pin-34").getAttribute("class")).contains("driven");
        assertThat(byId(svg, "btn-boot").getAttribute("class")).contains("pressed");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; from the firmware")
                .doesNotContain("<script>alert(1)")
                .contains("GPIO2 went 1 (out)", "GPIO0 button pressed", "JVM reference server");
    }

    @Test
    void theC3IsDrawnWithItsOwnHeadersAndRgbLed() throws Exception {
        String page = page(SimulatorOptions.forBoard(BoardProfiles.ESP32C3_DEVKITM));
        Document svg = svg(page);
        assertThat(byId(svg, "pin-21").getAttribute("data-label")).isEqualTo("TX");
        assertThat(byId(svg, "pin-20").getAttribute("data-where")).isEqualTo("J3 pin 3");
        assertThat(byId(svg, "pin-9").getAttribute("data-where")).isEqualTo("J3 pin 5");
        assertThat(byId(svg, "led").getAttribute("class")).contains("rgb");
        assertThat(byId(svg, "btn-boot").getAttribute("data-pin")).isEqualTo("9");
        assertThat(page).contains("ESP32-C3-MINI-1", ">RST<", "RGB IO8", ">RESET<",
                "GPIO11 (flash), GPIO12 (flash)");
    }
}
