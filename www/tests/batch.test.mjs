// The payroll batch page in headless Chromium, as HR officers use it: every city, real
// exports (GBK, 应发工资, quoted thousands), the column picker, Chinese and English, a large
// file with the page staying responsive; and the same payroll through the CLI, the JS API
// and the page, figure by figure.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { serve, launch, page, typeInto } from "./harness.mjs";

const root = new URL("../../", import.meta.url).pathname;
const dist = root + "dist/";
const cli = process.env.YIBAO_BIN ?? root + "target/debug/yibao";
const payroll = (f) => root + "tests/payroll/" + f;
let server, browser;

before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openBatch({ city = "jining", month = "2024-03", hash = "", width = 1000 } = {}) {
  const { context, page: p } = await page(browser, { viewport: { width, height: 900 } });
  await p.goto(server.base + "batch.html" + hash);
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  await p.selectOption("#b-city", city);
  await p.fill("#b-month", month);
  await p.dispatchEvent("#b-month", "change");
  return { context, p };
}

/** Opens a file and waits until its columns are shown. */
async function open(p, file) {
  await p.setInputFiles("#b-file", file);
  await p.locator("#b-mapping").waitFor();
  await p.waitForFunction(() => !document.getElementById("b-run").hidden);
}

async function compute(p, file) {
  if (file) await open(p, file);
  await p.click("#b-go");
  await p.locator("#b-results").waitFor();
}

const selected = (p, field) => p.locator(`#b-col-${field} option:checked`).innerText();

function parseCsv(text) {
  return text.replace(/^\ufeff/, "").trim().split("\r\n").map((l) => l.split(","));
}

/** A GBK payroll with both employer kinds, as Excel saves it in China. */
function gbkPayroll() {
  const text = "工号,姓名,月工资,单位类型,个人扣款\r\nA001,张三,5000,其他单位,\r\nA002,李四,8000,机关事业单位,\r\n";
  return { name: "工资表.csv", mimeType: "text/csv", buffer: execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: text }) };
}

