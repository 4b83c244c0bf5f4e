#!/usr/bin/env bash
# Runs every test: native Rust, Rust in wasm32 under Node, the JS package
# in Node, and the demo in headless Chromium. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0; failed=0; broken=()
log=$(mktemp -d)

count_cargo() { # sums "test result: ... N passed; M failed" lines
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$1" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}
count_node() { # node --test's TAP summary: "# pass N", "# fail N"
  local p f
  p=$(grep -E '^# pass [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')
  f=$(grep -E '^# fail [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}
step() { # name, counter, command…
  local name=$1 counter=$2; shift 2
  echo "== $name" >&2
  if ! "$@" >"$log/$name.out" 2>&1; then broken+=("$name"); fi
  cat "$log/$name.out"
  $counter "$log/$name.out"
}

step native count_cargo cargo test --quiet
step wasm count_cargo env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="$PWD/.tools/bin/wasm-bindgen-test-runner" \
  cargo test --target wasm32-unknown-unknown --test wasm
step js count_node node --test --test-reporter=tap tests/js/
if [ -z "${SKIP_BROWSER:-}" ]; then
  step browser count_node node --test --test-reporter=tap --test-concurrency=1 tests/browser/
fi

if [ ${#broken[@]} -gt 0 ]; then echo "steps that failed: ${broken[*]}" >&2; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#broken[@]} -eq 0 ]
