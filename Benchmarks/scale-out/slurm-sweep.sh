#!/bin/bash
# One `pare sweep` split into 4 static shards by a Slurm job array (no claims: task I trains every 4th training
# from the I-th). The shard that completes the grid writes the reports; the dependent job below rebuilds them
# once every shard has ended, whatever order they finished in.
# Submit:  array=$(sbatch --parsable Benchmarks/scale-out/slurm-sweep.sh)
#          sbatch --dependency=afterany:$array --wrap "pare report $PWD/runs/mlp-sweep"
#SBATCH --job-name=pare-sweep
#SBATCH --array=0-3
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
#SBATCH --output=pare-sweep-%A_%a.log
set -euo pipefail
# --shard auto reads SLURM_ARRAY_TASK_ID (less SLURM_ARRAY_TASK_MIN) and SLURM_ARRAY_TASK_COUNT.
srun pare sweep models/qiita_mlp.pare --set n=512,256,128,64,32,16 --lr 0.01,0.001 --seeds 3 \
    --shard auto --jobs "$SLURM_CPUS_PER_TASK" --out "$PWD/runs/mlp-sweep"
