// The fund page in headless Chromium, as a fund officer uses it: figures pasted or loaded
// (quoted thousands, GBK), the year-by-year table with who paid each deficit and the
// city-level pool, totals that reconcile, the chart, CSV export, the boxes of the chosen
// city only, a phone layout, Chinese and English, and bad-input messages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { serve, launch, page, typeInto } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open({ width = 1000, hash = "" } = {}) {
  const { context, page: p } = await page(browser, { viewport: { width, height: 900 } });
  await p.goto(server.base + "fund.html" + hash);
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  return { context, p };
}

// The page's sample: two counties, 2024 and 2025, A县's 2024 revenue written "1,100,000".
const SAMPLE = "年度,县区,收入,支出,期初结余,上年收入\n2024,A县,\"1,100,000\",1000000,10000,1000000\n2024,B区,500000,480000,5000,500000\n2025,A县,1100000,2300000,,\n2025,B区,500000,450000,,\n";
const escape = (s) => s.replace(/[.()+]/g, "\\$&");

test("黄冈: the sample deficit runs through every step of Art. 18; amounts with separators; warnings and chart", async () => {
  const { context, p } = await open();
  await p.locator("#f-results").waitFor();
  const table = await p.locator("#f-table").innerText();
  // 2025 A: historical 50,000; adjustment fund 42,000; county government 939,200; pooling fund 124,000; the rest 110,800.
  for (const figure of ["50,000.00", "42,000.00", "939,200.00", "124,000.00", "110,800.00", "1,100,000.00"]) assert.match(table, new RegExp(escape(figure)));
  assert.match(table, /⚠/);
  // What the warning calls for, how sure the figures are and how open points are read: the
  // core's lines after the table, as the command line prints them with its steps.
  const notes = await p.locator("#f-notes").innerText();
  assert.match(notes, /触发预警：市医疗保障部门应会同市财政部门向市人民政府报告（第十六条）/);
  assert.match(notes, /所有数据均来自统筹文件或官方文件/);
  assert.match(notes, /储备金从各县当年收入中提取/);
  // A county's kept surplus says where it went; a year's summary carries no column label.
  assert.match(table, /留存县级，结转下年 40,000\.00/);
  assert.equal(await p.locator("#f-table tr.year-summary td").first().getAttribute("data-label"), null);
  assert.doesNotMatch(table, /市级基金：?\s*年初/, "黄冈 keeps no city pool: the counties keep their surpluses");
  assert.equal(await p.locator("#f-chart svg .warning-line").count(), 2);
  const [download] = await Promise.all([p.waitForEvent("download"), p.click("#f-csv")]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv, /^\ufeff年度,县区/);
  assert.match(csv, /2025,A县,1100000\.00,2300000\.00,66000\.00,-1266000\.00,50000\.00,42000\.00,939200\.00,124000\.00,110800\.00/);
  await context.close();
});

test("盐城 and 济宁: a city-pool line per year, and the accumulated totals add up", async () => {
  const { context, p } = await open();
  // Both pooled from 2020: the sample's years moved there, so its opening balances are from
  // before pooling and are collected.
  await p.fill("#f-data", SAMPLE.replaceAll("2024", "2020").replaceAll("2025", "2021"));
  // 盐城 第七条/第九条: 15,000 remitted + 120,000 of 2024 surpluses = 135,000; in 2025 B区's 50,000
  // joins first, A县's deficit takes 185,000 and 1,015,000 calls for a policy adjustment.
  await p.selectOption("#f-city", "yancheng");
  await p.waitForFunction(() => document.getElementById("f-table").textContent.includes("1,015,000.00"));
  let table = await p.locator("#f-table").innerText();
  // The pool's row lists every yuan in and out, its closing balance in the last column.
  assert.match(table, /年初 0\.00；统筹前结余上解 15,000\.00；各县当年结余 120,000\.00；弥补各县缺口 0\.00\s+135,000\.00/);
  assert.match(table, /年末累计结余 135,000\.00（各县结余 \+ 市级基金）/);
  assert.match(table, /年初 135,000\.00；统筹前结余上解 0\.00；各县当年结余 50,000\.00；弥补各县缺口 185,000\.00\s+0\.00/);
  // The arithmetic is a step, made by the sum itself.
  assert.match(await p.locator("#f-steps").textContent(), /年初 135000\.00 \+ 统筹前结余上解 0\.00 \+ 各县当年结余 50000\.00 − 弥补各县缺口 185000\.00 = 0\.00/);
  assert.match(table, /须调整政策 1,015,000\.00/);
  // 济宁 三（四）5、6: 30% collected (4,500), 70% kept (7,000 + 3,500); pool 124,500; accumulated
  // 7,000 + 3,500 + 124,500 = 135,000. 2025 A县's deficit reaches the split set elsewhere.
  await p.selectOption("#f-city", "jining");
  const box = "#ff-fund-deficit-city_share";
  await p.locator(box).waitFor();
  assert.match(await p.locator("#f-figures").innerText(), /市级基金分担县级缺口的比例/);
  assert.doesNotMatch(await p.locator("#f-error").innerText(), /fund\.deficit/, "the message names the figure in words");
  await typeInto(p, box, "0.5");
  await p.waitForFunction(() => document.getElementById("f-table").textContent.includes("596,500.00"));
  table = await p.locator("#f-table").innerText();
  assert.match(table, /市级基金\s+年初 0\.00；统筹前结余上解 4,500\.00；各县当年结余 120,000\.00；弥补各县缺口 0\.00\s+124,500\.00/);
  assert.match(table, /年末累计结余 135,000\.00/);
  // The city fund pays its half only while it holds a surplus (三（四）6 "仍有累计结余"):
  // 124,500 + 50,000 = 174,500 paid, 596,500 − 174,500 = 422,000 from no source the
  // documents name, said, not hidden; the pool ends at 0, never below.
  assert.match(table, /市级基金 174,500\.00/);
  assert.match(table, /文件未规定来源 422,000\.00/);
  assert.match(table, /弥补各县缺口 174,500\.00\s+0\.00/);
  // Back to 盐城: 济宁's box goes with it.
  await p.selectOption("#f-city", "yancheng");
  await p.waitForFunction(() => !document.getElementById("ff-fund-deficit-city_share"));
  assert.equal(await p.locator("#f-figures").isHidden(), true);
  await context.close();
});

