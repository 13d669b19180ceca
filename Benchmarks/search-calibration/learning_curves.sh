#!/usr/bin/env bash
# Learning curves of small MNIST models with `pare search`'s default candidate recipe (adam lr 0.01, batch 64,
# cosine decay, 12 epochs), to calibrate the multi-fidelity stop rule (StopRule.calibratedSlack).
# Usage: Benchmarks/search-calibration/learning_curves.sh [OUT_DIR]   (release build of pare; ~5 min on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/.build/search-calibration}"
mkdir -p "$out"
swift build -c release --package-path "$root" > /dev/null
pare="$root/.build/release/pare"
run() { # NAME MODEL SETTING SEED
  "$pare" train "$root/models/$2.pare" --set "$3" --optimizer adam --lr 0.01 --batch-size 64 --schedule cosine \
    --epochs 12 --seed "$4" --threads 1 --json > "$out/$1_s$4.jsonl"
}
for seed in 0 1; do
  run cnn2_n1 qiita_cnn2 n=1 $seed & run cnn2_n2 qiita_cnn2 n=2 $seed; wait
  run cnn2_n3 qiita_cnn2 n=3 $seed & run cnn1_n1 qiita_cnn1 n=1 $seed; wait
  run cnn1_n2 qiita_cnn1 n=2 $seed & run poolmlp_16 qiita_poolmlp n=16 $seed; wait
  run poolmlp_32 qiita_poolmlp n=32 $seed & run mlp_32 qiita_mlp n=32 $seed; wait
  run mlp_16 qiita_mlp n=16 $seed & run poolmlp_64 qiita_poolmlp n=64 $seed; wait
done
python3 "$(dirname "$0")/shortfall.py" "$out"/*.jsonl
