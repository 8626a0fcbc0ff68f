"""PyTorch's side of bench/gpu-check.sh: seconds per training epoch of the networks `temper bench`
times, on the same card, eager and torch.compile, float32 with TF32 off, the data already on the
device. Same recipe as Temper's bench: label smoothing 0.1, SGD momentum 0.9, lr 0.01, a fresh
permutation each epoch, every batch full (the last partial batch is dropped, as Temper pads it).

    python3 bench/torch_bench.py --data DIR --out results.json [--device cuda|cpu] [--epochs 3] [--no-compile]
"""
import argparse
import gzip
import json
import os
import struct
import time

import torch
from torch import nn


def idx(path):
    with gzip.open(path, 'rb') if path.endswith('.gz') else open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack('>' + 'I' * dims, data[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


def fashion(folder, limit):
    def find(stem):
        for name in (stem, stem + '.gz'):
            if os.path.exists(os.path.join(folder, name)):
                return os.path.join(folder, name)
        raise SystemExit('no %s[.gz] in %s' % (stem, folder))
    x = idx(find('train-images-idx3-ubyte')).float().div_(255).reshape(-1, 784)
    y = idx(find('train-labels-idx1-ubyte')).long()
    return (x[:limit], y[:limit]) if limit else (x, y)


def mlp(dropout):
    layers, width = [], 784
    for h in (1200, 1200):
        layers += [nn.Linear(width, h), nn.ReLU()] + ([nn.Dropout(dropout)] if dropout > 0 else [])
        width = h
    return nn.Sequential(*layers, nn.Linear(width, 10))


def alexnet(dropout):
    def fc(i, o):
        return [nn.Linear(i, o), nn.ReLU()] + ([nn.Dropout(dropout)] if dropout > 0 else [])
    return nn.Sequential(
        nn.Conv2d(3, 64, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2, padding=1),
        nn.Conv2d(64, 64, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2, padding=1),
        nn.Flatten(), *fc(64 * 6 * 6, 384), *fc(384, 192), nn.Linear(192, 10))


def epoch_seconds(model, x, y, batch, epochs, device):
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
    steps = x.shape[0] // batch
    times = []
    for _ in range(epochs):
        perm = torch.randperm(x.shape[0], device=device)
        sync(device)
        t0 = time.perf_counter()
        for s in range(steps):
            i = perm[s * batch:(s + 1) * batch]
            opt.zero_grad(set_to_none=True)
            loss_fn(model(x[i]), y[i]).backward()
            opt.step()
        sync(device)
        times.append(time.perf_counter() - t0)
    timed = sorted(times[1:])
    return timed[len(timed) // 2], times[0]


def sync(device):
    if device.startswith('cuda'):
        torch.cuda.synchronize()


def peak_tflops(device):
    n = 8192 if device.startswith('cuda') else 1024
    a = torch.randn(n, n, device=device)
    b = torch.randn(n, n, device=device)
    best = float('inf')
    for _ in range(12):
        sync(device)
        t0 = time.perf_counter()
        a @ b
        sync(device)
        best = min(best, time.perf_counter() - t0)
    return 2 * n ** 3 / best / 1e12


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--data', required=True, help='folder of the Fashion-MNIST IDX files')
    p.add_argument('--out', required=True)
    p.add_argument('--device', default='cuda')
    p.add_argument('--epochs', type=int, default=3, help='epochs per setting, the first a warm-up')
    p.add_argument('--limit', type=int, default=0, help='MLP: only the first N images (rehearsals)')
    p.add_argument('--examples', type=int, default=50000, help='AlexNet: random images')
    p.add_argument('--no-compile', action='store_true')
    a = p.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.set_float32_matmul_precision('highest')
    torch.manual_seed(1)
    dev = a.device
    x, y = fashion(a.data, a.limit)
    mx, my = x.to(dev), y.to(dev)
    ax = torch.randn(a.examples, 3, 24, 24, device=dev)
    ay = torch.randint(0, 10, (a.examples,), device=dev)
    cases = [('mlp', b, d, mx, my) for b in (512, 128) for d in (0.0, 0.5)] + [('alexnet', 128, 0.0, ax, ay)]
    out = {'torch': torch.__version__, 'device': dev,
           'card': torch.cuda.get_device_name() if dev.startswith('cuda') else 'cpu',
           'peak_fp32_matmul_tflops': peak_tflops(dev), 'tf32': False, 'runs': []}
    for mode in ['eager'] + ([] if a.no_compile else ['compile']):
        for net, batch, dropout, x_, y_ in cases:
            torch.manual_seed(1)
            model = (mlp if net == 'mlp' else alexnet)(dropout).to(dev)
            row = {'net': net, 'mode': mode, 'batch': batch, 'dropout': dropout, 'examples': int(x_.shape[0])}
            try:
                if mode == 'compile':
                    model = torch.compile(model)
                row['seconds_per_epoch'], row['first_epoch_seconds'] = epoch_seconds(model, x_, y_, batch, a.epochs, dev)
                out['runs'].append(row)
            except Exception as e:  # one failing mode (an old torch without compile) must not lose the others
                out.setdefault('errors', []).append(dict(row, error=repr(e)))
            print(json.dumps(row), flush=True)
            with open(a.out, 'w') as f:
                json.dump(out, f, indent=1)


if __name__ == '__main__':
    main()
