#!/usr/bin/env bash
# Installs what building and testing need, quietly when it is already there:
# the wasm32 target, the wasm-bindgen CLI at the version Cargo.lock pins
# (into .tools/), Debian's chromium + chromium-driver, and the npm packages.
# Only package registries are used; nothing is downloaded from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { [ -n "${QUIET_SETUP:-}" ] || echo "setup: $*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown >&2
fi

# The CLI must match the wasm-bindgen crate exactly; read the version from
# Cargo.lock (generating the lock if a fresh clone lacks it).
[ -f Cargo.lock ] || cargo generate-lockfile >&2
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have=$(.tools/bin/wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want into .tools (takes a few minutes once)"
  # Not --locked: the CLI's own lockfile names crate versions this registry may lack.
  cargo install wasm-bindgen-cli --version "$want" --root .tools >&2
fi

if [ -z "${SKIP_BROWSER:-}" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
