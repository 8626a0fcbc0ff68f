#!/usr/bin/env bash
# gpu-pack.sh - here, after ../shared/gpu/gpu-bundle.sh --only-sm90 --out .gpu and bench/gpu-prepare.sh:
# arranges the runtime bundle and .gpu/app into the fewest device calls. A device call carries at most
# 64 MiB, the checkout that travels with it included, so the bundle's xz stream and a tar.xz of the app
# are joined into one payload and cut into chunks of --chunk bytes, one per call, in .gpu/calls/cNN/.
# Writes .gpu/calls/CALLS.txt: for each call its carry and its exact command (appends its chunk to
# /tmp/payload on the device after checking that the machine kept the earlier chunks; the last call also
# checks the payload's SHA-256, unpacks the runtime to /opt/rt and the app to /tmp/app, and runs
# /tmp/app/bench/gpu-check.sh).
# Usage: bench/gpu-pack.sh [--gpu .gpu] [--chunk BYTES] [--seconds N]
#   --chunk    bytes a call carries (default 58 MiB = 60817408: 6 MiB left for the checkout itself)
#   --seconds  gpu-check.sh's deadline (default 500; the last call's timeout is 600)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
gpu=$repo/.gpu chunk=60817408 seconds=500
while [ $# -gt 0 ]; do
  case $1 in
    --gpu) gpu=$2; shift ;;
    --chunk) chunk=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    *) echo "gpu-pack: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
gpu=$(cd "$gpu" && pwd)
[ -f "$gpu/PARTS.txt" ] && [ -d "$gpu/sm90-p01" ] || { echo "gpu-pack: no --only-sm90 bundle in $gpu" >&2; exit 2; }
[ -d "$gpu/app/lib" ] || { echo "gpu-pack: no $gpu/app (run bench/gpu-prepare.sh)" >&2; exit 2; }
rel=${gpu#"$repo"/}
[ "$rel" != "$gpu" ] || { echo "gpu-pack: $gpu is not inside $repo" >&2; exit 2; }
work=$gpu/pack
rm -rf "$work" "$gpu/calls" && mkdir -p "$work" "$gpu/calls"

# the runtime stream, checked against the SHA-256 gpu-bundle.sh reported
cat "$gpu"/sm90-p[0-9][0-9]/rt-sm90.tar.xz.[0-9][0-9] > "$work/rt.tar.xz"
want=$(sed -n 's/^-- rt-sm90.tar.xz: .* sha256 \([0-9a-f]*\)$/\1/p' "$gpu/PARTS.txt")
[ "$(sha256sum < "$work/rt.tar.xz" | cut -d' ' -f1)" = "$want" ] || { echo "gpu-pack: bundle parts do not match PARTS.txt" >&2; exit 1; }
rt_bytes=$(stat -c %s "$work/rt.tar.xz")
# the app: deterministic tar, xz (jars and the .gz data gain little, the classes much)
tar --sort=name --mtime=@1700000000 --owner=0 --group=0 --numeric-owner -C "$gpu" -cf - app |
  xz -6 -T2 > "$work/app.tar.xz"
app_bytes=$(stat -c %s "$work/app.tar.xz")
cat "$work/rt.tar.xz" "$work/app.tar.xz" > "$work/payload"
total=$(stat -c %s "$work/payload")
sum=$(sha256sum < "$work/payload" | cut -d' ' -f1)
split -b "$chunk" -d -a 2 --numeric-suffixes=1 "$work/payload" "$work/payload."
rm -f "$work/rt.tar.xz" "$work/app.tar.xz" "$work/payload"
calls=$(ls "$work" | wc -l)
{
  echo "payload: $total bytes (runtime stream $rt_bytes, app.tar.xz $app_bytes), sha256 $sum"
  echo "$calls device calls, back to back (the machine stays warm about 30 s after each):"
  offset=0 n=0
  for f in "$work"/payload.*; do
    n=$((n + 1)); nn=$(printf %02d $n)
    mkdir -p "$gpu/calls/c$nn" && mv "$f" "$gpu/calls/c$nn/"
    size=$(stat -c %s "$gpu/calls/c$nn/$(basename "$f")")
    if [ $n = 1 ]; then
      cmd="rm -f /tmp/payload; cat $rel/calls/c$nn/* >> /tmp/payload"
    else
      cmd="[ \"\$(stat -c %s /tmp/payload 2>/dev/null || echo 0)\" = $offset ] || { echo 'the machine was replaced: start again at call 1'; exit 3; }; cat $rel/calls/c$nn/* >> /tmp/payload"
    fi
    if [ $n = "$calls" ]; then
      cmd="$cmd && echo '$sum  /tmp/payload' | sha256sum -c - && head -c $rt_bytes /tmp/payload | tar -xJf - -C /opt && mkdir -p /tmp/a && tail -c +$((rt_bytes + 1)) /tmp/payload | tar -xJf - -C /tmp/a && bash /tmp/a/app/bench/gpu-check.sh --app /tmp/a/app --rt /opt/rt --seconds $seconds --out \"\$OUT\""
      echo "$n. carry [\"$rel/calls/c$nn\"] ($size bytes), timeout_s 600, command:"
    else
      echo "$n. carry [\"$rel/calls/c$nn\"] ($size bytes), timeout_s 120, command:"
    fi
    echo "   $cmd"
    offset=$((offset + size))
  done
} | tee "$gpu/calls/CALLS.txt"
rmdir "$work"
tree=$(cd "$repo" && { git ls-files -z; git ls-files -z --others --exclude-standard; } | xargs -0 stat -c %s 2>/dev/null | awk '{s+=$1} END{print s+0}')
echo "the checkout here would add $tree bytes to each call; a call holds at most 67108864 (64 MiB):" \
  "$((67108864 - chunk)) are left for it beside a full chunk" | tee -a "$gpu/calls/CALLS.txt"
