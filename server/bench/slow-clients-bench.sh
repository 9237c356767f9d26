#!/usr/bin/env bash
# Slow-client attacks against the JVM reference server on a simulated board (`uconform sim`, the
# reference limits: 4 client slots, 5 s header timeout), over loopback only:
#   1. wrk throughput on 4 and 50 keep-alive connections (10 s each);
#   2. slowhttptest -H (slow headers), -B (slow body), -X (slow read) with N connections for S
#      seconds each, while one `GET /` probe per second must get 200 within 2 s.
# Prints one line per measurement and a summary table; exits 1 when a mode's probes fall below 90 %.
#
# Usage: server/bench/slow-clients-bench.sh [seconds=30] [connections=200]
# Needs: java 17+, curl, slowhttptest and wrk (Debian: apt-get install curl slowhttptest wrk), and the
# CLI built: ./mvnw -q -DskipTests package -pl cli -am. It installs nothing itself.
set -euo pipefail
seconds="${1:-30}"
connections="${2:-200}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/cli/target/uconform.jar"

for tool in java curl slowhttptest wrk; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "slow-clients-bench: $tool is not installed (Debian packages: curl slowhttptest wrk; and a JDK 17+)" >&2
        exit 2
    fi
done
if [[ ! -f "$jar" ]]; then
    echo "slow-clients-bench: $jar is missing; build it first: ./mvnw -q -DskipTests package -pl cli -am" >&2
    exit 2
fi

work="$(mktemp -d -t uconform-slow-bench-XXXXXX)"
sim_pid=""
cleanup() {
    if [[ -n "$sim_pid" ]] && kill -0 "$sim_pid" 2>/dev/null; then
        kill "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

java -jar "$jar" sim --port 0 --admin-port 0 >"$work/sim.out" 2>&1 &
sim_pid=$!
url=""
for _ in $(seq 1 200); do
    url="$(grep -o 'serving at http://127\.0\.0\.1:[0-9]*' "$work/sim.out" | head -1 | sed 's|^serving at ||;s|$|/|' || true)"
    [[ -n "$url" ]] && break
    if ! kill -0 "$sim_pid" 2>/dev/null; then
        echo "slow-clients-bench: uconform sim did not start: $(tail -3 "$work/sim.out")" >&2
        exit 3
    fi
    sleep 0.1
done
if [[ -z "$url" ]]; then
    echo "slow-clients-bench: uconform sim printed no URL within 20 s" >&2
    exit 3
fi
echo "server: uconform sim at $url ($(java -version 2>&1 | head -1)); $(slowhttptest -h 2>&1 | grep -o 'version [0-9.]*' | head -1) of slowhttptest; $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"

# one GET / per second for $1 seconds (log in probes-$2.txt); prints "ok total" (ok: 200 within 2 s)
probe() {
    local n="$1" ok=0 total=0 line started spent
    for _ in $(seq 1 "$n"); do
        started="$(date +%s%N)"
        line="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 2 "$url" || true)"
        total=$((total + 1))
        [[ "$line" == 200\ * ]] && ok=$((ok + 1))
        echo "$line" >>"$work/probes-$2.txt"
        spent=$(( ($(date +%s%N) - started) / 1000000 ))
        if ((spent < 1000)); then
            sleep "$(printf '0.%03d' $((1000 - spent)))"
        fi
    done
    echo "$ok $total"
}

wrk_line() {
    local c="$1" out
    out="$(wrk -t2 -c"$c" -d10s --latency "$url" 2>&1)"
    local rps non2xx p50 errors total ok_rps
    rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
    non2xx="$(awk '/Non-2xx/ { print $NF }' <<<"$out")"
    p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
    errors="$(grep -o 'Socket errors:.*' <<<"$out" || echo 'Socket errors: none')"
    total="$(awk '/requests in/ { print $1 }' <<<"$out")"
    ok_rps="$(awk -v t="$total" -v n="${non2xx:-0}" 'BEGIN { printf "%.0f", (t - n) / 10 }')"
    echo "wrk -t2 -c$c -d10s: ${rps} req/s (${ok_rps} 2xx/s), median latency ${p50}, non-2xx ${non2xx:-0}; ${errors}"
}

wrk_line 4
wrk_line 50

declare -A flags=(
    [H]="-H -i 1"
    [B]="-B -i 1 -s 8192"
    [X]="-X -k 3 -n 1 -w 1 -y 512 -z 5"
)
summary=()
failed=0
for mode in H B X; do
    # shellcheck disable=SC2086
    slowhttptest ${flags[$mode]} -c "$connections" -r 200 -l "$seconds" -p 2 -u "$url" >"$work/slow-$mode.txt" 2>&1 &
    attack=$!
    sleep 1 # the attack's connections are open before the first probe
    read -r ok total < <(probe "$seconds" "$mode")
    wait "$attack" || true
    pct=$((100 * ok / total))
    slowest="$(awk '{ print $2 }' "$work/probes-$mode.txt" | sort -g | tail -1)"
    line="slowhttptest -$mode -c $connections -l $seconds: $ok of $total probes got 200 within 2 s ($pct %), slowest ${slowest}s"
    echo "$line"
    summary+=("$line")
    if ((pct < 90)); then
        failed=1
    fi
    # let the attack's last connections drain before the next mode
    sleep 6
done
wrk_line 4

echo
echo "summary:"
printf '  %s\n' "${summary[@]}"
exit "$failed"
