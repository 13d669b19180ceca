#!/usr/bin/env bash
# GNU parallel: 4 workers on one study, here or over ssh on machines that mount the same folder.
set -euo pipefail
# Local: 4 copies of the same command (-N0: the ::: values only count the copies, nothing is appended).
parallel -N0 -j4 --line-buffer \
    pare search models/qiita_cnn1.pare --target 0.97 --worker --jobs 1 --out runs/cnn1-97 ::: 1 2 3 4
# Two machines, 2 workers each, in the shared working directory /shared/pare:
#   parallel -N0 -j2 -S node1,node2 --workdir /shared/pare --line-buffer \
#       pare search models/qiita_cnn1.pare --target 0.97 --worker --jobs 2 --out runs/cnn1-97 ::: 1 2 3 4
# A sweep in 4 static shards ({} is the shard index):
#   parallel -j4 pare sweep models/qiita_mlp.pare --set n=512,256,128,64 --lr 0.01,0.001 --shard {}/4 \
#       --out runs/mlp-sweep ::: 0 1 2 3
