#!/usr/bin/env python3
"""Times numpy's matmul (its bundled OpenBLAS SGEMM) on the same batch-128 shapes as Pare's GEMMBenchmark.

Usage:
    python3 Benchmarks/gemm_numpy.py              # 1 and 2 threads (one child process per thread count)
    python3 Benchmarks/gemm_numpy.py --threads 1  # one thread count
    OPENBLAS_CORETYPE=Haswell python3 Benchmarks/gemm_numpy.py   # force OpenBLAS's AVX2 kernels (see README)

OpenBLAS fixes its thread count when it is loaded, so each thread count runs in a fresh interpreter with
OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS) set before numpy is imported; no threadpoolctl needed.
Each row gives best and median GFLOP/s over 7 repetitions (a repetition repeats the product for at least 50 ms),
the process CPU/wall ratio, and GFLOP per CPU-second of the repetition that used the least CPU time (the speed
while actually running, when other processes share the cores).
Operands are float32, uniform in [-1, 1); transposed operands are numpy views (`a.T`), which numpy hands to
sgemm as a transposition flag, so nothing is copied. Shapes and names match GEMMBenchmark.rowMajorCases.
"""

import os
import subprocess
import sys
import time

# name, M, N, K, A transposed (stored K×M), B transposed (stored N×K):  C[M×N] = op(A)·op(B)
CASES = [
    ("fc1.fwd", 128, 512, 784, False, False),
    ("fc1.dW", 784, 512, 128, True, False),
    ("fc1.dX", 128, 784, 512, False, True),
    ("fc2.fwd", 128, 10, 512, False, False),
    ("fc2.dW", 512, 10, 128, True, False),
    ("fc2.dX", 128, 512, 10, False, True),
    ("conv2.fwd", 73728, 64, 288, False, False),
    ("conv2.dW", 288, 64, 73728, True, False),
    ("conv2.dcol", 73728, 288, 64, False, True),
    ("conv1.fwd", 86528, 32, 9, False, False),
    ("conv1.dW", 9, 32, 86528, True, False),
]
REPETITIONS = 7
MINIMUM_REPETITION_SECONDS = 0.05


def load_average():
    with open("/proc/loadavg") as file:
        return " ".join(file.read().split()[:3])


def blas_description(np):
    """One line naming numpy's BLAS (e.g. 'scipy-openblas 0.3.31 ... Haswell MAX_THREADS=64')."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        configuration = " ".join(blas.get("openblas configuration", "").split())
        return f"{blas.get('name')} {blas.get('version')} ({configuration})"
    except Exception as error:  # older numpy: no mode="dicts"
        return f"unknown ({error})"


def run(threads):
    import numpy as np

    print(f"numpy {np.__version__}, BLAS: {blas_description(np)}")
    print(f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}, "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(auto)')}, load before: {load_average()}")
    print("| case | M×K·K×N | MFLOP | threads | best GFLOP/s | median GFLOP/s | cpu/wall | GFLOP/cpu-s |")
    print("|---|---|---|---|---|---|---|---|")
    random = np.random.default_rng(1)
    for name, m, n, k, transposes_a, transposes_b in CASES:
        a = random.uniform(-1, 1, (k, m) if transposes_a else (m, k)).astype(np.float32)
        b = random.uniform(-1, 1, (n, k) if transposes_b else (k, n)).astype(np.float32)
        left, right = (a.T if transposes_a else a), (b.T if transposes_b else b)
        c = np.empty((m, n), dtype=np.float32)
        np.matmul(left, right, out=c)
        start = time.perf_counter()
        np.matmul(left, right, out=c)
        once = time.perf_counter() - start
        times = max(1, int(MINIMUM_REPETITION_SECONDS / max(once, 1e-9)) + 1)
        walls, cpu, wall, least_cpu = [], 0.0, 0.0, float("inf")
        for _ in range(REPETITIONS):
            wall_start, cpu_start = time.perf_counter(), time.process_time()
            for _ in range(times):
                np.matmul(left, right, out=c)
            elapsed, used = time.perf_counter() - wall_start, time.process_time() - cpu_start
            walls.append(elapsed)
            wall += elapsed
            cpu += used
            least_cpu = min(least_cpu, used)
        walls.sort()
        gigaflops = 2.0 * m * n * k * times / 1e9
        print(f"| {name} | {m}×{k}·{k}×{n} | {2.0 * m * n * k / 1e6:.2f} | {threads} "
              f"| {gigaflops / walls[0]:.1f} | {gigaflops / walls[len(walls) // 2]:.1f} | {cpu / wall:.2f} "
              f"| {gigaflops / least_cpu:.1f} |")
        del a, b, c, left, right
    print(f"load after: {load_average()}")


def main():
    arguments = sys.argv[1:]
    if len(arguments) == 2 and arguments[0] == "--child":
        run(int(arguments[1]))
        return
    if arguments and not (len(arguments) == 2 and arguments[0] == "--threads" and arguments[1].isdigit()):
        sys.exit("usage: gemm_numpy.py [--threads N]")
    for threads in [int(arguments[1])] if arguments else [1, 2]:
        environment = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
        subprocess.run([sys.executable, __file__, "--child", str(threads)], env=environment, check=True)


if __name__ == "__main__":
    main()
