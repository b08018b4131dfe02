// yibao for browsers and bundlers (Vite, webpack): the wasm is found next to this file with
// `new URL(..., import.meta.url)`, a pattern every modern bundler copies as an asset, and a
// plain <script type="module"> fetches as is. Call `ready()` once before anything else.
import init from "./yibao_js.js";

export * from "./yibao_js.js";

let started;

/** Loads the rules engine (once; later calls return the same promise). */
export function ready() {
  started ??= init({ module_or_path: new URL("./yibao_js_bg.wasm", import.meta.url) }).then(() => undefined);
  return started;
}
