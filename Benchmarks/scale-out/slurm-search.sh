#!/bin/bash
# One `pare search` run by 8 Slurm array tasks that share the study folder (each task is a --worker).
# Submit from the shared folder that holds the model file:   sbatch Benchmarks/scale-out/slurm-search.sh
#SBATCH --job-name=pare-search
#SBATCH --array=0-7                 # 8 workers; any number works, and more can join later with the same command
#SBATCH --cpus-per-task=4
#SBATCH --time=04:00:00
#SBATCH --output=pare-search-%A_%a.log
set -euo pipefail
STUDY=${STUDY:-$PWD/runs/cnn1-97}   # must be on a file system every node sees (NFS, Lustre, BeeGFS, CephFS)

# Every task runs the same command: same model, same options, same --claim-timeout. Tasks that find nothing left
# to claim wait for the round's results; all end when the search does, and each writes the (same) reports.
srun pare search models/qiita_cnn1.pare --target 0.97 --seeds 3 \
    --worker --claim-timeout 5m --jobs "$SLURM_CPUS_PER_TASK" --out "$STUDY"
