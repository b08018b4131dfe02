// A site's own figures file (figures.toml beside the calculator): its figures replace the
// built-in ones for their months and every result says they came from it; a bad file is set
// aside with its line and reason, and the calculator runs on its own figures. On a phone,
// in Chinese, typing key by key, in February 2027 (the built-in 2026 floor is then carried).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, page, ready, typeInto, figure } from "./harness.mjs";

const root = new URL("../../", import.meta.url).pathname;
const example = readFileSync(root + "tests/figures/wenzhou-2027.toml", "utf8");
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open(extra) {
  const server = await serve(root + "dist/", extra);
  const { context, page: p } = await page(browser, { viewport: { width: 390, height: 844 } });
  await p.clock.setFixedTime(new Date("2027-02-10T10:00:00+08:00"));
  await p.goto(server.base + "index.html#city=wenzhou&view=employee");
  await ready(p);
  await typeInto(p, "#f-wage", "3000");
  return { p, close: async () => { await context.close(); await server.close(); } };
}

test("the site's figure is used, and the result names the site", async () => {
  const { p, close } = await open({ "figures.toml": example });
  // max(3000, 5100) = 5100.00 from the site's 2027 floor; 5100 × 9.2% = 469.20.
  assert.equal(await figure(p, "缴费基数"), "5100.00 元");
  assert.equal(await figure(p, "单位每月"), "469.20 元");
  const notice = await p.locator(".notices [data-notice=site-figures]").innerText();
  assert.match(notice, /示例网站/);
  assert.equal(await p.locator(".figures-refused").count(), 0);
  // The site's figure carries its own badge; the carried ceiling beside it says "含…".
  const card = await p.locator("details.figure", { has: p.locator(".label", { hasText: "缴费基数" }) }).first().innerText();
  assert.match(card, /含本站数据/);
  assert.match(card, /含暂按上期标准的数据/);
  assert.deepEqual(p.consoleErrors, []);
  await close();
});

test("a bad file is set aside with its line, and the built-in figures answer", async () => {
  const { p, close } = await open({ "figures.toml": example.replace('value = "5100"', 'value = "51.001"') });
  const banner = await p.locator(".figures-refused").innerText();
  assert.match(banner, /本站的数值文件（figures\.toml）有误，已忽略/);
  // The line the site's editor looks for, the reason in Chinese only.
  assert.match(banner, /第 15 行（value）：数值无效：`51\.001` 超过两位小数/);
  assert.doesNotMatch(banner, /[a-z]{4,} [a-z]{4,}/);
  // The 2025 floor 4986, carried into 2027 and marked so.
  assert.equal(await figure(p, "缴费基数"), "4986.00 元");
  assert.match(await p.locator(".confidence").innerText(), /暂按 2025 年起执行的标准，2027 年标准尚未收录/);
  await close();
});

test("without a figures file: no banner, the built-in figures carried", async () => {
  const { p, close } = await open({});
  assert.equal(await figure(p, "缴费基数"), "4986.00 元");
  assert.equal(await p.locator(".figures-refused").count(), 0);
  assert.equal(await p.locator("[data-notice=site-figures]").count(), 0);
  assert.deepEqual(p.consoleErrors, []);
  await close();
});
