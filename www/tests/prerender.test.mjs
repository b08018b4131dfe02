// The prerendered pages (www/src/prerender.rs): every city's page, linked from the home
// page, shows its figures, steps and citations with JavaScript off; the same page with
// JavaScript on takes that markup over and shows the same figures; a share link opened on a
// city page says its figures are being computed until they are; and the README's server
// (serve/, tower-http) sends them compressed. A 360-px phone, Chinese.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { serve, launch, page, ready, typeInto } from "./harness.mjs";

const root = new URL("../../", import.meta.url).pathname;
const dist = root + "dist/";
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** What a page shows: its title, description, answer line, each figure (label → value),
 * the boxes it asks, and how many steps its cards hold. */
async function reading(p) {
  return p.evaluate(() => ({
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.content ?? "",
    city: document.querySelector("#city option[selected], #city option:checked")?.textContent ?? "",
    answer: document.querySelector(".answer-line")?.textContent.trim() ?? "",
    figures: [...document.querySelectorAll("details.figure")].map((d) => [
      d.querySelector(".label")?.textContent.trim(), d.querySelector(".value")?.textContent.replace(/\s+/g, " ").trim()]),
    asks: [...document.querySelectorAll("fieldset.supplied input, fieldset.supplied select")].map((e) => e.id),
    steps: document.querySelectorAll("details.figure ol.steps li").length,
    cites: document.querySelectorAll(".result .doc").length,
    // A figure read straight from the rules (a partial result's rate) has no steps to show.
    direct: document.querySelectorAll("details.figure").length > 0 && document.body.textContent.includes("这一数字直接来自上面的数据"),
  }));
}

/** The home page's links to the city pages, as written (relative to the home page). */
async function cityPages(p) {
  return p.evaluate(() => [...new Set([...document.querySelectorAll("nav.pages li a")].map((a) => a.getAttribute("href")))]);
}

const offline = {};

test("every city's page, linked from the home page, shows its figures, steps and citations with JavaScript off", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 }, locale: "zh-CN" });
  const p = await context.newPage();
  await p.goto(server.base);
  const home = await reading(p);
  // The home page computes too: 济宁's employee contributions, the calculator's start.
  assert.match(home.answer, /单位 .* 个人 .*元\/月/);
  assert.ok(home.figures.length >= 5, "the home page shows its figures");
  const cities = await p.evaluate(() => [...document.querySelectorAll("#city option")].map((o) => o.value));
  assert.ok(cities.length >= 5);
  const pages = await cityPages(p);
  // Four views a city (employee, flexible, resident, retirement), each linked.
  assert.equal(pages.length, cities.length * 4, pages.join(" "));
  for (const city of cities) assert.ok(pages.includes(`${city}/`) && pages.includes(`${city}/resident/`), city);
  for (const path of pages) {
    const response = await p.goto(server.base + path);
    assert.equal(response.status(), 200, path);
    const r = await reading(p);
    offline[path] = r;
    const cityName = r.city.trim();
    assert.ok(cityName && r.title.startsWith(cityName), `${path}: the title names the city: ${r.title}`);
    assert.match(r.title, /20\d\d年/, `${path}: the title names the year`);
    assert.ok(r.description.startsWith(cityName) && /\d+年\d+月/.test(r.description), `${path}: ${r.description}`);
    assert.ok(r.answer.length > 0, `${path}: an answer line`);
    // Figures with their steps and articles, or (where a figure nobody published is
    // needed) the boxes that ask for it, and the answer line says so.
    if (/填写下方标出的未公布数据/.test(r.answer)) {
      assert.ok(r.asks.length > 0, `${path}: asks for the figures it needs`);
    } else {
      assert.ok(r.figures.length > 0 && r.figures.every(([, v]) => v), `${path}: figures`);
      assert.ok((r.steps > 0 || r.direct) && r.cites > 0, `${path}: steps and citations in the markup`);
    }
    // Its files are found from below the root: the stylesheet applied.
    assert.equal(await p.evaluate(() => getComputedStyle(document.querySelector("nav.tabs")).display), "flex", path);
  }
  // The home page is linked back from a city page.
  assert.equal(await p.locator('nav.pages a[href="../../"]').count(), 1);
  await context.close();
});

test("with JavaScript on, every city's page takes its markup over and shows the same figures", async () => {
  assert.ok(Object.keys(offline).length > 0, "the JavaScript-off test ran first");
  // One phone for all the pages (its cache keeps the engine between them, as a visitor's).
  const { context, page: p } = await page(browser);
  for (const [path, before] of Object.entries(offline)) {
    await p.goto(server.base + path);
    await ready(p);
    const after = await reading(p);
    assert.deepEqual(after.figures, before.figures, path);
    assert.equal(after.answer, before.answer, path);
    assert.deepEqual(after.asks, before.asks, path);
    assert.equal(after.title, before.title, path);
    // Taken over, not drawn anew: a mismatch between the markup and the first render
    // would be an error in the console.
    assert.deepEqual(p.consoleErrors, [], path);
  }
  await context.close();
});

