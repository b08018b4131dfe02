#!/usr/bin/env bash
# Builds the web app, the JS API and the batch page into dist/ and prints the size report.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== building the web app, the JS API and the batch page (wasm32: profile wasm, optimised for size; the batch page's bundle wasm-speed)"
# Separate builds: cargo unifies the features of packages built together, and the
# calculator must not carry the fund and table features into its first load.
# The batch page's bundle and its workbook module alone, for the same reason: built with the
# JS API it would carry the rules' texts, and built together it would carry the xlsx code.
# The batch bundle's profile shares no compiled code with the others, so it builds at the
# same time, in its own target directory (two cargo runs cannot hold one directory's lock):
# each build ends in a long single-threaded link (fat LTO, one codegen unit) that leaves the
# other core idle.
# The prerenderer (native, www/src/prerender.rs: every city's pages written by the same
# components) and the local server (serve/) build after it in the same background job, in
# a third target directory (unoptimised: they run for a second, or serve a few files).
( CARGO_TARGET_DIR=target/speed cargo build --quiet --profile wasm-speed --target wasm32-unknown-unknown -p yibao-batch-js &&
  CARGO_PROFILE_DEV_DEBUG=0 CARGO_TARGET_DIR=target/ssr cargo build --quiet -p yibao-web -p yibao-serve --features yibao-web/ssr ) &
speed=$!
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p yibao-web
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p yibao-js
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p yibao-xlsx-js
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p yibao-figures-js
wait "$speed"
rm -rf dist && mkdir -p dist
out=target/wasm32-unknown-unknown/wasm
wasm-bindgen --target web --no-typescript --out-dir dist --out-name yibao_web "$out/yibao-web.wasm"
wasm-bindgen --target web --no-typescript --out-dir dist --out-name yibao_js "$out/yibao_js.wasm"
wasm-bindgen --target web --no-typescript --out-dir dist --out-name yibao_batch target/speed/wasm32-unknown-unknown/wasm-speed/yibao_batch_js.wasm
wasm-bindgen --target web --no-typescript --out-dir dist --out-name yibao_xlsx "$out/yibao_xlsx_js.wasm"
wasm-bindgen --target web --no-typescript --out-dir dist --out-name yibao_figures "$out/yibao_figures_js.wasm"
# wasm-opt works on one core most of the time and the four files took a minute one after
# another: two at a time, about half that.
opt() { www/node_modules/.bin/wasm-opt "$@" -o "${*: -1}.opt" && mv "${*: -1}.opt" "${*: -1}"; }
# The calculator's first load is under a budget: its optimiser runs until nothing changes
# (--converge: about 0.35 KB gzip for 10 s more of build).
( opt -Oz --converge dist/yibao_web_bg.wasm && opt -O3 dist/yibao_batch_bg.wasm ) &
sized=$!
opt -Oz dist/yibao_xlsx_bg.wasm
opt -Oz dist/yibao_figures_bg.wasm
opt -Oz dist/yibao_js_bg.wasm
wait "$sized"
cp www/static/* dist/
# Every city's pages and the home page, rendered in advance with their figures, steps and
# citations (index.html is their frame): shown before the engine has loaded, or without it.
target/ssr/debug/yibao-web dist
pages=$(cd dist && find . -mindepth 2 -name index.html | sed 's|^\./||; s|index.html$||' | sort | sed 's/.*/"&"/' | paste -sd, -)
# The documents' full text, opened from a step's article on request.
mkdir -p dist/sources && cp rules/sources/*.txt dist/sources/
# The rules' quotes and notes, fetched after the first paint (the calculator's wasm is built
# without them): the same core, asked by the CLI.
cargo run --quiet -p yibao-cli -- rules texts > dist/rules-texts.json
build=$(cat dist/*.wasm dist/*.js dist/*.html dist/*/index.html dist/*/*/index.html dist/*.css dist/*.json | sha256sum | cut -c1-12)
sed -i "s/__BUILD__/$build/" dist/sw.js
sources=$(cd dist && ls sources/*.txt | sed 's/.*/"&"/' | paste -sd, -)
sed -i "s|__SOURCES__|$sources|; s|__PAGES__|$pages|" dist/sw.js
node scripts/precompress.mjs dist
node scripts/size-report.mjs dist
# The npm package `yibao`, from the JS API just built (target/npm/yibao-VERSION.tgz).
./scripts/npm-package.sh
