"""The forward pass of a model Pare trained, in numpy and Keras's layouts, for the numpy cross-check test.

Reads a safetensors file written by `pare train --save` with a minimal reader written to the format's
specification (github.com/huggingface/safetensors, README "Format": 8-byte little-endian header size, JSON header
with dtype, shape and data offsets, then little-endian row-major data), takes the model from its metadata (Pare's
canonical .pare text), runs the first COUNT test images of DATA_DIR through the layers channels-last, as Keras
computes them, and prints one line per image: the predicted class, then the outputs of the last layer before
its softmax (Pare's engine outputs those logits; the argmax is the same).

Usage: python3 numpy_forward.py WEIGHTS.safetensors DATA_DIR COUNT
Needs numpy only. Supports the layers of sequential models: conv2d, depthwiseconv2d, maxpool2d, avgpool2d,
globalavgpool2d, batchnorm, dropout, activation, relu (with max=), zeropad2d, flatten, dense.
"""
import gzip
import json
import os
import struct
import sys

import numpy as np

PREFIXES = {"conv2d": "conv2d", "dense": "dense", "maxpool2d": "max_pooling2d", "avgpool2d": "average_pooling2d",
            "globalavgpool2d": "global_average_pooling2d", "batchnorm": "batch_normalization", "dropout": "dropout",
            "activation": "activation", "flatten": "flatten", "depthwiseconv2d": "depthwise_conv2d",
            "zeropad2d": "zero_padding2d", "relu": "re_lu"}
ACTIVATIONS = {"linear", "relu", "sigmoid", "tanh", "softmax"}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + size])
    metadata = header.pop("__metadata__", {})
    tensors = {}
    for name, entry in header.items():
        assert entry["dtype"] == "F32", entry
        begin, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(data[8 + size + begin:8 + size + end], dtype="<f4").reshape(entry["shape"])
    return tensors, metadata


def read_idx(folder, name):
    path = os.path.join(folder, name)
    opener = open if os.path.exists(path) else gzip.open
    with opener(path if os.path.exists(path) else path + ".gz", "rb") as f:
        data = f.read()
    rank = data[3]
    dimensions = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dimensions)


def size2(text):
    parts = [int(part) for part in text.split("x")]
    return (parts[0], parts[0]) if len(parts) == 1 else (parts[0], parts[1])


def parse_model(text):
    """(input shape, layers) from canonical .pare text; each layer is (keyword, name, positional words, options)."""
    shape, layers, counters = None, [], {}
    for line in text.splitlines():
        words = line.split()
        if not words or words[0] == "model" or words[0].startswith("#"):
            continue
        if words[0] == "input":
            shape = tuple(int(part) for part in words[1].split("x"))
            continue
        options = dict(word.split("=", 1) for word in words[1:] if "=" in word)
        positional = [word for word in words[1:] if "=" not in word]
        name = options.get("name")
        if name is None:
            prefix = PREFIXES[words[0]]
            used = counters.get(prefix, 0)
            counters[prefix] = used + 1
            name = prefix if used == 0 else f"{prefix}_{used}"
        layers.append((words[0], name, positional, options))
    return shape, layers


def same_padding(size, window, stride):
    """Keras's 'same' padding (TensorFlow's rule): the odd extra row/column goes at the bottom/right."""
    output = -(-size // stride)
    total = max((output - 1) * stride + window - size, 0)
    return total // 2, total - total // 2


def windows(x, window, strides, padding, fill):
    """Yields, for each offset of the window, the strided view of x (NHWC) it covers, after padding with `fill`."""
    (kh, kw), (sh, sw) = window, strides
    if padding == "same":
        top, bottom = same_padding(x.shape[1], kh, sh)
        left, right = same_padding(x.shape[2], kw, sw)
        x = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)), constant_values=fill)
    out_h, out_w = (x.shape[1] - kh) // sh + 1, (x.shape[2] - kw) // sw + 1
    for ky in range(kh):
        for kx in range(kw):
            yield ky, kx, x[:, ky:ky + sh * (out_h - 1) + 1:sh, kx:kx + sw * (out_w - 1) + 1:sw, :]


