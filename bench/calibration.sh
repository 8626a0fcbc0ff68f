#!/usr/bin/env bash
# Fit and apply times of every recalibration method (Temper's CalibrationBenchmark) against scikit-learn's and
# scipy's where they have the method, on the same data in the same run; prints a Markdown table with the ratios.
# usage: bench/calibration.sh [REPEATS [N...]]   (defaults: 5 repeats, N = 10000 100000; K = 10)
#   CALIBRATION_METHODS=temperature,platt,isotonic bench/calibration.sh ...   times only those methods (default: all)
# Needs Debian's python3-sklearn (/usr/bin/python3) and the built CLI (./temper builds it on first use).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-5}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
"$here/temper" --version >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java ${TEMPER_JAVA_OPTS:--Xmx8g} "-Dcalibration.methods=${CALIBRATION_METHODS:-}" -cp "$here/examples/target/temper.jar:$here/examples/target/lib/*" \
  org.temper.examples.CalibrationBenchmark "$work" "$repeats" "${sizes[@]}" > "$work/java.csv"
/usr/bin/python3 "$here/bench/calibration_sklearn.py" "$work" "$work/java.csv" "$repeats"
