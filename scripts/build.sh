#!/usr/bin/env bash
# Builds the native CLI and the WASM package: pkg/{nodejs,web,bundler}.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin ngoaivu
cargo build --profile wasm --quiet --lib --target wasm32-unknown-unknown
wasm=target/wasm32-unknown-unknown/wasm/ngoaivu.wasm
for t in nodejs web bundler; do
  .tools/bin/wasm-bindgen "$wasm" --out-dir "pkg/$t" --target "$t" \
    --remove-name-section --remove-producers-section
done
# The nodejs target is CommonJS while the package root is an ES module.
echo '{"type": "commonjs"}' > pkg/nodejs/package.json
