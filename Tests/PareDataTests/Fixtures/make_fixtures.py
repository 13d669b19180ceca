#!/usr/bin/env python3
"""Writes the PareData (and SafeTensors) test fixtures with Python's own gzip/zlib/struct/json.

Run from anywhere:  python3 Tests/PareDataTests/Fixtures/make_fixtures.py
Made with Python 3.11 and zlib 1.2.13. The outputs are committed; Swift tests never run this script.
Everything is deterministic (fixed seeds, gzip mtime 0), so a rerun with the same zlib gives the same bytes.

gzip/NAME.gz decodes to gzip/NAME.bin (the bytes this script compressed):
  stored         zlib level 0 with a 512-byte window: several stored blocks
  fixed          a short text at level 6: one fixed-Huffman block
  dynamic        ~26 KB of text and skewed random bytes, a repeat 18 KB back: dynamic-Huffman blocks
  empty          an empty payload
  multimember    three members (fixed, stored, empty) concatenated: decodes to the concatenation
  headerfields   FEXTRA, FNAME, FCOMMENT and FHCRC all set, hand-built header
  syncflush      one stream with a sync flush in the middle: dynamic, then an empty stored block, then fixed
idx/...          tiny IDX data sets (see write_idx_fixtures)
../../PareTrainingTests/Fixtures/safetensors/python.safetensors  written with struct + json as the format specifies
"""
import gzip
import json
import os
import random
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def path(*parts):
    full = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def write(data, *parts):
    with open(path(*parts), "wb") as f:
        f.write(data)


def raw_deflate(data, level=6, wbits=15, mem_level=8):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -wbits, mem_level)
    return compressor.compress(data) + compressor.flush()


def gzip_member(deflated, payload, flags=0, extra=b"", name=b"", comment=b""):
    """A gzip member around already-deflated data (RFC 1952), mtime 0, OS 255 (unknown)."""
    header = struct.pack("<BBBBIBB", 0x1F, 0x8B, 8, flags, 0, 0, 255)
    if flags & 4:
        header += struct.pack("<H", len(extra)) + extra
    if flags & 8:
        header += name + b"\0"
    if flags & 16:
        header += comment + b"\0"
    if flags & 2:
        header += struct.pack("<H", zlib.crc32(header) & 0xFFFF)
    trailer = struct.pack("<II", zlib.crc32(payload), len(payload) & 0xFFFFFFFF)
    return header + deflated + trailer


def first_block_type(deflated):
    return (deflated[0] >> 1) & 3


def stored_block_count(deflated):
    """Walks a stream made only of stored blocks (each: a header byte, LEN, NLEN, LEN bytes)."""
    position, count = 0, 0
    while True:
        header = deflated[position]
        assert (header >> 1) & 3 == 0, "not a stored block"
        length, complement = struct.unpack("<HH", deflated[position + 1:position + 5])
        assert length == complement ^ 0xFFFF
        position += 5 + length
        count += 1
        if header & 1:
            assert position == len(deflated)
            return count


def text(rng, words):
    vocabulary = ("pare model layer dense conv2d filters kernel stride pooling accuracy search pareto "
                  "front candidate width prune train epoch batch gradient loss softmax mnist digit").split()
    return " ".join(rng.choice(vocabulary) for _ in range(words)).encode()


def write_gzip_fixtures():
    rng = random.Random(1951)
    cases = {}

    stored = bytes(rng.randrange(256) for _ in range(3000))
    deflated = raw_deflate(stored, level=0, wbits=9, mem_level=1)
    assert stored_block_count(deflated) >= 2, "expected several stored blocks"
    cases["stored"] = (stored, gzip_member(deflated, stored))

    fixed = b"Pare inflates gzip in pure Swift. Pare inflates gzip in pure Swift!\n"
    deflated = raw_deflate(fixed)
    assert first_block_type(deflated) == 1
    cases["fixed"] = (fixed, gzip_member(deflated, fixed))

    part = text(rng, 1500)
    skewed = bytes(min(255, int(rng.expovariate(1 / 24))) for _ in range(8000))
    dynamic = part + skewed + part
    deflated = raw_deflate(dynamic, level=9)
    assert first_block_type(deflated) == 2
    cases["dynamic"] = (dynamic, gzip_member(deflated, dynamic))

    cases["empty"] = (b"", gzip.compress(b"", mtime=0))

    members = [fixed, stored[:700], b""]
    multi = b"".join(gzip_member(raw_deflate(m, level=0 if m is members[1] else 6), m) for m in members)
    cases["multimember"] = (b"".join(members), multi)

    named = fixed * 3
    cases["headerfields"] = (named, gzip_member(raw_deflate(named), named, flags=2 | 4 | 8 | 16,
                                                extra=b"AP\x04\x00pare", name=b"fixture.txt",
                                                comment=b"FEXTRA, FNAME, FCOMMENT and FHCRC"))

    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    first, second = text(rng, 300), b"tail after a sync flush"
    deflated = compressor.compress(first) + compressor.flush(zlib.Z_SYNC_FLUSH)
    assert deflated.endswith(b"\x00\x00\xff\xff"), "a sync flush ends with an empty stored block"
    deflated += compressor.compress(second) + compressor.flush()
    cases["syncflush"] = (first + second, gzip_member(deflated, first + second))

    for name, (payload, compressed) in cases.items():
        assert gzip.decompress(compressed) == payload, name
        write(payload, "gzip", name + ".bin")
        write(compressed, "gzip", name + ".gz")


