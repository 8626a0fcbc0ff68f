#!/usr/bin/env bash
# gpu-prepare.sh - here, before a device session: builds Temper and stages what bench/gpu-check.sh needs
# on the GPU machine (which has no Maven) into .gpu/app (git-ignored), one carry of under 64 MiB:
#   lib/           temper.jar and its runtime libraries, without ONNX Runtime (the bundle's onnxruntime_gpu
#                  classes take its place) and without Weka, plus the JUnit Platform console launcher
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
# ONNX Runtime comes with the bundle. Weka (ARFF files, of which the device check reads none) and the
# libraries only it needs are 19 MB that every device call would carry: left out (the rehearsal,
# bench/gpu-check.sh --device cpu, runs the same tests and benches without them).
weka_only=(weka-stable-'*' java-cup-'*' bounce-'*' mtj-'*' arpack_combined_all-'*' netlib-'*' native_ref-'*'
  native_system-'*' core-1.1.jar jniloader-'*' jfilechooser-bookmarks-'*' jclipboardhelper-'*'
  istack-commons-runtime-'*' jakarta.activation'*' jakarta.xml.bind-api-'*' jaxb-runtime-'*' txw2-'*' flatlaf-'*')
skip=(! -name 'onnxruntime*')
for w in "${weka_only[@]}"; do skip+=(! -name "$w"); done
find examples/target/lib -name '*.jar' "${skip[@]}" -exec cp {} "$out/lib/" \;
cp examples/target/junit/junit-platform-console-standalone-*.jar "$out/lib/"
cp -r onnx-models/target/test-classes "$out/test-classes"
cp /usr/share/datasets/fashion-mnist/*.gz "$out/data/"
cp bench/gpu-check.sh bench/torch_bench.py "$out/bench/"
du -sb "$out" >&2
