// The Python every exported script shares: reading safetensors (to the format specification, without the
// safetensors package) and the IDX test set, as Pare reads them.

/// Python source shared by the exported scripts.
enum PythonSupport {
    /// The import block: the standard library (with `standardLibrary` lines after the plain imports), then numpy
    /// and the `framework` lines (`import` lines sorted, `from` lines after them, as isort orders them).
    static func imports(standardLibrary: [String], framework: [String]) -> String {
        let standard = ["import argparse", "import gzip", "import json", "import os", "import struct"] + standardLibrary
        let thirdParty = (["import numpy as np"] + framework.filter { $0.hasPrefix("import ") }).sorted()
            + framework.filter { !$0.hasPrefix("import ") }
        return (standard + [""] + thirdParty).joined(separator: "\n")
    }

    /// `read_safetensors`, `take`, `read_idx` and `read_test_set`.
    ///
    /// The reader follows the safetensors format (github.com/huggingface/safetensors, README "Format"): an 8-byte
    /// little-endian header size N, N bytes of JSON (`__metadata__` plus, per tensor, dtype, shape and
    /// `[begin, end)` offsets into the data that follows), then the little-endian row-major data. Pixels are scaled
    /// as Pare's engine scales them: float32 `x / 255`.
    static let reading = #"""
        def read_safetensors(path):
            """Every tensor of a safetensors file as a float32 numpy array, by name."""
            with open(path, "rb") as f:
                data = f.read()
            (header_size,) = struct.unpack("<Q", data[:8])
            header = json.loads(data[8:8 + header_size])
            header.pop("__metadata__", None)
            start = 8 + header_size
            tensors = {}
            for name, entry in header.items():
                if entry["dtype"] != "F32":
                    raise SystemExit(f"{path}: tensor {name!r} has dtype {entry['dtype']}; Pare writes F32")
                begin, end = entry["data_offsets"]
                values = np.frombuffer(data[start + begin:start + end], dtype="<f4")
                tensors[name] = values.reshape(entry["shape"]).astype(np.float32)
            return tensors


        def take(tensors, name, shape):
            """The tensor `name` (Keras layout), which must have `shape`."""
            if name not in tensors:
                raise SystemExit(f"the weights have no tensor {name!r}; were they saved for this model?")
            if list(tensors[name].shape) != list(shape):
                raise SystemExit(f"tensor {name!r} has shape {list(tensors[name].shape)}, the model needs {list(shape)}")
            return tensors[name]


        def read_idx(folder, name):
            """An IDX file of the MNIST distribution (big-endian header, then uint8 values), gzipped or not."""
            path = os.path.join(folder, name)
            if os.path.exists(path):
                with open(path, "rb") as f:
                    data = f.read()
            else:
                with gzip.open(path + ".gz", "rb") as f:
                    data = f.read()
            rank = data[3]
            dimensions = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
            return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dimensions)


        def read_test_set(folder, limit):
            """The test images as float32 in [0, 1] (x / 255, as Pare scales them) and their labels."""
            images = read_idx(folder, "t10k-images-idx3-ubyte")
            labels = read_idx(folder, "t10k-labels-idx1-ubyte")
            if limit is not None:
                images, labels = images[:limit], labels[:limit]
            return images.astype(np.float32) / np.float32(255), labels.astype(np.int64)
        """#
}
