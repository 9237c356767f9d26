// Runs the firmware's transport-free core tests inside the real MicroPython VM (WebAssembly port).
// Usage: node run_core_tests.mjs <node_modules prefix> <firmware dir>
// Prints one summary line "MICROPYTHON VM TESTS passed=N failed=M skipped=K version=..." and
// exits 1 when a test failed or none ran.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [prefix, firmware] = process.argv.slice(2);
const CORE_TESTS = ["test_parser", "test_router", "test_config", "test_board_api", "test_ws", "test_files"];
const SUPPORT = ["__init__", "support", "miniunit", "fakemachine", "wsclient"];

const entry = join(prefix, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs");
const { loadMicroPython } = await import(pathToFileURL(entry).href);
const out = [];
const mp = await loadMicroPython({
  stdout: (line) => { out.push(line); console.log(line); },
  stderr: (line) => console.error(line),
  linebuffer: true,
});

function copyDir(src, dst, names) {
  mp.FS.mkdir(dst);
  for (const file of readdirSync(src)) {
    const base = file.replace(/\.py$/, "");
    if (file.endsWith(".py") && (!names || names.includes(base))) {
      mp.FS.writeFile(`${dst}/${file}`, readFileSync(join(src, file), "utf8"));
    }
  }
}

mp.FS.mkdir("/fw");
mp.FS.mkdir("/fw/lib");
copyDir(join(firmware, "lib/uconform"), "/fw/lib/uconform");
copyDir(join(firmware, "tests"), "/fw/tests", [...SUPPORT, ...CORE_TESTS]);

const driver = `
import sys, os
os.chdir("/fw")
sys.path.insert(0, "/fw")
sys.path.insert(0, "/fw/lib")
import tests.miniunit as miniunit
total = [0, 0, 0]
for name in ${JSON.stringify(CORE_TESTS)}:
    try:
        module = getattr(__import__("tests." + name), name)
    except ImportError as e:
        print("FAIL", name, "could not be imported:", e)
        total[1] += 1
        continue
    result = miniunit.run_module(module)
    print("MODULE", name, "passed=%d failed=%d skipped=%d" % result)
    for i in range(3):
        total[i] += result[i]
v = ".".join(str(x) for x in sys.implementation.version[:3])
print("MICROPYTHON VM TESTS passed=%d failed=%d skipped=%d version=%s" % (total[0], total[1], total[2], v))
`;
try {
  mp.runPython(driver);
} catch (e) {
  console.error("the MicroPython VM raised: " + String(e.message || e).split("\n").slice(-3).join(" | "));
  process.exit(1);
}
const summary = out.find((l) => l.startsWith("MICROPYTHON VM TESTS"));
const ok = summary && /failed=0 /.test(summary) && !/passed=0 /.test(summary);
process.exit(ok ? 0 : 1);
