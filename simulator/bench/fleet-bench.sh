#!/usr/bin/env bash
# The fleet benchmark: N simulated boards in one JVM (uconform sim --count N), each polled once per
# second over HTTP for S seconds by a load generator in another JVM (FleetLoad.java); prints the
# load's p50/p99/max latency and errors, then the fleet JVM's heap after a full GC and its threads.
# Usage: simulator/bench/fleet-bench.sh [N=1000] [S=60] [PORT=18080]   (needs the CLI jar: ./mvnw -q -DskipTests package)
set -euo pipefail
count="${1:-1000}"
seconds="${2:-60}"
port="${3:-18080}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${UCONFORM_JAR:-$root/cli/target/uconform.jar}"   # UCONFORM_JAR: a copy, while a build rewrites target/
[[ -f "$jar" ]] || { echo "fleet-bench: $jar missing; build it with ./mvnw -q -DskipTests package" >&2; exit 2; }
log="$(mktemp -t uconform-fleet-bench.XXXXXX)"
java -Xmx1g -jar "$jar" sim --count "$count" --port "$port" --admin-port 0 >"$log" 2>&1 &
fleet=$!
trap 'kill "$fleet" 2>/dev/null || true; wait "$fleet" 2>/dev/null || true; rm -f "$log"' EXIT
started=$(date +%s%N)
for _ in $(seq 1 600); do
  grep -q "fleet admin API" "$log" && break
  kill -0 "$fleet" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
admin=$(grep -o 'page at http://[^ ]*' "$log" | head -1 | cut -c9-)
[[ -n "$admin" ]] || { echo "fleet-bench: the fleet did not start within 120 s" >&2; cat "$log" >&2; exit 1; }
echo "fleet-bench: $count boards up in $(( ($(date +%s%N) - started) / 1000000 )) ms; admin $admin"
# CPU seconds (user + system) of a process so far, from /proc/PID/stat (clock ticks)
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }
echo "fleet-bench: load average before the load: $(cut -d' ' -f1-3 /proc/loadavg)"
fleet_cpu_before=$(cpu "$fleet")
# the generator measured apart from the fleet: its own CPU time, so a saturated generator shows as such
/usr/bin/time -f "fleet-bench: load generator CPU %U s user + %S s system in %e s wall" \
  java "$root/simulator/bench/FleetLoad.java" "$admin" "$seconds"
echo "fleet-bench: fleet JVM CPU during the load $(awk -v a="$fleet_cpu_before" -v b="$(cpu "$fleet")" 'BEGIN {printf "%.1f", b - a}') s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "fleet-bench: fleet JVM threads $(awk '/^Threads:/ {print $2}' /proc/$fleet/status), RSS $(awk '/^VmRSS:/ {print $2 / 1024 " MB"}' /proc/$fleet/status)"
jcmd "$fleet" GC.run >/dev/null
jcmd "$fleet" GC.heap_info | grep -E 'used|total' | head -3 | sed 's/^/fleet-bench: heap after full GC: /'
