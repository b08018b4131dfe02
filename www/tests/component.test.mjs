// <yibao-calculator> on a portal's page, as a portal developer drops it in: one script tag,
// a hostile global stylesheet, a phone (360 px, Chinese first). The calculator's files are
// a copy of dist/ under yibao/ beside the portal's page. Checks: the engine loads only when
// an element is on the page; the page's CSS does not reach in and the calculator's does not
// leak out; a wage typed key by key gives 济宁's figures (三（二）1: 5000 × 8% + 6 = 406.00);
// the element announces them as a yibao-result event; the page's address and title are
// untouched; nothing goes to another origin; axe finds no serious or critical violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, page } from "./harness.mjs";

const require = createRequire(import.meta.url);
const dist = new URL("../../dist/", import.meta.url).pathname;
let server, browser, dir;

const HOSTILE = `<style>
  * { color: rgb(255, 0, 0) !important; font-size: 30px; }
  button, select, input { display: inline; min-height: 0; background: yellow; }
  .tab, .field, header { border: 5px dotted green; }
</style>`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "yibao-portal-"));
  cpSync(dist, join(dir, "yibao"), { recursive: true });
  writeFileSync(join(dir, "portal.html"), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>某市医保局</title><link rel="icon" href="data:,">
${HOSTILE}
<script type="module" src="yibao/yibao-calculator.js"></script></head>
<body><header class="tab"><h1>某市医疗保障局</h1><button id="portal-button">门户按钮</button></header>
<main><yibao-calculator id="calc" city="jining" view="employee" month="2024-03" employer="other"></yibao-calculator>
<pre id="got" hidden></pre></main>
<script>document.addEventListener("yibao-result", (e) => { document.getElementById("got").textContent = JSON.stringify(e.detail); });</script>
</body></html>`);
  writeFileSync(join(dir, "empty.html"), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>无计算器</title><link rel="icon" href="data:,">
<script type="module" src="yibao/yibao-calculator.js"></script></head><body><p>门户页面</p></body></html>`);
  server = await serve(dir);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Types into a field of the calculator key by key; the focus must stay in that field. */
async function typeInShadow(p, selector, text) {
  await p.locator(selector).click();
  const focused = () => p.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id ?? null);
  const id = await focused();
  assert.ok(id, `${selector} has the focus`);
  await p.keyboard.press("Control+A");
  await p.keyboard.press("Backspace");
  for (const ch of text) {
    await p.keyboard.type(ch);
    assert.equal(await focused(), id, `focus stayed in ${selector} after «${ch}»`);
  }
}

test("the engine loads only when an element is on the page", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "empty.html");
  await p.waitForLoadState("networkidle");
  assert.ok(p.requests.some((u) => u.endsWith("yibao-calculator.js")));
  assert.ok(!p.requests.some((u) => u.includes("yibao_web")), p.requests.join("\n"));
  await p.evaluate(() => document.body.append(Object.assign(document.createElement("yibao-calculator"), {})));
  await p.locator("yibao-calculator .view .result").first().waitFor();
  assert.ok(p.requests.some((u) => u.endsWith("yibao_web_bg.wasm")));
  await context.close();
});

test("on a portal's page: styles kept apart, typed wage computed, result announced, page untouched", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "portal.html");
  await p.locator("#calc #f-wage").waitFor();
  await typeInShadow(p, "#calc #f-wage", "5000");
  await p.waitForFunction(() => JSON.parse(document.getElementById("got").textContent || "{}").figures?.some((f) => f.value.zh.includes("406.00")));
  const detail = JSON.parse(await p.locator("#got").textContent());
  assert.equal(detail.city, "jining");
  assert.equal(detail.view, "employee");
  assert.equal(detail.lang, "zh");
  // What the element shows: 济宁 5000 × 8% = 400.00 + 6.00 = 406.00 for the employer.
  assert.match(await p.locator("#calc .result").first().innerText(), /406\.00/);

  // The page's CSS does not reach in: the calculator's own colour, size and tab style.
  const inside = await p.locator("#calc label[for=f-wage]").evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, size: s.fontSize };
  });
  assert.notEqual(inside.color, "rgb(255, 0, 0)");
  assert.notEqual(inside.size, "30px");
  const tab = await p.locator("#calc .tab").first().evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.notEqual(tab, "dotted");
  // ... and the calculator's CSS does not leak out: the portal's button keeps its own style.
  const outside = await p.locator("#portal-button").evaluate((el) => ({ minHeight: getComputedStyle(el).minHeight, bg: getComputedStyle(el).backgroundColor }));
  assert.deepEqual(outside, { minHeight: "0px", bg: "rgb(255, 255, 0)" });

  // The page's address, title and language are the portal's.
  assert.equal(new URL(p.url()).hash, "");
  assert.equal(await p.title(), "某市医保局");
  assert.equal(await p.evaluate(() => document.documentElement.lang), "zh-CN");
  // Nothing went to another origin, and nothing carried the wage.
  assert.deepEqual(p.requests.filter((u) => !u.startsWith(server.origin)), []);
  assert.ok(!p.requests.some((u) => u.includes("5000")));
  assert.deepEqual(p.consoleErrors, []);

  // No serious or critical accessibility violation, inside the element included.
  await p.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  const result = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  // The portal's own hostile red-on-white text is the portal's; only the element is judged.
  const ours = bad.map((v) => ({ id: v.id, nodes: v.nodes.filter((n) => n.target.length > 1 || String(n.target[0]).startsWith("#calc")) })).filter((v) => v.nodes.length);
  assert.deepEqual(ours.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" >> ")).join(", ")}`), []);
  await context.close();
});

test("attributes: lang=en shows English, and a change of city re-renders", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "portal.html");
  await p.locator("#calc #f-wage").waitFor();
  await p.evaluate(() => document.getElementById("calc").setAttribute("lang", "en"));
  await p.locator("#calc header h1", { hasText: "Medical insurance" }).waitFor();
  await p.evaluate(() => document.getElementById("calc").setAttribute("city", "wenzhou"));
  await p.waitForFunction(() => JSON.parse(document.getElementById("got").textContent || "{}").city === "wenzhou");
  assert.equal(await p.locator("#calc #city").inputValue(), "wenzhou");
  await context.close();
});

test("taken off the page, the calculator unmounts; put back, it mounts anew and computes", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "portal.html");
  await p.locator("#calc #f-wage").waitFor();
  // Off the page: the app is destroyed, its DOM with it (an app left mounted would keep its
  // state and listeners alive, one more for every removal or attribute change).
  await p.evaluate(() => {
    window.__calc = document.getElementById("calc");
    window.__calc.remove();
  });
  // Yew unmounts on its next scheduler run.
  await p.waitForFunction(() => window.__calc.shadowRoot.querySelector(".yibao").childElementCount === 0, null, { timeout: 3000 });
  await p.evaluate(() => document.querySelector("main").prepend(window.__calc));
  await typeInShadow(p, "#calc #f-wage", "5000");
  await p.waitForFunction(() => JSON.parse(document.getElementById("got").textContent || "{}").figures?.some((f) => f.value.zh === "406.00"));
  assert.equal(await p.locator("#calc #f-wage").count(), 1);
  await context.close();
});
