// Drives esptool-js (npm) against a serial port served over RFC 2217 (the virtual ESP32 of `uconform esp32`):
// connect and detect the chip, write an image (compressed), verify it by MD5, read it back, hard reset.
// esptool-js talks to a Web Serial SerialPort; RfcSerialPort below is one, over TCP (RFC 2217, from the RFC).
// Usage: node esptool-js-over-rfc2217.mjs <node_modules dir> <port> <image file> <address hex> <baud>
// Prints one "STEP <name> ok|fail <detail>" line per step and "ESPTOOLJS RESULT ok" at the end.
import net from "node:net";
import fs from "node:fs";
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [modules, port, imageFile, addressHex, baudText] = process.argv.slice(2);
const { ESPLoader, Transport } = await import(pathToFileURL(path.join(modules, "esptool-js", "lib", "index.js")).href);

const IAC = 255, SB = 250, SE = 240, WILL = 251, COM_PORT = 44;

class RfcSerialPort {
  constructor(port) { this.port = Number(port); this.signals = { dataTerminalReady: false, requestToSend: false }; }
  getInfo() { return {}; }
  async open({ baudRate }) {
    this.socket = net.createConnection({ host: "127.0.0.1", port: this.port });
    this.socket.setNoDelay(true);
    await new Promise((resolve, reject) => { this.socket.once("connect", resolve); this.socket.once("error", reject); });
    let mode = "data", sub = [], controller;
    this.readable = new ReadableStream({ start: (c) => { controller = c; } });
    this.socket.on("data", (chunk) => {
      const out = [];
      for (const b of chunk) {
        if (mode === "data") { if (b === IAC) mode = "iac"; else out.push(b); }
        else if (mode === "iac") {
          if (b === IAC) { out.push(IAC); mode = "data"; }
          else if (b === SB) { sub = []; mode = "sub"; }
          else if (b >= WILL) mode = "option"; else mode = "data";
        } else if (mode === "option") mode = "data";
        else if (mode === "sub") { if (b === IAC) mode = "subiac"; else sub.push(b); }
        else if (mode === "subiac") { if (b === SE) mode = "data"; else { sub.push(b); mode = "sub"; } }
      }
      if (out.length) controller.enqueue(new Uint8Array(out));
    });
    this.socket.on("close", () => { try { controller.close(); } catch (e) { /* already closed */ } });
    this.writable = new WritableStream({
      write: (data) => new Promise((resolve) => {
        const out = [];
        for (const b of data) { out.push(b); if (b === IAC) out.push(IAC); }
        this.socket.write(Buffer.from(out), resolve);
      }),
    });
    this.socket.write(Buffer.from([IAC, WILL, COM_PORT]));
    await this.setBaudRate(baudRate);
  }
  command(cmd, value) { this.socket.write(Buffer.from([IAC, SB, COM_PORT, cmd, ...value, IAC, SE])); }
  async setBaudRate(baud) { this.command(1, [(baud >>> 24) & 255, (baud >>> 16) & 255, (baud >>> 8) & 255, baud & 255]); }
  async setSignals(s) {
    if (s.dataTerminalReady !== undefined && s.dataTerminalReady !== null) {
      this.signals.dataTerminalReady = s.dataTerminalReady; this.command(5, [s.dataTerminalReady ? 8 : 9]);
    }
    if (s.requestToSend !== undefined && s.requestToSend !== null) {
      this.signals.requestToSend = s.requestToSend; this.command(5, [s.requestToSend ? 11 : 12]);
    }
  }
  async close() { this.socket.end(); this.socket.destroy(); }
}

const step = (name, ok, detail = "") => { console.log(`STEP ${name} ${ok ? "ok" : "fail"} ${detail}`); if (!ok) process.exit(1); };
const timed = (p, ms, what) => Promise.race([p, new Promise((_, r) => setTimeout(() => r(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
const image = new Uint8Array(fs.readFileSync(imageFile));
const address = parseInt(addressHex, 16);
const terminal = { clean() {}, writeLine(l) { console.log("esptool-js: " + l); }, write(l) { process.stdout.write(l); } };
const device = new RfcSerialPort(port);
const transport = new Transport(device, false);
const loader = new ESPLoader({ transport, baudrate: Number(baudText), romBaudrate: 115200, terminal });
try {
  const chip = await timed(loader.main(), 60000, "connect");
  step("connect", /ESP32/.test(chip), chip);
  await timed(loader.writeFlash({ fileArray: [{ data: image, address }], flashSize: "keep", flashMode: "keep",
    flashFreq: "keep", eraseAll: false, compress: true,
    calculateMD5Hash: (d) => crypto.createHash("md5").update(d).digest("hex") }), 240000, "write");
  step("write", true, `${image.length} bytes at 0x${address.toString(16)} (compressed)`);
  const md5 = await timed(loader.flashMd5sum(address, image.length), 30000, "md5");
  const expected = crypto.createHash("md5").update(image).digest("hex");
  step("verify", md5 === expected, `device ${md5}, file ${expected}`);
  const back = await timed(loader.readFlash(address, 8192), 60000, "read");
  step("read-back", Buffer.compare(Buffer.from(back), Buffer.from(image.slice(0, 8192))) === 0, `${back.length} bytes`);
  await transport.setRTS(true); // esptool's hard reset: RTS (EN low) for 100 ms; esptool-js 0.7.0's HardReset only releases it
  await timed(loader.after("hard_reset"), 10000, "hard reset");
  step("hard-reset", true);
  await transport.disconnect();
  console.log("ESPTOOLJS RESULT ok");
  process.exit(0);
} catch (e) {
  console.log(`ESPTOOLJS RESULT fail ${e && e.message ? e.message : e}`);
  process.exit(1);
}