/** A phone whose engine is held back until `release()`: the page as a slow phone shows it
 * before the WebAssembly has arrived. */
async function held(opts) {
  const { context, page: p } = await page(browser, opts);
  let release;
  const gate = new Promise((r) => { release = r; });
  await p.route(/yibao_web_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  return { context, p, release };
}
const pending = (p) => p.evaluate(() => [...document.documentElement.classList].filter((c) => c.startsWith("pending")).sort().join(" "));

test("a city page opened from a share link greys its default figures until the link's are computed, then works key by key", async () => {
  const { context, p, release } = await held();
  await p.goto(server.base + "wenzhou/#lang=zh&view=employee&city=wenzhou&wage=8000&employer=other");
  await p.locator(".answer-line").waitFor();
  // Greyed from the first paint, with a line over the page (fixed: nothing moves when it goes).
  assert.equal(await pending(p), "pending pending-link");
  assert.match(await p.evaluate(() => getComputedStyle(document.getElementById("app"), "::before").content), /正在按链接中的数据计算/);
  assert.equal(await p.evaluate(() => getComputedStyle(document.getElementById("app"), "::before").position), "fixed");
  assert.equal(await p.evaluate(() => getComputedStyle(document.querySelector("#app main")).opacity), "0.35");
  // Before the page is alive its share box holds no half link, and its buttons are off.
  assert.equal(await p.locator("#share").inputValue(), "");
  assert.equal(await p.locator("#copy-link").isDisabled(), true);
  release();
  await ready(p);
  await p.waitForFunction(() => ![...document.documentElement.classList].some((c) => c.startsWith("pending")));
  assert.equal(await p.locator("#f-wage").inputValue(), "8000");
  const shown = await p.locator(".answer-line").innerText();
  assert.match(shown, /个人 /);
  await typeInto(p, "#f-wage", "9000");
  await p.waitForFunction((was) => document.querySelector(".answer-line").textContent !== was, shown);
  // The share box holds this page's address with the situation typed.
  const link = await p.locator("#share").inputValue();
  assert.ok(link.startsWith(server.base + "wenzhou/#"), link);
  assert.match(link, /wage=9000/);
  assert.equal(await p.locator("#copy-link").isDisabled(), false);
  assert.deepEqual(p.consoleErrors, []);
  await context.close();
});

test("what a person changes before the engine arrives is kept: the city, a choice and the wage typed", async () => {
  const { context, p, release } = await held();
  await p.goto(server.base + "jining/");
  await p.locator("#f-wage").waitFor();
  await p.selectOption("#city", "wenzhou");
  await p.selectOption("#f-employer", "public_body");
  await typeInto(p, "#f-wage", "8000");
  release();
  await ready(p);
  await p.waitForFunction(() => document.getElementById("share").value.includes("wage=8000"));
  const link = await p.locator("#share").inputValue();
  assert.match(link, /city=wenzhou/);
  assert.match(link, /employer=public_body/);
  // The address follows the situation: 温州's page, as a shared link will open it.
  assert.ok(link.startsWith(server.base + "wenzhou/#"), link);
  assert.equal(await p.locator("#city").inputValue(), "wenzhou");
  assert.equal(await p.locator("#f-wage").inputValue(), "8000");
  assert.match(await p.locator(".city-info").innerText(), /温政办/);
  assert.match(await p.title(), /^温州市/);
  // Back to 济宁's employees: the address is the page's own again.
  await p.selectOption("#city", "jining");
  await p.waitForFunction((base) => document.getElementById("share").value.startsWith(base + "jining/#") && document.getElementById("share").value.includes("city=jining"), server.base);
  await p.selectOption("#city", "wenzhou");
  await p.waitForFunction((base) => document.getElementById("share").value.startsWith(base + "wenzhou/#"), server.base);
  // Links from the page do not move with the address: the batch page and the other
  // cities' pages are where they were.
  assert.ok((await p.locator('footer a[href*="batch.html"]').getAttribute("href")).startsWith(server.base + "batch.html"));
  assert.equal(await p.locator("nav.pages a", { hasText: "盐城市" }).getAttribute("href"), server.base + "yancheng/");
  // And the figures are 温州's for 8000 at a public body, as the same link computes them.
  const figures = await p.locator(".answer-line").innerText();
  const { context: c2, page: q } = await page(browser);
  await q.goto(link);
  await ready(q);
  assert.equal(await q.locator(".answer-line").innerText(), figures);
  await c2.close();
  assert.deepEqual(p.consoleErrors, []);
  await context.close();
});

test("the address follows the city and view shown, and comes back to the home page with its own", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base);
  await ready(p);
  const link = () => p.locator("#share").inputValue();
  assert.ok((await link()).startsWith(server.base + "#"), await link());
  await p.selectOption("#city", "yancheng");
  await p.click("#tab-resident");
  await p.waitForFunction((base) => document.getElementById("share").value.startsWith(base + "yancheng/resident/#"), server.base);
  assert.equal(new URL(p.url()).pathname, new URL(server.base + "yancheng/resident/").pathname);
  await p.click("#tab-compare");
  await p.waitForFunction((base) => document.getElementById("share").value.startsWith(base + "#"), server.base);
  await p.selectOption("#city", "jining");
  await p.click("#tab-employee");
  await p.waitForFunction((base) => /^[^#]*#/.exec(document.getElementById("share").value)[0] === base + "#", server.base);
  assert.deepEqual(p.consoleErrors, []);
  await context.close();
});

test("a page rendered for an earlier month says it is recomputing, then shows this month", async () => {
  const { context, p, release } = await held();
  await p.clock.setFixedTime(new Date("2027-02-10T10:00:00+08:00"));
  await p.goto(server.base + "huanggang/");
  await p.locator(".answer-line").waitFor();
  const built = await p.evaluate(() => document.querySelector('meta[name="yibao-month"]').content);
  assert.notEqual(built, "2027-02");
  assert.equal(await pending(p), "pending pending-month");
  release();
  await ready(p);
  await p.waitForFunction(() => !document.documentElement.classList.contains("pending"));
  assert.equal(await p.locator("#f-month").inputValue(), "2027-02");
  assert.match(await p.title(), /^黄冈市2027年/);
  await context.close();
});

test("the list of city pages follows the language, and a resident page's title names the benefit year", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "wenzhou/resident/");
  await ready(p);
  const year = await p.locator("#f-year").inputValue();
  assert.ok((await p.title()).startsWith(`温州市${year}年`), await p.title());
  await p.click("button.lang:has-text('English')");
  await p.waitForFunction(() => document.querySelector("nav.pages h2").textContent === "Each city's page");
  const hrefs = await p.evaluate(() => [...document.querySelectorAll("nav.pages a")].map((a) => a.getAttribute("href")));
  assert.ok(hrefs.every((h) => h.endsWith("#lang=en")), hrefs.join(" "));
  await p.click("button.lang:has-text('中文')");
  await p.waitForFunction(() => document.querySelector("nav.pages h2").textContent === "各城市页面");
  await context.close();
});

