// yibao for Node 20+: the wasm is read from the package's own folder (Node's fetch does not
// read file: URLs). Call `ready()` once before anything else.
import { readFile } from "node:fs/promises";
import init from "./yibao_js.js";

export * from "./yibao_js.js";

let started;

/** Loads the rules engine (once; later calls return the same promise). */
export function ready() {
  started ??= readFile(new URL("./yibao_js_bg.wasm", import.meta.url)).then((bytes) => init({ module_or_path: bytes })).then(() => undefined);
  return started;
}
