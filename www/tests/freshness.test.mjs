// The first paint and updates. The page's figures (prerendered by the build) are painted
// before the calculator's WebAssembly has arrived (checked by holding the module back, not by timing
// it; the benchmark prints the throttled first paint). A returning visitor whose copy is
// older than the deployed build is told so and can reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, page, ready } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the first figure is on screen before the WebAssembly arrives, and the same figure after", async () => {
  const server = await serve(dist);
  const { context, page: p } = await page(browser);
  let release;
  const held = new Promise((r) => { release = r; });
  await p.route("**/*.wasm", async (route) => { await held; await route.continue(); });
  await p.goto(server.base, { waitUntil: "domcontentloaded" });
  const first = p.locator(".result details.figure .value").first();
  await first.waitFor();
  assert.match(await p.locator("h1").innerText(), /医保市级统筹计算器/);
  const before = await first.innerText();
  assert.match(before, /^\d+\.\d\d 元$/);
  assert.match(await p.locator(".answer-line").innerText(), /单位 .*个人 .*元\/月/);
  const painted = await p.evaluate(() => performance.getEntriesByType("paint").map((e) => e.name));
  assert.ok(painted.includes("first-contentful-paint"), `painted: ${painted}`);
  release();
  await ready(p);
  assert.equal(await first.innerText(), before, "the engine shows the figure the page was painted with");
  await context.close();
  await server.close();
});

test("dist/ ships every text file pre-compressed as .gz and .br", async () => {
  for (const f of ["index.html", "style.css", "main.js", "yibao_web.js", "yibao_web_bg.wasm", "batch.html", "fund.html"]) {
    for (const ext of [".gz", ".br"]) {
      const size = readFileSync(dist + f + ext).length;
      assert.ok(size > 0 && size < readFileSync(dist + f).length, `${f}${ext}`);
    }
  }
});

test("a returning visitor is told when a newer build is deployed, and can reload to it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "yibao-update-"));
  cpSync(dist, dir, { recursive: true });
  const server = await serve(dir);
  const { context, page: p } = await page(browser, { serviceWorkers: "allow" });
  await p.goto(server.base);
  await ready(p);
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.reload();
  await ready(p);
  assert.equal(await p.evaluate(() => !!navigator.serviceWorker.controller), true);
  // A new deploy: a new build name in the service worker (and so new cached files).
  const sw = readFileSync(join(dir, "sw.js"), "utf8").replace(/const CACHE = "yibao-[^"]+"/, 'const CACHE = "yibao-newer-build"');
  writeFileSync(join(dir, "sw.js"), sw);
  await p.reload();
  await ready(p);
  const banner = p.locator("#update");
  await banner.waitFor({ timeout: 20000 });
  assert.match(await banner.innerText(), /新版本/);
  await Promise.all([p.waitForEvent("load"), banner.locator("button").click()]);
  await ready(p);
  const cache = await p.evaluate(async () => (await caches.keys()).join(","));
  assert.match(cache, /yibao-newer-build/);
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
