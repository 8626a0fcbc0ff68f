#!/usr/bin/env bash
# gpu-check.sh - the one device check of issue 14, run on the GPU machine by the last of the calls that
# bench/gpu-pack.sh lays out, once they carried the bundle (../shared/gpu, --only-sm90 for an H100/H200)
# and .gpu/app (bench/gpu-prepare.sh) there:
#   1. the cuda JUnit group: float32 gradient rules on CUDA against the CPU, Loop epochs on CUDA against
#      the CPU, no node of the epoch body off the GPU (profile), the real CUDA out-of-memory error,
#      a Fashion-MNIST training reaching the CPU's accuracy;
#   2. Temper's epochs: 784-1200-1200-10 at batch 512 and 128 with and without dropout, and the two-
#      convolution AlexNet on 50,000 random 3x24x24 images at batch 128, one ONNX Runtime run per epoch;
#   3. ONNX Runtime's profiles of one MLP and one AlexNet session (gzipped);
#   4. PyTorch on the same card, eager and torch.compile, float32, TF32 off, data on the device;
#   5. $OUT/gpu-check.json: every figure and Temper's time as a multiple of PyTorch eager's.
# The steps share one deadline (--seconds, default 500) so that the device call, unpacking included, ends
# inside its 600 s; a step that would overrun it gets what is left. What comes back from a device call is at
# most 8 files, so $OUT ends as gpu-check.json, temper-mlp.json, temper-alexnet.json, torch.json,
# logs.tar.gz (logs/ and junit/) and profile.tar (profile/*.json.gz; split into profile.tar.NN past 16 MB).
# Usage (device, as .gpu/calls/CALLS.txt says): bash /tmp/a/app/bench/gpu-check.sh --app /tmp/a/app --rt /opt/rt --out "$OUT"
#        (here, a rehearsal on the CPU build): bench/gpu-check.sh --device cpu --app .gpu/app \
#            --ort-jar ~/.m2/.../onnxruntime-1.29.0.jar --out /tmp/gpu-check --quick
set -uo pipefail
device=cuda app= rt=/opt/rt out=${OUT:-} ort_jar= quick=0 seconds=500
while [ $# -gt 0 ]; do
  case $1 in
    --device) device=$2; shift ;;
    --app) app=$2; shift ;;
    --rt) rt=$2; shift ;;
    --out) out=$2; shift ;;
    --ort-jar) ort_jar=$2; shift ;;
    --quick) quick=1 ;;
    --seconds) seconds=$2; shift ;;
    *) echo "gpu-check: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$app" ] && [ -d "$app/lib" ] || { echo "gpu-check: --app DIR (from bench/gpu-prepare.sh) is missing" >&2; exit 2; }
[ -n "$out" ] || { echo "gpu-check: --out DIR (or \$OUT) is missing" >&2; exit 2; }
app=$(cd "$app" && pwd)
mkdir -p "$out/logs" "$out/junit" "$out/profile"
start=$(date +%s)
if [ "$device" = cuda ]; then
  ls "$rt/env.sh" >/dev/null || { echo "gpu-check: no bundle at $rt (the machine was given back?)" >&2; exit 3; }
  . "$rt/env.sh"
  ort_cp=$ORT_CP java_opts=$ORT_JAVA_OPTS
  nvidia-smi > "$out/logs/nvidia-smi.txt" 2>&1
else
  [ -f "$ort_jar" ] || { echo "gpu-check: --device cpu needs --ort-jar (the CPU onnxruntime jar)" >&2; exit 2; }
  ort_cp=$ort_jar java_opts="-Djava.awt.headless=true"
fi
cp="$ort_cp:$app/lib/*"
java -version > "$out/logs/java.txt" 2>&1
if [ $quick = 1 ]; then mlp="--limit 2000" alex="--examples 512" epochs=2 torchq="--limit 2000 --examples 512 --epochs 2"
else mlp="" alex="--examples 50000" epochs=3 torchq=""; fi

step() { # name timeout command... : runs one step, logs it, records its exit status
  local name=$1 limit=$2; shift 2
  local t0=$(date +%s)
  local left=$(( start + seconds - t0 ))
  [ $left -lt $limit ] && limit=$left
  if [ $limit -lt 10 ]; then
    echo "$name 124 0" >> "$out/logs/steps.txt"; echo "== $name: skipped, the deadline (--seconds $seconds) is reached" >&2
    return
  fi
  timeout "$limit" "$@" > "$out/logs/$name.log" 2>&1
  local rc=$?
  echo "$name $rc $(( $(date +%s) - t0 ))" >> "$out/logs/steps.txt"
  echo "== $name: exit $rc, $(( $(date +%s) - t0 )) s" >&2
}

# 1. the cuda test group (on the CPU rehearsal: the CPU-side GPU checks, to try the launcher itself)
if [ "$device" = cuda ]; then tests=(--include-tag cuda); else
  tests=(--exclude-tag cuda --select-class org.temper.onnx.program.CudaKernelCoverageTest
         --select-class org.temper.onnx.runtime.DeviceTest); fi
