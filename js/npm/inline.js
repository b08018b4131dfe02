// yibao with the wasm inside the JavaScript (base64), for a bundler that does not copy
// `new URL(..., import.meta.url)` assets (Rollup without a plugin) or a page that can host
// only one file. A third larger than the wasm; otherwise the same as the main entry.
import { initSync } from "./yibao_js.js";
import wasm from "./yibao_js_bg.wasm.base64.js";

export * from "./yibao_js.js";

let started;

/** Loads the rules engine (once; later calls return the same promise). */
export function ready() {
  started ??= Promise.resolve().then(() => {
    const bytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
    initSync({ module: bytes });
  });
  return started;
}
