#!/usr/bin/env bash
# Runs the conformance suite against the sim target N times in one JVM and prints the median
# wall time, the median per check and the slowest checks.
# Usage: hil-tests/bench/suite-bench.sh [N] [engine|all] [POOL]
#   engine: the PROTO..SYS/BOOT check classes; POOL: instances of sim the checks run on in parallel (default 1)
set -euo pipefail
runs="${1:-5}"
scope="${2:-engine}"
pool="${3:-1}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -pl hil-tests -am test -Dtest=SuiteBenchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.runs="$runs" -Dbench.scope="$scope" -Dbench.pool="$pool" -Dsurefire.printSummary=false 2>&1 \
  | grep -E '^(run [0-9]+:|pool of|suite on sim:|slowest checks|classes of the last run|bound:|checks that ended last|  +[0-9]+[ .])' || {
    echo "suite-bench: the benchmark did not run; see hil-tests/target/surefire-reports" >&2
    exit 1
  }
