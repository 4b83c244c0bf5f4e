#!/usr/bin/env bash
# Analyzes every document of a corpus directory (default ../shared/corpus/dev)
# with the native CLI and prints score.py's table. Fails when F1 falls below
# the floor kept in eval/floor.txt (raise it as results improve; never lower it).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/dev}
score=${SCORE:-../shared/eval/score.py}
out=$(mktemp)
./target/release/ngoaivu analyze --no-timing --format jsonl "$dir" > "$out"
python3 "$score" "$dir" "$out" ${EVAL_MISSES:+--misses}
f1=$(python3 "$score" "$dir" "$out" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["f1"])')
floor=$(grep -v '^#' eval/floor.txt | head -1)
if [ -z "${1:-}" ] && python3 -c "import sys; sys.exit(0 if float('$f1') < float('$floor') else 1)"; then
  echo "eval: F1 $f1 is below the floor $floor (eval/floor.txt)" >&2
  exit 1
fi
echo "eval: F1 $f1 (floor $floor)"
