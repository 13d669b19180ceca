#!/usr/bin/env python3
"""Golden values for ShufflingTests: SplitMix64, Lemire's bounded draw and Fisher-Yates, written independently
of the Swift code.  Run: python3 Tests/PareDataTests/Fixtures/shuffle_golden.py"""
M = (1 << 64) - 1
class SplitMix64:
    def __init__(self, seed): self.state = seed
    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & M
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)
def uniform_index(bound, g):
    threshold = (2**64 - bound) % bound
    while True:
        product = g.next() * bound
        if product & M >= threshold: return product >> 64
def shuffle(xs, g):
    for last in range(len(xs) - 1, 0, -1):
        j = uniform_index(last + 1, g); xs[last], xs[j] = xs[j], xs[last]
    return xs
g = SplitMix64(7); print("next", [g.next() for _ in range(2)])
g = SplitMix64(7); print("uniform", [uniform_index(b, g) for b in [10, 7, 1000, 1, 3, 2**62 + 1]])
g = SplitMix64(2024); print("shuffle", shuffle(list(range(12)), g))
labels = [i % 3 for i in range(10)] + [1, 1]
g = SplitMix64(99)
by = {}
for i, l in enumerate(labels): by.setdefault(l, []).append(i)
train, val = [], []
for c in sorted(by):
    m = shuffle(by[c], g); k = int(0.25 * len(m) + 0.5)  # round half up (positive numbers)
    val += m[:k]; train += m[k:]
print("labels", labels, "split", sorted(train), sorted(val))
