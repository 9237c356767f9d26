#!/usr/bin/env bash
# Flashes a 1.5 MB synthetic MicroPython image into the virtual ESP32 with its line-rate model on,
# at 460800 and 921600 baud, through the ROM loader and through a flasher stub, uncompressed and
# compressed, N times per row, and prints the median row: write seconds, wire bytes, effective
# kbit/s, the line's data rate (0.8 x baud) and the ratios to it and to the raw baud.
# Usage: device/bench/flash-bench.sh [N] [row filter, e.g. "921600,stub"]   (about 3 minutes per N)
set -euo pipefail
runs="${1:-3}"
only="${2:-}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -pl device -am test -Dtest=FlashBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.runs="$runs" -Dbench.only="$only" -Dsurefire.printSummary=false 2>&1 \
  | grep -E '^(image |baud |[0-9]{6} )' || {
    echo "flash-bench: the benchmark did not run; see device/target/surefire-reports" >&2
    exit 1
  }
