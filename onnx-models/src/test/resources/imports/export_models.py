"""Exports the small PyTorch networks that Temper's importer tests read.

Produced with Debian's python3-torch (torch 1.13.0a0, Python 3.11), opset 17:
    apt-get install -y python3-torch
    /usr/bin/python3 export_models.py        # run in this folder
CI does not have torch: the tests read only the committed .onnx and .csv files.

For each model NAME it writes NAME.onnx and, for the models whose logits the tests compare,
NAME.reference.csv: a comment line with the torch version, then for each of a few fixed inputs one line 'input,<row>,<values...>' (the example,
flattened) and one line 'logits,<row>,<values...>' (PyTorch's logits in eval mode). Floats are
written with Python's repr of the float32 value, so that Java reads back exactly the same float.

The MLP is exported in training mode so that its Dropout node survives (an eval-mode export drops
it); Temper makes that node the identity at inference. The other models are exported in eval mode,
as users usually do. Every export has a symbolic batch dimension (dynamic_axes).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

OPSET = 17


class Mlp(nn.Module):
    """Flatten, Linear-ReLU-Dropout-Linear on [N, 1, 28, 28] Fashion-MNIST-shaped input."""

    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(784, 32)
        self.dropout = nn.Dropout(0.2)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        return self.fc2(self.dropout(torch.relu(self.fc1(self.flatten(x)))))


class Mixed(nn.Module):
    """Transpose and a runtime-shaped Reshape (Shape/Gather/Unsqueeze/Concat), Sub, Mul, Tanh and
    Sigmoid branches joined by Concat, MatMul + Add, LeakyRelu, Div; three outputs: logits, the
    penultimate features and the probabilities."""

    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.linspace(0.5, 1.5, 20))
        self.fc_tanh = nn.Linear(20, 12)
        self.fc_sigmoid = nn.Linear(20, 12)
        self.w = nn.Parameter(torch.randn(24, 16) * 0.3)
        self.b = nn.Parameter(torch.randn(16) * 0.1)
        self.out = nn.Linear(16, 3)

    def forward(self, x):
        h = x.transpose(1, 2)
        h = (h.reshape(h.shape[0], -1) - 0.5) * self.scale
        c = torch.cat([torch.tanh(self.fc_tanh(h)), torch.sigmoid(self.fc_sigmoid(h))], dim=1)
        features = F.leaky_relu(c @ self.w + self.b, 0.1) / 2.0
        logits = self.out(features)
        return logits, features, torch.softmax(logits, dim=1)


class WithCos(nn.Module):
    """A network with Cos between a trainable layer and the logits: Temper has no gradient rule."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(6, 4)
        self.fc2 = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc2(torch.cos(self.fc1(x)))


def export(name, model, example, outputs, training, reference=True):
    """Exports with a symbolic batch dimension; training=True keeps Dropout nodes in the graph."""
    mode = torch.onnx.TrainingMode.TRAINING if training else torch.onnx.TrainingMode.EVAL
    model.train(training)
    axes = {"input": {0: "N"}}
    axes.update({o: {0: "N"} for o in outputs})
    torch.onnx.export(model, example, name + ".onnx", opset_version=OPSET, input_names=["input"],
                      output_names=outputs, dynamic_axes=axes, training=mode,
                      do_constant_folding=not training)
    if not reference:
        return
    model.eval()
    with torch.no_grad():
        result = model(example)
    logits = result[0] if isinstance(result, tuple) else result
    with open(name + ".reference.csv", "w") as f:
        f.write("# torch %s, opset %d: PyTorch's eval-mode logits for the fixed inputs\n"
                % (torch.__version__, OPSET))
        for row in range(example.shape[0]):
            f.write("input,%d,%s\n" % (row, ",".join(repr(v) for v in example[row].flatten().tolist())))
            f.write("logits,%d,%s\n" % (row, ",".join(repr(v) for v in logits[row].tolist())))


def main():
    torch.manual_seed(20240601)
    export("mlp", Mlp(), torch.rand(4, 1, 28, 28), ["logits"], training=True)
    export("mixed", Mixed(), torch.randn(5, 4, 5), ["logits", "features", "probabilities"], training=False)
    export("cos", WithCos(), torch.randn(2, 6), ["logits"], training=False, reference=False)


if __name__ == "__main__":
    main()