step junit 240 java $java_opts -Xmx16g -Dtemper.fashion-mnist="$app/data" -cp "$cp:$app/test-classes" \
  org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=tree --fail-if-no-tests \
  --config=junit.jupiter.execution.timeout.default=120s "${tests[@]}" --reports-dir "$out/junit"
# 2. Temper's epochs, timed without profiling
temper=(java $java_opts -Xmx16g -cp "$cp" org.temper.examples.TemperCommand bench --device "$device"
  --threads 0 --one-run-per-epoch)
step temper-mlp 150 "${temper[@]}" --epochs $epochs --net mlp --data "$app/data" $mlp --batch 512,128 --dropout 0,0.5 --json "$out/temper-mlp.json"
step temper-alexnet 120 "${temper[@]}" --epochs $epochs --net alexnet $alex --batch 128 --json "$out/temper-alexnet.json"
# 3. where the time goes: one profiled session of each
step profile-mlp 60 "${temper[@]}" --net mlp --data "$app/data" $mlp --batch 512 --epochs 2 --profile "$out/profile/mlp-b512"
step profile-alexnet 60 "${temper[@]}" --net alexnet $alex --batch 128 --epochs 2 --profile "$out/profile/alexnet-b128"
gzip -f "$out"/profile/*.json 2>/dev/null
# 4. PyTorch on the same device
py=python3; $py -c 'import torch' 2>/dev/null || py=/usr/bin/python3
if $py -c 'import torch' 2>/dev/null; then
  step torch 200 $py "$app/bench/torch_bench.py" --data "$app/data" --device "$device" --out "$out/torch.json" $torchq
else
  echo "torch 127 0" >> "$out/logs/steps.txt"; echo "== torch: no PyTorch here, skipped" >&2
fi
# 5. the summary
python3 - "$out" "$(( $(date +%s) - start ))" <<'PY'
import json, os, sys
out, seconds = sys.argv[1], int(sys.argv[2])
def load(name):
    p = os.path.join(out, name)
    return json.load(open(p)) if os.path.exists(p) else None
steps = [l.split() for l in open(os.path.join(out, 'logs', 'steps.txt'))]
s = {'seconds': seconds, 'steps': {n: {'exit': int(rc), 'seconds': int(t)} for n, rc, t in steps},
     'temper': [], 'torch': load('torch.json')}
for name, net in (('temper-mlp.json', 'mlp'), ('temper-alexnet.json', 'alexnet')):
    t = load(name)
    for r in (t or {}).get('runs', []):
        row = dict(r, net=net, flops_per_epoch=t['flops_per_epoch'])
        for mode in ('eager', 'compile'):
            match = [p for p in (s['torch'] or {}).get('runs', []) if p['net'] == net and p['mode'] == mode
                     and p['batch'] == r['batch'] and p['dropout'] == r['dropout']]
            if match:
                row['torch_' + mode + '_seconds'] = match[0]['seconds_per_epoch']
                row['ratio_to_torch_' + mode] = r['seconds_per_epoch'] / match[0]['seconds_per_epoch']
        if s['torch']:
            row['tflops_per_second'] = t['flops_per_epoch'] / r['seconds_per_epoch'] / 1e12
            row['fraction_of_peak_fp32'] = row['tflops_per_second'] / s['torch']['peak_fp32_matmul_tflops']
        s['temper'].append(row)
json.dump(s, open(os.path.join(out, 'gpu-check.json'), 'w'), indent=1)
for r in s['temper']:
    print('%-8s batch %4d dropout %.1f: %.3f s/epoch, %s x eager, %s x compile' % (r['net'], r['batch'], r['dropout'],
          r['seconds_per_epoch'], ('%.2f' % r['ratio_to_torch_eager']) if 'ratio_to_torch_eager' in r else '-',
          ('%.2f' % r['ratio_to_torch_compile']) if 'ratio_to_torch_compile' in r else '-'))
print('steps (name exit seconds):', ' '.join('%s:%d:%ds' % (n, v['exit'], v['seconds']) for n, v in s['steps'].items()))
PY
grep -qv ' 0 ' "$out/logs/steps.txt"; some_failed=$(( $? == 0 ))
# 6. at most 8 files come back, none over 16 MiB
tar -C "$out" -czf "$out/logs.tar.gz" logs junit && rm -rf "$out/logs" "$out/junit"
tar -C "$out" -cf "$out/profile.tar" profile && rm -rf "$out/profile"
if [ "$(stat -c %s "$out/profile.tar")" -gt 16000000 ]; then
  split -b 16000000 -d -a 2 "$out/profile.tar" "$out/profile.tar." && rm "$out/profile.tar"
fi
ls -l "$out" >&2
[ $some_failed = 0 ]
