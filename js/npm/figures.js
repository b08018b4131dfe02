// yibao/figures: reads and checks a site's figures file (the rules' entry format, TOML),
// for `installFigures` of the JS API. Its own module, so the API does not carry a TOML
// reader. Works in Node 20+ and in browsers and bundlers.
//
//   import { ready, installFigures } from "yibao";
//   import { checkFigures } from "yibao/figures";
//   await ready();
//   installFigures(await checkFigures("figures.toml", text)); // throws the file's defects, with lines
import init, { checkFigures as check } from "./yibao_figures.js";

let started;
function load() {
  started ??= (typeof process !== "undefined" && process.versions?.node
    ? import("node:fs/promises").then((fs) => fs.readFile(new URL("./yibao_figures_bg.wasm", import.meta.url)))
    : Promise.resolve(new URL("./yibao_figures_bg.wasm", import.meta.url))
  ).then((wasm) => init({ module_or_path: wasm }));
  return started;
}

/** The checked figures as bytes for `installFigures`; throws `{kind: "rules", issues}`,
 * each issue naming the figure and its line. */
export async function checkFigures(name, text) {
  await load();
  try {
    return check(name, text);
  } catch (e) {
    throw { kind: "rules", issues: JSON.parse(String(e)) };
  }
}
