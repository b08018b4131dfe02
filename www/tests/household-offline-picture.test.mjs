// What people expect of a 社保计算器 beyond one figure (issue 22, items 6, 7 and 9), on a
// 390-px phone in Chinese, typing key by key: a family's premium for everyone, offline from
// whichever page was visited first with the documents' texts, the workbook export failing
// offline in the page's language, a picture of the result and a printout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, page, ready, typeInto, figure } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const phone = { viewport: { width: 390, height: 844 } };

test("a family of three: the premium for each and for all, in the answer line", async () => {
  const { context, page: p } = await page(browser, phone);
  await p.clock.setFixedTime(new Date("2025-03-10T10:00:00+08:00"));
  await p.goto(server.base + "#city=zhengzhou&view=resident&year=2025");
  await ready(p);
  await typeInto(p, "#f-household", "3");
  // 郑州 2025: 400 yuan a person (aggregator page, low reliability); 400.00 × 3 = 1200.00.
  assert.equal(await figure(p, "全家个人缴费（3 人）"), "1200.00 元/年");
  assert.match(await p.locator(".answer-line").innerText(), /全家 3 人 1200\.00 元/);
  // No household of none.
  await typeInto(p, "#f-household", "0");
  assert.match(await p.locator("main").innerText(), /家庭参保人数至少为 1/);
  await context.close();
});

test("offline from the batch page alone: its files, the calculator's and the documents' texts", async () => {
  const { context, page: p } = await page(browser, { ...phone, serviceWorkers: "allow" });
  await p.goto(server.base + "batch.html");
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  await p.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  // The fund page and the calculator, never visited online.
  await p.goto(server.base + "fund.html");
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  await p.goto(server.base + "#city=jining&view=employee&month=2026-11");
  await ready(p);
  assert.equal(await figure(p, "单位每月"), "406.00 元");
  // A document's text opens offline (查看原文): it was cached with the rest.
  const text = await p.evaluate(async () => (await fetch("sources/jining-2020.txt")).text());
  assert.match(text, /济宁/);
  await context.close();
});

test("the workbook export offline, never loaded before: said in the page's language", async () => {
  const { context, page: p } = await page(browser, phone);
  await p.goto(server.base + "batch.html");
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  const root = new URL("../../", import.meta.url).pathname;
  await p.setInputFiles("#b-file", root + "tests/payroll/gbk.csv");
  await p.waitForFunction(() => !document.getElementById("b-go").disabled);
  await p.click("#b-go");
  await p.waitForFunction(() => document.getElementById("b-totals").textContent.length > 0);
  await context.setOffline(true);
  await p.click("#b-xlsx");
  await p.waitForFunction(() => document.getElementById("b-problems").textContent.length > 0);
  const said = await p.locator("#b-problems").innerText();
  assert.match(said, /无法加载 Excel 模块（可能已离线/);
  assert.doesNotMatch(said, /TypeError|Failed to fetch/);
  await context.close();
});

test("a picture of the result to send, and a printout without the boxes", async () => {
  const { context, page: p } = await page(browser, phone);
  await p.clock.setFixedTime(new Date("2026-11-10T10:00:00+08:00"));
  await p.goto(server.base + "#city=jining&view=employee&month=2026-11");
  await ready(p);
  await typeInto(p, "#f-wage", "8000");
  // The picture says what the page says: the city and view, the answer line, each figure.
  const content = await p.evaluate(async () => (await import("./picture.js")).pictureContent());
  assert.match(content.title, /济宁市 · 在职职工/);
  assert.match(content.answer, /^单位 646\.00 · 个人 164\.00/);
  assert.ok(content.figures.some(([label, value]) => label === "单位每月" && value.startsWith("646.00 元")), JSON.stringify(content.figures));
  assert.match(content.footer, /仅供参考，以当地经办机构核定为准/);
  // Whose situation: the month and the wage typed.
  assert.ok(content.inputs.includes("月工资（元）：8000"), JSON.stringify(content.inputs));
  assert.ok(content.lines.every((l) => !l.includes("见下")), JSON.stringify(content.lines));
  const [download] = await Promise.all([p.waitForEvent("download"), p.click("#save-picture")]);
  assert.match(download.suggestedFilename(), /^yibao-jining-employee-\d{4}-\d{2}-\d{2}\.png$/);
  const png = readFileSync(await download.path());
  assert.equal(png.subarray(1, 4).toString(), "PNG");
  // 720 px wide (twice a 360-px phone), tall enough for the figures.
  assert.equal(png.readUInt32BE(16), 720);
  assert.ok(png.readUInt32BE(20) > 400);
  // Printed: the situation, the answer and the figures, not the tabs or buttons.
  await p.emulateMedia({ media: "print" });
  assert.equal(await p.locator("#f-wage").isVisible(), true);
  assert.equal(await p.locator("#save-picture").isVisible(), false);
  assert.equal(await p.locator("nav.tabs").isVisible(), false);
  assert.equal(await p.locator(".answer-line").isVisible(), true);
  assert.equal(await p.locator("details.figure").first().isVisible(), true);
  await context.close();
});
