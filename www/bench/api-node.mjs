// The JS API in Node 20+: the first call (the rules decoded, the code compiled) and the
// time of one call, figures only (`explain: false`) and with the full explanation. Prints
// figures; asserts nothing about speed.
import { readFileSync } from "node:fs";
import { figure } from "./figures.mjs";

const dist = new URL("../../dist/", import.meta.url);
const m = await import(new URL("yibao_js.js", dist));
await m.default({ module_or_path: readFileSync(new URL("yibao_js_bg.wasm", dist)) });

let t = performance.now();
m.rulesVersion();
const first = performance.now() - t;
const full = { city: "jining", month: "2024-06", employer: "other", wage: "6789.12" };
const bare = { ...full, explain: false };
const perCall = (request, n) => {
  for (let i = 0; i < n / 10; i++) m.contribution(request);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) m.contribution(request);
  return ((performance.now() - t0) / n) * 1000;
};
const bareUs = perCall(bare, 20000);
const fullUs = perCall(full, 3000);
console.log(`node: JS API first call ${first.toFixed(1)} ms; one contribution ${fullUs.toFixed(0)} µs with the explanation, ${bareUs.toFixed(1)} µs figures only (explain: false)`);
figure("api_first_node_ms", first.toFixed(1));
figure("api_full_node_us", fullUs.toFixed(0));
figure("api_bare_node_us", bareUs.toFixed(1));