def activate(x, function):
    if function == "relu":
        return np.maximum(x, np.float32(0))
    if function == "sigmoid":
        return (1 / (1 + np.exp(-x))).astype(np.float32)
    if function == "tanh":
        return np.tanh(x)
    if function == "softmax":
        e = np.exp(x - x.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    return x


def forward(x, layers, tensors):
    for index, (keyword, name, positional, options) in enumerate(layers):
        last = index == len(layers) - 1
        activation = next((word for word in positional if word in ACTIVATIONS), "linear")
        if last and activation == "softmax":
            activation = "linear"  # compare logits, as Pare's engine outputs them
        if keyword == "conv2d":
            kernel = tensors[name + "/kernel"]  # HWIO
            strides = size2(options.get("stride", "1"))
            out = None
            for ky, kx, view in windows(x, kernel.shape[:2], strides, options.get("padding", "valid"), 0):
                term = view @ kernel[ky, kx]
                out = term if out is None else out + term
            if name + "/bias" in tensors:
                out = out + tensors[name + "/bias"]
            x = activate(out, activation)
        elif keyword == "depthwiseconv2d":
            kernel = tensors[name + "/kernel"]  # [kh, kw, C, multiplier]; output channel c * multiplier + j
            strides = size2(options.get("stride", "1"))
            out = None
            for ky, kx, view in windows(x, kernel.shape[:2], strides, options.get("padding", "valid"), 0):
                term = view[..., :, None] * kernel[ky, kx]
                out = term if out is None else out + term
            out = out.reshape(out.shape[:3] + (-1,))
            if name + "/bias" in tensors:
                out = out + tensors[name + "/bias"]
            x = activate(out, activation)
        elif keyword == "zeropad2d":
            if positional:
                top = bottom = left = right = int(positional[0])
            else:
                top, bottom, left, right = (int(options[side]) for side in ("top", "bottom", "left", "right"))
            x = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)))
        elif keyword == "relu":
            x = np.maximum(x, np.float32(0))
            if "max" in options:
                x = np.minimum(x, np.float32(float(options["max"])))
        elif keyword in ("maxpool2d", "avgpool2d"):
            window = size2(positional[0])
            strides = size2(options.get("stride", positional[0]))
            padding = options.get("padding", "valid")
            if keyword == "maxpool2d":
                views = [view for _, _, view in windows(x, window, strides, padding, -np.inf)]
                x = np.max(np.stack(views), axis=0)
            else:
                sums = sum(view for _, _, view in windows(x, window, strides, padding, 0))
                counts = sum(view for _, _, view in windows(np.ones_like(x[:1, ..., :1]), window, strides, padding, 0))
                x = (sums / counts).astype(np.float32)
        elif keyword == "globalavgpool2d":
            x = x.mean(axis=(1, 2), dtype=np.float32)
        elif keyword == "batchnorm":
            epsilon = np.float32(float(options.get("epsilon", "0.001")))
            mean, variance = tensors[name + "/moving_mean"], tensors[name + "/moving_variance"]
            x = (x - mean) / np.sqrt(variance + epsilon) * tensors[name + "/gamma"] + tensors[name + "/beta"]
        elif keyword == "dropout":
            pass  # identity at inference
        elif keyword == "activation":
            x = activate(x, "linear" if last and positional[0] == "softmax" else positional[0])
        elif keyword == "flatten":
            x = x.reshape(len(x), -1)  # channels-last order, as Keras flattens
        elif keyword == "dense":
            x = x @ tensors[name + "/kernel"]  # [in, units]
            if name + "/bias" in tensors:
                x = x + tensors[name + "/bias"]
            x = activate(x, activation)
        else:
            raise SystemExit(f"numpy_forward.py does not implement '{keyword}'")
    return x


def main():
    weights, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    tensors, metadata = read_safetensors(weights)
    assert metadata.get("layout") == "keras", metadata
    shape, layers = parse_model(metadata["model"])
    images = read_idx(folder, "t10k-images-idx3-ubyte")[:count]
    x = (images.astype(np.float32) / np.float32(255)).reshape((count,) + shape)
    outputs = forward(x, layers, tensors)
    for row in outputs:
        print(int(np.argmax(row)), " ".join(f"{value:.9g}" for value in row))


if __name__ == "__main__":
    main()