test("济宁 and 温州 show every box from the start; a file with no deficit leaves the split unused; 0.5 says how it was read", async () => {
  const { context, p } = await open();
  await p.selectOption("#f-city", "jining");
  // 2020: 1,000,000 − 1,005,000 = −5,000, covered by A's own 7,000 (70% of 10,000, 三（四）5).
  await p.fill("#f-data", "year,county,revenue,expenditure,opening_balance\n2020,A,1000000,1005000,10000\n");
  await p.waitForFunction(() => document.getElementById("f-table").textContent.includes("本县历史结余 5,000.00"));
  // The box is there (the city's articles leave the split open) but nothing reached it.
  assert.equal(await p.locator("#ff-fund-deficit-city_share").count(), 1);
  assert.equal(await p.locator("#f-error").innerText(), "");
  // 温州 publishes neither the split nor the share collected: both boxes at once, before any
  // figure is typed, and none appears or goes while typing.
  await p.selectOption("#f-city", "wenzhou");
  await p.fill("#f-data", "year,county,revenue,expenditure,opening_balance\n2022,W,100,200,50\n");
  await p.locator("#ff-fund-historical-collected_share").waitFor();
  assert.equal(await p.locator("#ff-fund-deficit-city_share").count(), 1);
  const ids = () => p.locator("#f-figure-inputs input").evaluateAll((els) => els.map((e) => e.id));
  const before = await ids();
  await typeInto(p, "#ff-fund-deficit-city_share", "0.5");
  assert.deepEqual(await ids(), before);
  // "0.5" in a box for a percentage: said how it was read, as the calculator does.
  const field = p.locator(".field", { has: p.locator("#ff-fund-deficit-city_share") });
  assert.match(await field.innerText(), /「0\.5」按 50% 计/);
  // A share above 100% is refused as a share, not as a 费率.
  await typeInto(p, "#ff-fund-historical-collected_share", "150");
  const other = p.locator(".field", { has: p.locator("#ff-fund-historical-collected_share") });
  assert.match(await other.innerText(), /比例不能超过 100%/);
  assert.doesNotMatch(await other.innerText(), /费率/);
  await context.close();
});

test("a GBK file loads; on a 360-px phone every column, who paid included, is on screen", async () => {
  const { context, p } = await open({ width: 360 });
  const gbk = execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: SAMPLE });
  await p.setInputFiles("#f-file", { name: "基金.csv", mimeType: "text/csv", buffer: gbk });
  await p.waitForFunction(() => document.getElementById("f-data").value.includes("A县"));
  await p.locator("#f-results").waitFor();
  const cell = p.locator("#f-table td", { hasText: "939,200.00" }).first();
  await cell.scrollIntoViewIfNeeded();
  const box = await cell.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, `the "covered by" cell lies within the screen: ${JSON.stringify(box)}`);
  assert.equal(await cell.evaluate((e) => getComputedStyle(e, "::before").content), '"由谁弥补、去向"');
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= 360), "nothing wider than the phone");
  await context.close();
});

test("English: one language, fields named in English; Chinese names the row and column in Chinese", async () => {
  const { context, p } = await open({ hash: "#lang=en" });
  await p.locator("#f-results").waitFor();
  assert.equal(await p.locator("h1").innerText(), "The pooled fund");
  const table = await p.locator("#f-table").innerText();
  assert.match(table, /county government \(the 8 of 8:2\) 939,200\.00/);
  assert.doesNotMatch(table, /县政府|年末|合计/);
  await p.fill("#f-data", "year,county,revenue,expenditure\n2024,A,-5,1\n");
  await p.waitForFunction(() => document.getElementById("f-error").textContent.includes("row 2: revenue: must not be negative"));
  await p.click("button.lang[data-lang=zh]");
  await p.waitForFunction(() => document.getElementById("f-error").textContent.includes("第 2 行「收入」：不能为负数"));
  await p.fill("#f-data", "year,county,revenue,expenditure\n2024,A,1,1\n2026,A,1,1\n");
  await p.waitForFunction(() => document.getElementById("f-error").textContent.includes("第 3 行「年度」"));
  assert.match(await p.locator("#f-error").innerText(), /2025/);
  await context.close();
});
