"use strict";
// The board page's script: the drawing and lists are already on the page (rendered by the server);
// this keeps them live from /admin/live (server-sent events) and sends the user's actions to the
// admin API. It updates elements in place and never rewrites an input the user may be typing in.
(() => {
  const $ = id => document.getElementById(id);
  const body = document.body;
  const ledPin = Number(body.dataset.ledPin);
  const buttonPin = Number(body.dataset.buttonPin);
  const pins = new Map();
  let board = null, boardAt = 0, openPin = null;
  const MAX_EVENTS = 300, MAX_LINES = 2000;

  // --- words (the same as PageText on the server) ---
  function millivoltsFor(raw) { return Math.round(raw * 3300 / 4095); }
  function badge(p) {
    if (p.flash) return "flash";
    switch (p.mode) {
      case "out": return "out " + p.level;
      case "in": return "in " + p.level + (p.pull === "up" ? " \u2191" : p.pull === "down" ? " \u2193" : "");
      case "pwm": return "pwm " + Math.round(p.pwm_duty * 100 / 1023) + "%";
      case "adc": return "adc " + millivoltsFor(p.value) + " mV";
      default: return p.mode;
    }
  }
  function eventText(e) {
    const pin = "GPIO" + e.pin;
    switch (e.kind) {
      case "pin_change": return pin + " went " + e.value + " (" + e.detail + ")";
      case "pwm_change": return pin + " PWM " + e.detail;
      case "reset": return "reset (" + e.detail + ")";
      case "fault": return (e.pin >= 0 ? pin + " " : "") + "fault " + e.detail;
      default: return pin + " " + e.detail;
    }
  }
  function seconds(ms) { return (ms / 1000).toFixed(3) + " s"; }

  // --- the drawing ---
  function paintPin(p) {
    pins.set(p.pin, p);
    const g = $("pin-" + p.pin);
    if (g) {
      const digital = p.mode === "in" || p.mode === "out";
      g.setAttribute("class", "pin gpio mode-" + p.mode + (digital ? " lvl-" + p.level : "")
        + (p.driven ? " driven" : "") + (p.flash ? " flash" : "") + (openPin === p.pin ? " selected" : ""));
      const dot = g.querySelector(".dot");
      const share = p.mode === "pwm" ? p.pwm_duty / 1023 : p.mode === "adc" ? Math.min(1, millivoltsFor(p.value) / 3300) : -1;
      dot.style.fillOpacity = share >= 0 ? (0.15 + 0.85 * share).toFixed(2) : "";
      g.querySelector(".badge").textContent = "GPIO" + p.pin + " " + badge(p);
    }
    if (p.pin === ledPin) $("led").classList.toggle("on", p.level === 1);
    if (p.pin === buttonPin) $("btn-boot").classList.toggle("pressed", p.driven && p.level === 0);
    if (openPin === p.pin) fillDrawer(p);
  }

  // --- the drawer: one pin's state and what can be done to it ---
  function openDrawer(n) {
    const previous = openPin;
    openPin = n;
    if (previous !== null && pins.has(previous)) paintPin(pins.get(previous));
    const g = $("pin-" + n);
    $("drawer").hidden = false;
    $("drawer-title").textContent = "GPIO" + n;
    $("drawer-where").textContent = g ? "header " + g.dataset.where + ", labelled " + g.dataset.label : "not on the headers";
    $("mv-input").value = "";
    say("");
    const p = pins.get(n);
    if (p) { paintPin(p); fillDrawer(p); }
    if (p && p.flash) {
      say("GPIO" + n + " is wired to the module's SPI flash: driving it would crash the chip, so it is not drivable here.", true);
    }
  }
  function fillDrawer(p) {
    $("d-mode").textContent = p.mode + (p.input_only ? " (input-only pin)" : "") + (p.adc ? ", has ADC" : "");
    $("d-pull").textContent = p.pull;
    $("d-level").textContent = p.mode === "in" || p.mode === "out" ? String(p.level) : "\u2013";
    $("d-value").textContent = p.mode === "adc" ? p.value + " raw = " + millivoltsFor(p.value) + " mV" : String(p.value);
    $("d-drive").textContent = p.driven ? p.mv + " mV" : "none";
    $("d-pwm").textContent = p.mode === "pwm" ? p.pwm_duty + "/1023 (" + Math.round(p.pwm_duty * 100 / 1023) + "%) at " + p.pwm_freq + " Hz" : "\u2013";
    for (const id of ["drive-0", "drive-1", "drive-release", "mv-input", "mv-set"]) $(id).disabled = p.flash;
  }
  function say(text, refused) {
    const msg = $("drawer-msg");
    msg.textContent = text;
    msg.classList.toggle("refused", !!refused);
  }
  async function api(method, path, payload) {
    try {
      const r = await fetch(path, { method, headers: { "Content-Type": "application/json" },
        body: payload === undefined ? undefined : JSON.stringify(payload) });
      const json = await r.json();
      return { ok: r.ok, data: json.data, error: json.error || ("HTTP " + r.status) };
    } catch (e) {
      return { ok: false, error: "the simulator did not answer (" + e.message + ")" };
    }
  }
  async function drive(payload, done) {
    const n = openPin;
    const r = await api("PUT", "/admin/pins/" + n, payload);
    if (openPin !== n) return;
    if (r.ok) { paintPin(r.data); say(done(r.data)); } else say(r.error, true);
  }
  $("drive-0").onclick = () => drive({ level: 0 }, () => "GPIO" + openPin + " driven to 0");
  $("drive-1").onclick = () => drive({ level: 1 }, () => "GPIO" + openPin + " driven to 1");
  $("drive-release").onclick = () => drive({ release: true }, p => "GPIO" + openPin + " let go: it reads " + p.value);
  $("mv-form").onsubmit = ev => {
    ev.preventDefault();
    const text = $("mv-input").value.trim();
    if (!/^\d+$/.test(text) || Number(text) > 3300) { say("a voltage is a whole number of millivolts, 0 to 3300", true); return; }
    drive({ mv: Number(text) }, p => "GPIO" + openPin + " at " + p.mv + " mV");
  };
  $("drawer-close").onclick = () => {
    const previous = openPin;
    openPin = null;
    $("drawer").hidden = true;
    if (previous !== null && pins.has(previous)) paintPin(pins.get(previous));
  };
  for (const g of document.querySelectorAll(".pin.gpio")) {
    const n = Number(g.dataset.pin);
    g.addEventListener("click", () => openDrawer(n));
    g.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openDrawer(n); } });
  }

  // --- the buttons: BOOT is pressed while the pointer (or key) is down; reset is a click ---
  const boot = $("btn-boot");
  let held = false;
  async function press(down) {
    if (held === down) return;
    held = down;
    const r = await api("POST", "/admin/buttons/" + buttonPin + (down ? "/press" : "/release"));
    if (r.ok) paintPin(r.data); else showStatusProblem("BOOT: " + r.error);
  }
  boot.addEventListener("pointerdown", e => { boot.setPointerCapture(e.pointerId); press(true); });
  boot.addEventListener("pointerup", () => press(false));
  boot.addEventListener("pointercancel", () => press(false));
  boot.addEventListener("lostpointercapture", () => press(false));
  boot.addEventListener("keydown", e => { if (e.key === " " || e.key === "Enter") { e.preventDefault(); press(true); } });
  boot.addEventListener("keyup", e => { if (e.key === " " || e.key === "Enter") press(false); });
  boot.addEventListener("blur", () => press(false));
  const reset = () => api("POST", "/admin/reset", { cause: "hard" }).then(r => { if (!r.ok) showStatusProblem(r.error); });
  $("btn-reset").addEventListener("click", reset);
  $("btn-reset").addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); reset(); } });

  // --- status, board facts, events, console ---
  function showStatusProblem(text) { const f = $("feed"); f.textContent = text; f.classList.add("lost"); }
  function paintStatus(s) {
    $("status").className = "status state-" + s.state;
    $("status-headline").textContent = s.headline;
    const detail = $("status-detail");
    detail.textContent = s.detail.join("\n");
    detail.hidden = s.detail.length === 0;
  }
  function paintBoard(b) {
    board = b; boardAt = performance.now();
    $("boot").textContent = b.boot;
    $("reset-cause").textContent = b.reset_cause;
    const url = $("device-url");
    url.textContent = b.url; url.href = b.url;
  }
  setInterval(() => { if (board) $("uptime").textContent = ((board.uptime_ms + performance.now() - boardAt) / 1000).toFixed(1) + " s"; }, 250);
  function addEvents(events, replace) {
    const list = $("timeline");
    if (replace) list.textContent = "";
    for (const e of events) {
      const li = document.createElement("li");
      li.className = "kind-" + e.kind;
      li.dataset.seq = e.seq;
      const t = document.createElement("time");
      t.textContent = "#" + e.boot + " " + seconds(e.t_ms);
      li.append(t, " " + eventText(e));
      list.prepend(li);
    }
    while (list.children.length > MAX_EVENTS) list.lastElementChild.remove();
  }
  let inTraceback = false;
  function addLines(lines, replace) {
    const out = $("console");
    const atBottom = out.scrollTop + out.clientHeight >= out.scrollHeight - 4;
    if (replace) { out.textContent = ""; inTraceback = false; }
    for (const l of lines) {
      const span = document.createElement("span");
      span.dataset.n = l.n;
      let tb = false;
      if (l.text.startsWith("Traceback (most recent call last)")) { inTraceback = true; tb = true; }
      else if (inTraceback) { tb = true; inTraceback = /^[ \t]/.test(l.text); }
      span.className = tb ? "tb" : l.text.startsWith("UCONFORM ") ? "sys" : "";
      span.textContent = l.text + "\n";
      out.append(span);
    }
    while (out.childElementCount > MAX_LINES) out.firstElementChild.remove();
    if (atBottom) out.scrollTop = out.scrollHeight;
  }

  // --- the live feed ---
  const feed = $("feed");
  feed.textContent = "connecting\u2026";
  const source = new EventSource("/admin/live");
  const on = (name, fn) => source.addEventListener(name, e => fn(JSON.parse(e.data)));
  on("hello", h => {
    feed.textContent = "live"; feed.classList.remove("lost");
    paintBoard(h.board); paintStatus(h.status);
    h.pins.forEach(paintPin);
    addEvents(h.timeline, true); addLines(h.console, true);
    body.dataset.live = "yes";
  });
  on("pins", list => list.forEach(paintPin));
  on("timeline", events => addEvents(events, false));
  on("console", lines => addLines(lines, false));
  on("board", paintBoard);
  on("status", paintStatus);
  source.onerror = () => { feed.textContent = "live feed lost: reconnecting\u2026"; feed.classList.add("lost"); body.dataset.live = "no"; };
})();