test("the README's server sends the pages and the engine compressed, each city page at its folder", async (t) => {
  const bin = process.env.YIBAO_SERVE_BIN ?? root + "target/ssr/debug/yibao-serve";
  if (!existsSync(bin)) assert.fail(`${bin} not built (scripts/build-web.sh builds it)`);
  const child = spawn(bin, [dist], { env: { ...process.env, PORT: "0" } });
  t.after(() => child.kill());
  const base = await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => { const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d)); if (m) resolve(m[0]); });
    child.on("exit", (code) => reject(new Error(`yibao-serve exited with ${code}`)));
  });
  for (const [path, accept, encoding] of [["jining/", "br, gzip", "br"], ["yibao_web_bg.wasm", "gzip", "gzip"], ["style.css", "br", "br"]]) {
    const r = await fetch(base + path, { headers: { "accept-encoding": accept } });
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get("content-encoding"), encoding, path);
    assert.equal(r.headers.get("cache-control"), "no-cache", path);
    assert.match(r.headers.get("vary") ?? "", /accept-encoding/i, path);
  }
  // A browser that accepts neither gets the file as it is.
  const plain = await fetch(base + "main.js", { headers: { "accept-encoding": "identity" } });
  assert.equal(plain.headers.get("content-encoding"), null);
  // Text says it is UTF-8 (the documents are Chinese); a missing page says so and leads home;
  // an address starting // is not sent to another host.
  const source = await fetch(base + "sources/jining-2020.txt");
  assert.equal(source.headers.get("content-type"), "text/plain; charset=utf-8");
  const missing = await fetch(base + "nowhere/");
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /找不到此页.*href="\/"/s);
  const twice = await fetch(base + "/jining", { redirect: "manual" });
  assert.equal(twice.status, 404);
  // And Chromium, through it, on a city page.
  const { context, page: p } = await page(browser);
  await p.goto(base + "zhengzhou/");
  await ready(p);
  assert.match(await p.title(), /^郑州市/);
  assert.match(await p.locator(".answer-line").innerText(), /元\/月/);
  assert.deepEqual(p.consoleErrors, []);
  await context.close();
});