def idx(magic, dimensions, data):
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dimensions) + bytes(data)


def images(count, height, width, channels=None, seed=0):
    rng = random.Random(seed)
    dims = [count, height, width] + ([channels] if channels else [])
    size = count * height * width * (channels or 1)
    return idx(0x803 if channels is None else 0x804, dims, [rng.randrange(256) for _ in range(size)])


def labels(values):
    return idx(0x801, [len(values)], values)


def write_idx_folder(folder, train_images, train_labels, test_images, test_labels, gzipped=("train-images",)):
    """Writes a data set folder; files named in `gzipped` get the .gz suffix, the others stay raw."""
    files = {"train-images": ("train-images-idx3-ubyte", train_images),
             "train-labels": ("train-labels-idx1-ubyte", train_labels),
             "test-images": ("t10k-images-idx3-ubyte", test_images),
             "test-labels": ("t10k-labels-idx1-ubyte", test_labels)}
    for key, (name, data) in files.items():
        if key in gzipped:
            write(gzip.compress(data, mtime=0), "idx", folder, name + ".gz")
        else:
            write(data, "idx", folder, name)


def write_idx_fixtures():
    train_labels = [0, 1, 2, 0, 1, 2]
    test_labels = [2, 1, 0, 1]
    good = (images(6, 4, 3, seed=1), labels(train_labels), images(4, 4, 3, seed=2), labels(test_labels))
    # good: 6 training and 4 test images of 4x3 pixels, 3 classes; two files gzipped, two raw.
    write_idx_folder("good", *good, gzipped=("train-images", "test-labels"))
    # rank4: [N, H, W, C] images with 3 channels, all four files gzipped.
    write_idx_folder("rank4", images(5, 2, 2, channels=3, seed=3), labels([1, 0, 1, 1, 0]),
                     images(2, 2, 2, channels=3, seed=4), labels([0, 1]),
                     gzipped=("train-images", "train-labels", "test-images", "test-labels"))
    # wrongmagic: the training images file holds labels.
    write_idx_folder("wrongmagic", labels(train_labels), *good[1:])
    # truncated: the training images gzip stream is cut in half (20 images of 8x8).
    big = images(20, 8, 8, seed=5)
    compressed = gzip.compress(big, mtime=0)
    write_idx_folder("truncated", b"", labels([i % 3 for i in range(20)]), images(4, 8, 8, seed=6), good[3],
                     gzipped=())
    write(compressed[: len(compressed) // 2], "idx", "truncated", "train-images-idx3-ubyte.gz")
    os.remove(path("idx", "truncated", "train-images-idx3-ubyte"))
    # shortdata / longdata: raw images files one byte shorter / longer than their header says.
    write_idx_folder("shortdata", good[0][:-1], *good[1:], gzipped=())
    write_idx_folder("longdata", good[0] + b"\0", *good[1:], gzipped=())
    # countmismatch: 6 training images but 5 training labels.
    write_idx_folder("countmismatch", good[0], labels(train_labels[:5]), good[2], good[3])
    # labelrange: a test label 3 although the training labels only reach 2 (3 classes).
    write_idx_folder("labelrange", good[0], good[1], good[2], labels([2, 1, 3, 1]))
    # shapemismatch: test images 3x4 where training images are 4x3.
    write_idx_folder("shapemismatch", good[0], good[1], images(4, 3, 4, seed=2), good[3])


def write_safetensors_fixture():
    """Two F32 tensors, a scalar and an empty tensor, plus metadata, laid out like the Rust writer does."""
    tensors = [("dense.bias", [3], [0.5, -1.25, 3.0]),
               ("dense.kernel", [2, 3], [1.0, 2.0, 3.0, -4.0, 5.5, 1e-3]),
               ("empty", [0], []),
               ("step", [], [42.0])]
    header = {"__metadata__": {"format": "pt", "written_by": "make_fixtures.py"}}
    data = b""
    for name, shape, values in tensors:
        blob = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [len(data), len(data) + len(blob)]}
        data += blob
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-(8 + len(encoded)) % 8)
    # PareTrainingTests owns this fixture (SafeTensors lives in PareTraining).
    write(struct.pack("<Q", len(encoded)) + encoded + data, "..", "..", "PareTrainingTests", "Fixtures", "safetensors",
          "python.safetensors")


if __name__ == "__main__":
    write_gzip_fixtures()
    write_idx_fixtures()
    write_safetensors_fixture()
