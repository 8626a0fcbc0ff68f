#!/usr/bin/env bash
# Sets up Temper on a fresh Debian/Ubuntu machine: Fashion-MNIST from Debian's package (when apt is
# available), Java 17 and Maven if missing, and the build. Safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo_cmd="sudo"; fi
if command -v apt-get >/dev/null; then
  need=()
  [ -d /usr/share/datasets/fashion-mnist ] || need+=(dataset-fashion-mnist)
  command -v javac >/dev/null || need+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || need+=(maven)
  if [ ${#need[@]} -gt 0 ]; then
    $sudo_cmd apt-get update -qq
    $sudo_cmd apt-get install -y -qq "${need[@]}"
  fi
else
  echo "setup.sh: no apt-get here; install Java 17 and Maven yourself and give --data a folder of IDX files" >&2
fi
# Everything but spark-sweeps, which `./temper sweep` builds on first use (it brings Apache Spark).
mvn -q -B package -DskipTests -pl '!spark-sweeps'
echo "setup.sh: built; run ./temper --help"
