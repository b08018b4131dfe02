#!/usr/bin/env bash
# Installs what the build and the tests need, where it is missing. Sourced by serve.sh
# and test.sh; each step is quick when its tool is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "== installing the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must be the same version as the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "== installing wasm-bindgen-cli $want (about 2 minutes, once)"
  cargo install wasm-bindgen-cli --version "=$want" --locked || cargo install wasm-bindgen-cli --version "=$want"
fi

# wasm-opt (npm binaryen), Playwright (without a browser download) and axe-core.
if [ ! -x www/node_modules/.bin/wasm-opt ] || [ www/package-lock.json -nt www/node_modules/.package-lock.json ]; then
  echo "== installing npm packages"
  # `npm install`, not `npm ci`: the lock file holds the optional native packages of this
  # platform only (Rollup's and Vite's bindings for other systems are not on every registry
  # mirror), which `npm ci` refuses; `npm install` follows the lock file and skips them.
  (cd www && npm install --no-audit --no-fund --loglevel=error)
fi

# Debian's Chromium and ChromeDriver for the browser tests; GNU time for the benchmarks.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ ! -x /usr/bin/time ]; then
  echo "== installing chromium, chromium-driver and time"
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver time >/dev/null
fi
