#!/usr/bin/env bash
# gpu-prepare.sh - here, before a device session: builds Temper and stages what bench/gpu-check.sh needs
# on the GPU machine (which has no Maven) into .gpu/app (git-ignored), one carry of under 64 MiB:
#   lib/           temper.jar and its runtime libraries, without ONNX Runtime (the bundle's onnxruntime_gpu
#                  classes take its place), plus the JUnit Platform console launcher
#   test-classes/  onnx-models' compiled tests (the cuda group) and their resources
#   data/          the Fashion-MNIST IDX files
#   bench/         gpu-check.sh and torch_bench.py
# Usage: bench/gpu-prepare.sh [--out .gpu/app]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$repo/.gpu/app
[ "${1:-}" = --out ] && out=$2
cd "$repo"
mvn -B -o -q -pl examples -am -Pgpu-check package -DskipTests
mvn -B -o -q -pl onnx-models test-compile
rm -rf "$out" && mkdir -p "$out/lib" "$out/data" "$out/bench"
cp examples/target/temper.jar "$out/lib/"
# ONNX Runtime comes with the bundle; netlib's Windows and macOS natives are dead weight on Linux
find examples/target/lib -name '*.jar' ! -name 'onnxruntime*' ! -name '*-win-*' ! -name '*-osx-*' -exec cp {} "$out/lib/" \;
cp examples/target/junit/junit-platform-console-standalone-*.jar "$out/lib/"
cp -r onnx-models/target/test-classes "$out/test-classes"
cp /usr/share/datasets/fashion-mnist/*.gz "$out/data/"
cp bench/gpu-check.sh bench/torch_bench.py "$out/bench/"
du -sh "$out" "$out"/* >&2
