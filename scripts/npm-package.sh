#!/usr/bin/env bash
# Assembles the npm package `yibao` from the JS API that scripts/build-web.sh has just built
# (the same wasm and glue as dist/, nothing compiled twice) and packs it:
# target/npm/yibao-VERSION.tgz. The version is the JS API crate's.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' js/Cargo.toml | head -1)
pkg=target/npm/package
rm -rf target/npm && mkdir -p "$pkg"
cp dist/yibao_js.js dist/yibao_js_bg.wasm js/npm/index.js js/npm/node.js js/npm/inline.js js/npm/README.md js/CHANGELOG.md "$pkg/"
# yibao/figures: a site's figures file reader, its own module (the API carries no TOML reader).
cp dist/yibao_figures.js dist/yibao_figures_bg.wasm js/npm/figures.js js/npm/figures.d.ts "$pkg/"
# Types: wasm-bindgen's declarations of the functions (their parameter and return types are
# named in js/src/lib.rs) followed by the declarations ts-rs generates from the Rust types.
types=$(mktemp -d)
wasm-bindgen --target web --typescript --out-dir "$types" --out-name yibao_js target/wasm32-unknown-unknown/wasm/yibao_js.wasm
{ cat "$types/yibao_js.d.ts"; echo; cargo run --quiet -p yibao-js --example ts_types --features ts 2> /dev/null; } > "$pkg/yibao_js.d.ts"
rm -rf "$types"
cp js/npm/index.d.ts "$pkg/"
# The wasm as base64 for the inline entry.
node -e 'const fs=require("fs");fs.writeFileSync(process.argv[2], "export default \"" + fs.readFileSync(process.argv[1]).toString("base64") + "\";\n")' \
  "$pkg/yibao_js_bg.wasm" "$pkg/yibao_js_bg.wasm.base64.js"
cat > "$pkg/package.json" <<JSON
{
  "name": "yibao",
  "version": "$version",
  "description": "China's basic medical insurance under city-level pooling (医保市级统筹): contributions, eligibility, top-ups and the pooled fund, exact to the fen, with the article every figure rests on",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./node.js",
  "types": "./index.d.ts",
  "browser": "./index.js",
  "exports": {
    ".": { "types": "./index.d.ts", "node": "./node.js", "default": "./index.js" },
    "./inline": { "types": "./index.d.ts", "default": "./inline.js" },
    "./figures": { "types": "./figures.d.ts", "default": "./figures.js" },
    "./yibao_js_bg.wasm": "./yibao_js_bg.wasm",
    "./package.json": "./package.json"
  },
  "sideEffects": false,
  "engines": { "node": ">=20" },
  "files": ["*.js", "*.wasm", "*.d.ts", "README.md", "CHANGELOG.md"]
}
JSON
(cd target/npm && npm pack --silent ./package > /dev/null)
echo "npm package: target/npm/yibao-$version.tgz ($(du -k "target/npm/yibao-$version.tgz" | cut -f1) KB)"
