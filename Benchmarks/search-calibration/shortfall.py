"""Per epoch, the largest shortfall below the target among runs that end within the reseed margin of it.

Usage: python3 shortfall.py RUN.jsonl ... [--target 0.97 --margin 0.005]
Each RUN.jsonl is the output of `pare train --json`. Prints every curve and the shortfall table that
StopRule.calibratedSlack is derived from (slack ≈ 2 × shortfall).
"""
import json
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
target = float(sys.argv[sys.argv.index("--target") + 1]) if "--target" in sys.argv else 0.97
margin = float(sys.argv[sys.argv.index("--margin") + 1]) if "--margin" in sys.argv else 0.005
curves = {}
for path in args:
    rows = [json.loads(line) for line in open(path) if line.startswith("{")]
    curve = [r["val_accuracy"] for r in rows if r.get("event") == "epoch"]
    if curve:
        curves[path.rsplit("/", 1)[-1]] = curve
        print(f"{path.rsplit('/', 1)[-1]:24s} " + " ".join(f"{a:.4f}" for a in curve))
near = [c for c in curves.values() if c[-1] >= target - margin]
print(f"\n{len(near)} of {len(curves)} runs end at or above {target - margin:.3f}")
for epoch in range(max(len(c) for c in near) - 1):
    shortfall = max(target - c[epoch] for c in near if epoch < len(c))
    print(f"after epoch {epoch + 1:2d}: largest shortfall below {target:.2f} = {shortfall * 100:.2f} points")
