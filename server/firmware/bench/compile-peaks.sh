#!/usr/bin/env bash
# Compile peak of every firmware module, each in a fresh MicroPython (micropython on PATH):
#   server/firmware/bench/compile-peaks.sh        -> "<peak bytes> <source bytes> <module>", largest first
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
command -v micropython >/dev/null || { echo "compile-peaks: micropython is not on PATH (this bench does not build it)" >&2; exit 2; }
for f in "$here"/lib/uconform/*.py; do
  timeout 20 micropython -X heapsize=2M "$here/bench/compile-peak.py" "$here/lib/uconform" "$(basename "$f")"
done | sort -rn