test("same numbers everywhere: CLI, JS API and the batch page agree on every figure", async () => {
  const fromCli = execFileSync(cli, ["batch", payroll("gbk.csv"), "--city", "jining", "--month", "2024-03"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const { context, p } = await openBatch();
  await open(p, payroll("gbk.csv"));
  // The mapping is shown before computing, with the encoding as people name it.
  assert.equal(await selected(p, "wage"), "月工资 · 第3 列");
  assert.match(await p.locator("#b-file-line").innerText(), /CSV \(GBK\) · 4 行/);
  await compute(p);
  const [download] = await Promise.all([p.waitForEvent("download"), p.click("#b-csv")]);
  assert.equal(download.suggestedFilename(), "yibao-jining-2024-03.csv");
  const fromPage = readFileSync(await download.path(), "utf8");
  assert.equal(fromPage, fromCli, "the page's CSV export is byte for byte the CLI's output");
  // The JS API, one request per row, gives the same base, employer and individual figures.
  const rows = parseCsv(fromCli).slice(1);
  assert.equal(rows.length, 4);
  const wages = { A001: ["5000", "other"], A002: ["8000", "public_body"], A003: ["3333.33", "other"], A004: ["12000.5", "other"] };
  const fromApi = await p.evaluate(async (wages) => {
    const api = await import("./yibao_js.js");
    await api.default();
    const out = {};
    for (const [id, [wage, employer]] of Object.entries(wages)) {
      const r = api.contribution({ city: "jining", month: "2024-03", employer, wage });
      out[id] = [r.base, r.employer.basic, r.employer.total, r.individual.basic, r.individual.total];
    }
    return out;
  }, wages);
  for (const r of rows) {
    assert.deepEqual([r[4], r[5], r[7], r[8], r[10]], fromApi[r[1]], `row ${r[0]} (${r[1]})`);
  }
  // Totals on the page, with thousands separators: employer 406.00 + 598.00 + 272.67 + 966.04 = 2,242.71.
  assert.match(await p.locator("#b-totals").innerText(), /2,242\.71/);
  await context.close();
});

test("every city: the figures it has not published are asked once, above the table, then every row computes", async () => {
  // 2026-11, a GBK file with an other-employer row (5,000) and a public-body row (8,000).
  // Only 济宁 publishes a public-body rate; elsewhere it is asked for, and 7.4 is typed key
  // by key. Individual 5000 × 2% = 100.00 in every city (8000 × 2% = 160.00); the totals'
  // individual column is checked where the city adds no published fixed amount.
  const expected = {
    zhengzhou: { ask: true }, wenzhou: { ask: true }, yancheng: { ask: true }, huanggang: { ask: true },
    jining: { ask: false, individual: "268.00" }, // 100 + 4 + 160 + 4 (三（二）2: 4 yuan a month)
  };
  for (const [city, want] of Object.entries(expected)) {
    const { context, p } = await openBatch({ city, month: "2026-11" });
    await open(p, gbkPayroll());
    const box = "#bf-employee-rate-employer-public_body";
    if (want.ask) {
      await p.locator(box).waitFor();
      const problems = await p.locator("#b-problems").innerText();
      assert.match(problems, /本市未公布以下数据.*用人单位费率（机关事业单位，含生育）/, city);
      assert.doesNotMatch(problems, /employee\.rate/, `${city}: no raw ids`);
      assert.equal(await p.locator("#b-go").isDisabled(), true, city);
      await typeInto(p, box, "7.4");
      await p.waitForFunction(() => !document.getElementById("b-go").disabled);
      assert.equal(await p.locator(box).inputValue(), "7.4");
      // Still marked as required once filled in, and its unit in words, not a code.
      const label = await p.locator(`label[for="${box.slice(1)}"]`).innerText();
      assert.match(label, /用人单位费率（机关事业单位，含生育）（%），必填/, `${city}: ${label}`);
    } else {
      assert.equal(await p.locator(box).count(), 0, city);
    }
    await compute(p);
    assert.match(await p.locator("#b-notes").innerText(), /出错行 0/, city);
    if (want.ask) assert.match(await p.locator("#b-notes").innerText(), /用了你填写的数据：用人单位费率（机关事业单位，含生育）/, city);
    if (want.individual) assert.match(await p.locator("#b-totals").innerText(), new RegExp(want.individual.replace(".", "\\.")), city);
    const table = await p.locator("#b-rows").innerText();
    assert.match(table, /李四\s+机关事业单位\s+8,000\.00/, city);
    assert.doesNotMatch(table, /(^|\s)出错(\s|$)/, city);
    await context.close();
  }
});

test("a real export: 应发工资 is flagged as not the base, the picker chooses 基本工资, and the choice is remembered", async () => {
  // 济宁 2024-03, other employer: individual = base × 2% + 4 (三（二）2). 应发工资 6,000 gives
  // 124.00 against 104.00 deducted; 基本工资 5,000 / 7,000 / 4,000 give 104.00 / 144.00 / 84.00,
  // each what was deducted.
  const { context, p } = await openBatch();
  await p.selectOption("#b-employer", "other");
  await open(p, payroll("export-gbk.csv"));
  assert.equal(await selected(p, "wage"), "应发工资 · 第5 列");
  assert.equal(await selected(p, "employee_id"), "员工工号 · 第2 列");
  assert.equal(await selected(p, "name"), "员工姓名 · 第3 列");
  assert.equal(await selected(p, "deducted"), "医疗保险(个人) · 第7 列");
  assert.match(await p.locator("#b-column-notes").innerText(), /「应发工资」不是缴费基数/);
  await compute(p);
  assert.match(await p.locator("#b-notes").innerText(), /扣款不符 3/);
  await p.selectOption("#b-col-wage", "基本工资");
  await p.waitForFunction(() => document.querySelector("#b-column-notes").textContent.includes("基本工资"));
  // The results shown were recomputed with the new column.
  await p.waitForFunction(() => !document.getElementById("b-results").hidden && document.getElementById("b-notes").textContent.includes("扣款不符 0"));
  assert.match(await p.locator("#b-rows").innerText(), /E002\s+李四\s+其他单位\s+7,000\.00/);
  // The next file with the same header opens with the same choice (this browser only).
  await p.reload();
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  await p.selectOption("#b-employer", "other");
  await open(p, payroll("export-gbk.csv"));
  assert.equal(await selected(p, "wage"), "基本工资 · 第6 列");
  await context.close();
});

test("in English the results are English, and in Chinese Chinese: kinds, statuses, reasons, encoding", async () => {
  const { context, p } = await openBatch({ hash: "#lang=en" });
  assert.equal(await p.locator("h1").innerText(), "Payroll batch");
  await compute(p, payroll("broken.csv"));
  assert.match(await p.locator("#b-file-line").innerText(), /CSV \(UTF-8\) · 9 rows/);
  const en = await p.locator("#b-rows").innerText();
  assert.match(en, /B01\s+other employer\s+5,000\.00/);
  assert.match(en, /failed\s+月工资\s+must not be empty/);
  // "boss" is not recognisably a public body: read as another employer, and the totals say so.
  assert.match(en, /B06\s+other employer\s+6,000\.00\s+480\.00/);
  assert.match(await p.locator("#b-notes").innerText(), /1 row's employer kind \(boss\) read as other employers/);
  assert.doesNotMatch(en, /(^|\s)出错(\s|$)|其他单位|csv_utf8/);
  // The columns in words, not the English export's field ids.
  assert.match(en, /employee id\s+name\s+employer kind\s+base\s+employer premium/);
  assert.doesNotMatch(en, /employee_id|employer_basic/);
  await p.click("button.lang[data-lang=zh]");
  await p.waitForFunction(() => document.getElementById("b-rows").textContent.includes("其他单位"));
  const zh = await p.locator("#b-rows").innerText();
  assert.match(zh, /出错\s+月工资\s+不能为空/);
  assert.doesNotMatch(zh, /other employer|failed/);
  assert.equal(await p.locator("h1").innerText(), "工资表批量核对");
  // Failed rows keep their line, column and reason; the filters find them.
  await p.selectOption("#b-filter", "failed");
  // The page asks the worker for the filtered rows: wait for its answer.
  await p.waitForFunction(() => document.getElementById("b-count").textContent.startsWith("6 行"));
  assert.match(await p.locator("#b-rows").innerText(), /5\s+B04[\s\S]*月工资[\s\S]*不能为负数/);
  await context.close();
});

test("GBK CSV, BOM CSV and .xlsx are read; .xlsx loads its module only then; bad files are refused", async () => {
  const { context, p } = await openBatch();
  await open(p, payroll("gbk.csv"));
  assert.equal(p.requests.filter((u) => u.includes("yibao_xlsx")).length, 0, "a CSV loads no workbook code");
  assert.equal(p.requests.filter((u) => u.includes("yibao_js")).length, 0, "nor the JS API");
  await compute(p, payroll("payroll.xlsx"));
  assert.match(await p.locator("#b-file-line").innerText(), /Excel \(\.xlsx\)/);
  assert.match(await p.locator("#b-totals").innerText(), /658\.67/); // 406.00 + 252.67
  const [download] = await Promise.all([p.waitForEvent("download"), p.click("#b-xlsx")]);
  assert.equal(readFileSync(await download.path()).subarray(0, 2).toString(), "PK");
  await p.selectOption("#b-employer", "other");
  await compute(p, payroll("bom.csv"));
  assert.match(await p.locator("#b-totals").innerText(), /498\.02/); // 406.00 + 86.02 + 6.00
  await p.setInputFiles("#b-file", payroll("noheader.csv"));
  await p.waitForFunction(() => document.getElementById("b-problems").textContent.includes("表头"));
  assert.equal(await p.locator("#b-go").isDisabled(), true);
  await p.setInputFiles("#b-file", { name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await p.waitForFunction(() => document.getElementById("b-problems").textContent.includes("空"));
  await context.close();
});

test("200,000 rows: progress, the page keeps responding while the worker computes, cancel, and nothing leaves the browser", async () => {
  const lines = ["工号,月工资,单位类型"];
  for (let i = 0; i < 200000; i++) lines.push(`E${i},${3000 + (i % 50) * 100},其他单位`);
  const file = { name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) };
  const { context, p } = await openBatch({ width: 390 });
  await open(p, file);
  // A timer on the page counts while the batch runs; a frozen page would not count.
  await p.evaluate(() => { window.__ticks = 0; window.__timer = setInterval(() => window.__ticks++, 20); });
  await compute(p);
  const ticks = await p.evaluate(() => { clearInterval(window.__timer); return window.__ticks; });
  const ms = await p.evaluate(() => window.__yibaoBatchMs);
  assert.ok(ticks >= Math.floor(ms / 20 / 4), `the page's timer fired ${ticks} times during ${Math.round(ms)} ms of computing`);
  assert.equal(await p.locator("#b-progress").getAttribute("value"), "200000");
  assert.match(await p.locator("#b-progress-text").innerText(), /200,000 \/ 200,000/);
  assert.match(await p.locator("#b-totals").innerText(), /200,000/);
  // Cancel: a run stopped part way (after its first slice of 50,000) shows no results.
  // The bar now moves in steps of about 15 ms, quicker than a test's round trip, so Cancel is
  // pressed from inside the page the moment the bar first moves (and before the last slice).
  const pressed = p.evaluate(() => new Promise((resolve) => {
    const bar = document.getElementById("b-progress");
    const watch = new MutationObserver(() => {
      const v = Number(bar.value);
      if (v > 0 && v < 200000) { watch.disconnect(); document.getElementById("b-cancel").click(); resolve(v); }
    });
    watch.observe(bar, { attributes: true });
  }));
  await p.click("#b-go");
  const at = await pressed;
  assert.ok(at > 0 && at < 200000, `cancelled at ${at}`);
  await p.waitForFunction(() => document.getElementById("b-progress-text").textContent.includes("已取消"));
  assert.equal(await p.locator("#b-results").isHidden(), true);
  const foreign = p.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("blob:") && !u.startsWith("data:"));
  assert.deepEqual(foreign, []);
  await context.close();
});

test("the month starts at this month in China, wherever the browser's clock is set", async () => {
  // 2027-01-01 01:00 in China is still 2026-12-31 in New York: the page must start on
  // January 2027, as the calculator and the core (YearMonth::in_china) count months.
  const context = await browser.newContext({ timezoneId: "America/New_York", locale: "zh-CN" });
  const p = await context.newPage();
  await p.clock.setFixedTime(new Date("2027-01-01T01:00:00+08:00"));
  await p.goto(server.base + "batch.html");
  await p.waitForFunction(() => document.body.dataset.ready === "true");
  assert.equal(await p.locator("#b-month").inputValue(), "2027-01");
  await context.close();
});

test("on a 360-px phone every total is on screen, each with its column's name", async () => {
  const { context, p } = await openBatch({ width: 360 });
  await compute(p, payroll("gbk.csv"));
  // 济宁 2024-03, gbk.csv: all four rows 2,825.39 in total (as the CLI gives).
  const total = p.locator("#b-totals td", { hasText: "2,825.39" });
  await total.scrollIntoViewIfNeeded();
  const box = await total.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, `the total lies within the screen: ${JSON.stringify(box)}`);
  assert.equal(await total.evaluate((e) => getComputedStyle(e, "::before").content), '"合计"');
  await context.close();
});
