// Every month answers, on the page: with nothing typed, every city and view is opened for
// each month from December 2026 to December 2027 (the page's clock set to that month, in
// China's time), and none may show only an error; a view that shows figures in the first
// month shows figures in every later one. A figure past its window is carried
// provisionally, and 黄冈 after its document's term says so. (tests/horizon.rs holds the
// core to the same from today on.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, page, ready } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
const CITIES = ["zhengzhou", "wenzhou", "yancheng", "jining", "huanggang"];
const VIEWS = ["employee", "flexible", "resident", "eligibility"];
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function months() {
  const out = [];
  for (let y = 2026, m = 12; y < 2027 || (y === 2027 && m <= 12); m === 12 ? (y++, m = 1) : m++) out.push(`${y}-${String(m).padStart(2, "0")}`);
  return out;
}

/** What a view shows: "figures", "asks" (a line asking for unpublished figures) or "error". */
async function shows(p, city, view) {
  await p.goto(`${server.base}#city=${city}&view=${view}`);
  await p.waitForFunction(([c, v]) => document.getElementById("city")?.value === c && document.getElementById(`view-${v}`), [city, view]);
  const result = p.locator(".view .result").first();
  await result.waitFor();
  if (await result.locator("details.figure").count()) return "figures";
  if (await result.locator(".missing").count()) return "asks";
  return "error: " + (await result.innerText()).slice(0, 200);
}

test("December 2026 to December 2027: every city and view answers, none goes dark", async () => {
  const first = {};
  const problems = [];
  for (const month of months()) {
    const { context, page: p } = await page(browser, { viewport: { width: 390, height: 844 } });
    await p.clock.setFixedTime(new Date(`${month}-10T12:00:00+08:00`));
    await p.goto(`${server.base}#city=jining`);
    await ready(p);
    assert.match(await p.locator("#f-month").inputValue(), new RegExp(month), "the page's month is the clock's");
    for (const city of CITIES) {
      for (const view of VIEWS) {
        const s = await shows(p, city, view);
        first[`${city}/${view}`] ??= s;
        if (s.startsWith("error")) problems.push(`${month} ${city} ${view}: ${s}`);
        else if (first[`${city}/${view}`] === "figures" && s !== "figures") problems.push(`${month} ${city} ${view}: figures in 2026-12, now ${s}`);
      }
    }
    // 黄冈 from 2027: computed on its document's rules, provisionally, and said so.
    if (month >= "2027-01") {
      await shows(p, "huanggang", "employee");
      assert.match(await p.locator(".notices").innerText(), /黄政规〔2024〕1号有效期三年/);
      assert.match(await p.locator(".confidence").innerText(), /暂按上期标准沿用/);
    }
    assert.deepEqual(p.consoleErrors, []);
    await context.close();
  }
  assert.deepEqual(problems, []);
});
