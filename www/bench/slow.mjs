// The first figure on a slow phone (issue 23): Chromium with its CPU slowed 4×, 1.6 Mbps
// down, 150 ms latency, a cold cache and no service worker, three runs each, side by side:
//
//   before  the page as it was: files sent as they are (no Content-Encoding, as the old
//           README command's python http.server sent them), the figure drawn by the engine
//           once it has loaded (the prerendered markup is not counted: `main[data-ready]`);
//   after   the README's server (serve/, tower-http: .br/.gz sent as such), the figure in the
//           prerendered page, and the time until the page is alive (the engine's).
//
// Prints figures; asserts nothing about speed.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { serve, launch } from "../tests/harness.mjs";
import { figure } from "./figures.mjs";

const root = new URL("../../", import.meta.url).pathname;
const dist = root + "dist/";
const bin = process.env.YIBAO_SERVE_BIN ?? root + "target/ssr/debug/yibao-serve";
if (!existsSync(bin)) throw new Error(`${bin}: not built (scripts/build-web.sh builds it)`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const plain = await serve(dist);
const child = spawn(bin, [dist], { env: { ...process.env, PORT: "0" } });
const compressed = await new Promise((resolve, reject) => {
  child.stdout.on("data", (d) => { const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d)); if (m) resolve(m[0]); });
  child.on("exit", (code) => reject(new Error(`yibao-serve exited with ${code}`)));
});
const browser = await launch();

/** One cold load of `url` on the slow profile: ms from navigation start to the first
 * figure painted (`selector` in the document, then a frame), to the page alive, and the
 * bytes that crossed the network by then. */
async function load(url, selector) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: "block", locale: "zh-CN", isMobile: true, hasTouch: true });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  await p.addInitScript((sel) => {
    const seen = (name, test) => new MutationObserver((_, o) => {
      if (!test()) return;
      o.disconnect();
      requestAnimationFrame(() => { window[name] = performance.now(); });
    }).observe(document, { childList: true, subtree: true, attributes: true });
    seen("__firstFigure", () => document.querySelector(sel));
    seen("__alive", () => document.querySelector("main[data-ready=true] .result details.figure"));
  }, selector);
  await p.goto(url);
  await p.waitForFunction(() => window.__firstFigure !== undefined && window.__alive !== undefined, null, { timeout: 60000 });
  const r = await p.evaluate(() => ({ first: window.__firstFigure, alive: window.__alive }));
  await context.close();
  return { ...r, bytes };
}

const runs = { before: [], after: [] };
for (let i = 0; i < 3; i++) {
  runs.before.push(await load(plain.base + "jining/", "main[data-ready=true] .result details.figure"));
  runs.after.push(await load(compressed + "jining/", ".result details.figure"));
}
await browser.close();
await plain.close();
child.kill();

const show = (xs, key) => `${median(xs.map((r) => r[key])).toFixed(0)} ms (${xs.map((r) => r[key].toFixed(0)).join(", ")})`;
const kb = (xs) => (median(xs.map((r) => r.bytes)) / 1024).toFixed(0);
console.log(`slow phone (4× CPU, 1.6 Mbps, 150 ms, cold): before — files as they are, figure by the engine: first figure ${show(runs.before, "first")}, ${kb(runs.before)} KB over the network`);
console.log(`slow phone (4× CPU, 1.6 Mbps, 150 ms, cold): after  — compressed, prerendered page: first figure ${show(runs.after, "first")}; alive (the engine's) ${show(runs.after, "alive")}, ${kb(runs.after)} KB over the network`);
figure("slow_first_before_ms", median(runs.before.map((r) => r.first)).toFixed(0));
figure("slow_first_after_ms", median(runs.after.map((r) => r.first)).toFixed(0));
figure("slow_alive_after_ms", median(runs.after.map((r) => r.alive)).toFixed(0));
figure("slow_bytes_before_kb", kb(runs.before));
figure("slow_bytes_after_kb", kb(runs.after));
