#!/bin/sh
# Regenerates the learned fidelity estimator's dataset and retrains the
# shipped model (models/fidelity-mpnn.json, its reference predictions and
# docs/images/fidelity-estimates.svg), printing the accuracy and ablation
# tables. About 40 minutes on 2 cores; docs/Fidelity.md explains each step.
#
#   scripts/train-fidelity-model.sh [build-dir]      (default: build)
#
# Needs a built qopt-dataset and Debian's python3-torch and
# python3-matplotlib (training only: qopt evaluates the model in C++).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
data=${QOPT_DATASET_DIR:-$build/fidelity-dataset}
dataset="$build/bin/qopt-dataset"
# Algorithm families never shown to the model: its held-out test set.
held_out=adder,ising,qft,qpe,wstate

if ! /usr/bin/python3 -c 'import torch, matplotlib' 2>/dev/null; then
  echo "error: training needs python3-torch and python3-matplotlib:" >&2
  echo "  sudo apt-get install python3-torch python3-matplotlib" >&2
  exit 1
fi
[ -x "$dataset" ] || { echo "error: build qopt-dataset first ($dataset)" >&2; exit 1; }
mkdir -p "$data"

# Training set: random circuits (seed 1) and the other algorithm families.
"$dataset" --random=2500 --random-compiled=470 --variants=6 \
  --exclude-families=$held_out --seed=1 -o "$data/train.jsonl"
# Held-out sets: random circuits from another seed, held-out families.
"$dataset" --random=300 --random-compiled=100 --seed=2 \
  -o "$data/test-random.jsonl"
"$dataset" --variants=2 --families=$held_out --seed=3 \
  -o "$data/test-algorithms.jsonl"

/usr/bin/python3 "$root/scripts/train_fidelity_model.py" \
  --train "$data/train.jsonl" \
  --test-random "$data/test-random.jsonl" \
  --test-algorithms "$data/test-algorithms.jsonl" \
  --out "$root/models/fidelity-mpnn.json" \
  --reference "$root/models/fidelity-mpnn.reference.jsonl" \
  --plot "$root/docs/images/fidelity-estimates.svg" \
  --ablation --ablation-epochs 10 | tee "$data/results.md"
