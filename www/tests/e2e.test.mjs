// The built app in real headless Chromium: each view, the comparison, share links, bad
// input in both languages, the language switch, sub-path hosting, offline use, privacy
// and accessibility.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serve, launch, page, figure, SUBPATH } from "./harness.mjs";

const require = createRequire(import.meta.url);
const dist = new URL("../../dist/", import.meta.url).pathname;
let server, browser;

before(async () => {
  server = await serve(dist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the app (optionally with a fragment) and waits for the first result. */
async function open(fragment = "", opts = {}) {
  const { context, page: p } = await page(browser, opts);
  await p.goto(server.base + (fragment ? `#${fragment}` : ""));
  await p.locator(".view .result details.figure, .view table.compare, .view p.missing, .view p.error").first().waitFor();
  return { context, p };
}

function onlyOwnOrigin(p) {
  const foreign = p.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(foreign, [], "no request may leave the app's origin");
}

const JINING = "lang=zh&view=employee&city=jining&month=2024-03&wage=5000&employer=other";

test("employee view: 济宁 5000 → 406.00 / 104.00, each figure opens to its steps and articles", async () => {
  const { context, p } = await open(JINING);
  assert.equal(await figure(p, "单位每月缴费"), "406.00 元");
  assert.equal(await figure(p, "个人每月缴费"), "104.00 元");
  const fig = p.locator("details.figure", { has: p.locator(".label", { hasText: "单位每月缴费" }) });
  await fig.locator("summary").click();
  const steps = await fig.locator("ol.steps").innerText();
  assert.match(steps, /5000\.00 × 8% = 400\.00/);
  assert.match(steps, /三（二）1/);
  // The city's document, pooling date; the chart is drawn.
  assert.match(await p.locator(".city-info").innerText(), /2020-01/);
  assert.equal(await p.locator(".chart svg polyline").count(), 2);
  // Typing updates the result.
  await p.fill("#f-wage", "8000");
  await p.waitForFunction(() => document.body.innerText.includes("646.00"));
  onlyOwnOrigin(p);
  assert.deepEqual(p.consoleErrors, []);
  await context.close();
});

test("郑州 shows 巩义市 left out, asks for unpublished figures and marks user-supplied results", async () => {
  const { context, p } = await open("lang=zh&view=employee&city=zhengzhou&month=2024-03&wage=6000&employer=other");
  assert.match(await p.locator(".city-info").innerText(), /巩义市/);
  assert.match(await p.locator(".view .missing").innerText(), /单位每月定额/);
  await p.fill("#p-employee-fixed-employer", "0");
  await p.fill("#p-employee-fixed-individual", "3");
  await p.waitForFunction(() => document.body.innerText.includes("540.00"));
  assert.equal(await figure(p, "个人每月缴费"), "123.00 元");
  assert.match(await p.locator(".notes p.user").innerText(), /employee\.fixed\.employer/);
  // The inferred 9% is flagged.
  assert.ok(await p.locator("details.figure .badge.caution").count() > 0);
  await context.close();
});

test("flexible view asks for the provincial average wage, then computes", async () => {
  const { context, p } = await open("lang=zh&view=flexible&city=jining&month=2024-03&first_paid=2024-03");
  await p.fill("#p-flexible-base", "6000");
  await p.waitForFunction(() => document.body.innerText.includes("550.00"));
  assert.equal(await figure(p, "每月缴费"), "550.00 元");
  assert.equal(await figure(p, "开始享受待遇"), "2024-09");
  await context.close();
});

test("resident view: the national minimum is labelled as such; the waiting period", async () => {
  const { context, p } = await open("lang=zh&view=resident&city=jining&year=2025&break_years=5&repaid_years=2&in_enrolment_period=false");
  assert.equal(await figure(p, "全国最低标准"), "400.00 元/年");
  assert.equal(await figure(p, "待遇等待期"), "6 个月");
  await context.close();
});

test("eligibility view: retirement month, shortfall, top-up and the timeline", async () => {
  const { context, p } = await open("lang=zh&view=eligibility&city=jining&birth=1967-03&category=male&as_of=2026-11&paid_months=72&last_base=5000&situation=employee");
  assert.match(await figure(p, "法定退休月份"), /^2027-10/);
  assert.equal(await figure(p, "若现在停止缴费"), "48 个月");
  assert.equal(await p.locator("details.figure", { has: p.locator(".label", { hasText: "一次性补缴" }) }).first().locator(".value").innerText().then((t) => t.trim()), "16800.00 元");
  assert.equal(await p.locator(".chart svg rect.missing").count(), 1);
  await context.close();
});

test("compare view: the same person in all five cities, with what is unknown", async () => {
  const { context, p } = await open("lang=zh&view=compare&city=jining&month=2024-03&wage=5000&employer=other");
  assert.equal(await p.locator("table.compare tbody tr").count(), 5);
  const jining = await p.locator('tr[data-city="jining"]').innerText();
  assert.match(jining, /406\.00/);
  assert.match(jining, /缴费基数下限/);
  assert.match(await p.locator('tr[data-city="wenzhou"]').innerText(), /需补充数据/);
  await context.close();
});

test("share link round trip restores the situation", async () => {
  const { context, p } = await open(JINING);
  await p.fill("#f-wage", "8000");
  await p.selectOption("#f-employer", "public_body");
  await p.waitForFunction(() => location.hash.includes("wage=8000") && location.hash.includes("public_body"));
  const url = p.url();
  await context.close();
  const second = await page(browser);
  await second.page.goto(url);
  await second.page.locator("details.figure").first().waitFor();
  assert.equal(await second.page.inputValue("#f-wage"), "8000");
  // 8000 × 7.4% = 592.00 + 6 = 598.00
  assert.equal(await figure(second.page, "单位每月缴费"), "598.00 元");
  assert.equal(await second.page.locator(".link-banner").count(), 0, "same rules: no banner");
  await second.context.close();
});

test("a link made under older rules says which figures changed", async () => {
  const { context, p } = await open(`${JINING}&rv=00000000&f=${encodeURIComponent("employer:399.00,individual:104.00")}`);
  const banner = await p.locator(".link-banner").innerText();
  assert.match(banner, /00000000/);
  assert.match(banner, /399\.00 → 406\.00/);
  assert.doesNotMatch(banner, /104\.00 →/);
  await context.close();
});

test("bad input: the reason next to the field, in both languages; the rest keeps working", async () => {
  const { context, p } = await open(JINING);
  await p.fill("#f-wage", "-5");
  await p.waitForFunction(() => document.querySelector("#f-wage-err")?.textContent.includes("不能为负数"));
  assert.equal(await p.getAttribute("#f-wage", "aria-invalid"), "true");
  await p.click("button.lang:has-text('English')");
  await p.waitForFunction(() => document.querySelector("#f-wage-err")?.textContent.includes("must not be negative"));
  await p.fill("#f-wage", "5000.123");
  await p.waitForFunction(() => document.querySelector("#f-wage-err")?.textContent.includes("at most two decimals"));
  // The rest of the page works: another view still computes.
  await p.click("#tab-resident");
  await p.locator("#view-resident .result > *").first().waitFor();
  await context.close();
});

test("language switch changes every label and keeps the figures", async () => {
  const { context, p } = await open(JINING);
  await p.click("button.lang:has-text('English')");
  await p.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(await p.locator("h1").innerText(), /city-level pooling/);
  assert.equal(await figure(p, "Employer, per month"), "406.00 yuan");
  assert.match(p.url(), /lang=en/);
  await context.close();
});

test("works under a sub-path and offline after the first visit", async () => {
  const { context, p } = await open(JINING);
  assert.ok(p.url().includes(SUBPATH));
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.reload();
  await p.locator("details.figure").first().waitFor();
  await context.setOffline(true);
  await p.reload();
  await p.locator("details.figure").first().waitFor();
  assert.equal(await figure(p, "单位每月缴费"), "406.00 元");
  await context.close();
});

test("Content-Security-Policy allows only the app's own files", async () => {
  const html = readFileSync(dist + "index.html", "utf8");
  const csp = html.match(/Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
  for (const f of ["index.html", "main.js", "style.css", "embed.html", "embed.js"]) {
    assert.doesNotMatch(readFileSync(dist + f, "utf8"), /https?:\/\/(?!127\.0\.0\.1)[a-z]/i, `${f} references no other origin`);
  }
});

test("embed example page uses the JS API", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "embed.html");
  await p.locator("#e-result").waitFor();
  assert.match(await p.locator("#e-result").innerText(), /406\.00/);
  await p.fill("#e-wage", "-1");
  await p.locator("#e-error").waitFor();
  assert.match(await p.locator("#e-error").innerText(), /wage/);
  onlyOwnOrigin(p);
  await context.close();
});

test("accessibility: axe-core finds no serious or critical violation on any view", async () => {
  const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const views = ["employee", "flexible", "resident", "eligibility", "compare"];
  const runs = views.map((v) => [v, "zh"]).concat([["employee", "en"], ["eligibility", "en"]]);
  for (const [view, lang] of runs) {
    {
      // The axe script is injected inline, so this context alone bypasses the CSP.
      const { context, p } = await open(`lang=${lang}&view=${view}&city=jining&month=2024-03&wage=5000&employer=other&birth=1967-03&category=male&as_of=2026-11&paid_months=72&last_base=5000&year=2025`, { bypassCSP: true });
      await p.locator("details.figure").first().click().catch(() => {});
      await p.addScriptTag({ content: axe });
      const result = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), [], `${view}/${lang}`);
      await context.close();
    }
  }
});

test("keyboard: tabs and figures work without a mouse", async () => {
  const { context, p } = await open(JINING);
  await p.focus("#tab-flexible");
  await p.keyboard.press("Enter");
  await p.locator("#view-flexible").waitFor();
  await p.focus("#tab-employee");
  await p.keyboard.press("Enter");
  await p.locator("#view-employee details.figure summary").first().focus();
  await p.keyboard.press("Enter");
  assert.equal(await p.locator("#view-employee details.figure").first().getAttribute("open"), "");
  await context.close();
});
