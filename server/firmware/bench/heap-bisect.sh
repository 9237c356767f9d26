#!/usr/bin/env bash
# Finds the smallest MicroPython heap at which the whole reference suite passes against the
# firmware on the unix port (`host` target): 0 failed, 0 not run, no restart of the target.
# Bisection between LOW and HIGH (KiB, multiples of STEP). Needs `micropython` on PATH and the
# CLI jar (./mvnw -q -DskipTests package); it never builds MicroPython.
#   server/firmware/bench/heap-bisect.sh [LOW=64] [HIGH=256] [STEP=8]
# MPY_CROSS=<path of mpy-cross>: the firmware's lib/ precompiled to .mpy (the host option mpy-cross).
set -euo pipefail
low=${1:-64}
high=${2:-256}
step=${3:-8}
here=$(cd "$(dirname "$0")/../../.." && pwd)
jar="$here/cli/target/uconform.jar"
command -v micropython >/dev/null || { echo "heap-bisect: micropython is not on PATH (this bench does not build it)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "heap-bisect: python3 is needed to read report.json" >&2; exit 2; }
[ -f "$jar" ] || { echo "heap-bisect: $jar not found; build it: ./mvnw -q -DskipTests package" >&2; exit 2; }
out=${HEAP_BISECT_OUT:-}        # keep every run's log and report there (default: removed at exit)
if [ -n "$out" ]; then mkdir -p "$out"; work=$out; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
echo "micropython: $(micropython -c 'import sys; print(sys.version)')"
extra=()
if [ -n "${MPY_CROSS:-}" ]; then
  [ -x "$MPY_CROSS" ] && [ -f "$MPY_CROSS" ] || { echo "heap-bisect: MPY_CROSS=$MPY_CROSS is not an executable file" >&2; exit 2; }
  extra=(--option "mpy-cross=$MPY_CROSS")
  echo "mpy-cross: $("$MPY_CROSS" --version)"
fi

run() {  # prints "passed failed skipped notrun restarts seconds" for a heap of $1 KiB
  local dir="$work/heap-$1"
  local start=$SECONDS
  java -jar "$jar" run --target host --option interpreter=micropython --option "heap=$1K" "${extra[@]}" \
       --profile reference --report-dir "$dir" >"$dir.log" 2>&1 || true
  if [ ! -f "$dir/report.json" ]; then
    echo "0 999 0 0 0 $((SECONDS - start))"
    return
  fi
  python3 - "$dir/report.json" "$((SECONDS - start))" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["totals"]
restarts = sum(len(target.get("events", [])) for target in r["targets"])  # restarts, recovery, down
print(t["passed"], t["failed"], t["skipped"], t["not run"], restarts, sys.argv[2])
failed = [c["id"] + " (" + c["requirement"] + ")" for c in r["checks"] if c["status"] == "failed"]
if failed:
    print("    failed: " + ", ".join(failed[:8]) + (" ..." if len(failed) > 8 else ""), file=sys.stderr)
PY
}

passes() {
  read -r p f s n r secs <<<"$(run "$1")"
  printf '%6sK  passed=%s failed=%s skipped=%s not-run=%s restarts=%s  %ss\n' "$1" "$p" "$f" "$s" "$n" "$r" "$secs"
  [ "$f" = 0 ] && [ "$n" = 0 ] && [ "$r" = 0 ]
}

if ! passes "$high"; then
  echo "heap-bisect: the suite does not pass even at ${high}K"
  exit 1
fi
good=$high
bad=$((low - step))
while [ $((good - bad)) -gt "$step" ]; do
  mid=$(( ( (bad + good) / 2 ) / step * step ))
  [ "$mid" -le "$bad" ] && mid=$((bad + step))
  if passes "$mid"; then good=$mid; else bad=$mid; fi
done
echo "smallest passing heap: ${good}K (next step down, ${bad}K, fails)"
