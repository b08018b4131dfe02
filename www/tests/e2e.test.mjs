// The built app in real headless Chromium on a 360-px phone, Chinese first: each view, the
// comparison, the language switch, bad input, sub-path hosting, offline use, the CSP,
// the embed example, accessibility and the keyboard. Typing is key by key.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serve, launch, page, figure, SUBPATH, typeInto, ready } from "./harness.mjs";

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
  await ready(p);
  return { context, p };
}

function onlyOwnOrigin(p) {
  const foreign = p.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(foreign, [], "no request may leave the app's origin");
}

const JINING = "lang=zh&view=employee&city=jining&month=2024-03&wage=5000&employer=other";

test("employee view: 济宁 5000 → 406.00 / 104.00, each figure opens to its steps and articles", async () => {
  const { context, p } = await open(JINING);
  assert.equal(await figure(p, "单位每月"), "406.00 元");
  assert.equal(await figure(p, "个人每月"), "104.00 元");
  const fig = p.locator("details.figure", { has: p.locator(".label", { hasText: "单位每月" }) });
  // Closed cards carry no steps once the page is alive (built when first opened, so that
  // typing redraws only the figures); the prerendered page had them (prerender.test.mjs).
  await p.waitForFunction(() => document.querySelectorAll("details.figure ol.steps").length === 0);
  await fig.locator("summary").click();
  const steps = await fig.locator("ol.steps").innerText();
  assert.match(steps, /5000\.00 × 8% = 400\.00/);
  assert.match(steps, /三（二）1/);
  assert.match(await p.locator(".city-info").innerText(), /2020-01/);
  assert.equal(await p.locator(".chart svg polyline").count(), 2);
  // How sure: stated once, at the top; the rounding convention once, not as a badge.
  assert.match(await p.locator(".confidence").innerText(), /可信度/);
  assert.match(await p.locator(".notes .conventions").innerText(), /四舍五入到分/);
  assert.equal(await fig.locator(".badge").count(), 0, "a seed figure earns no badge");
  // Typing updates the result, key by key.
  await typeInto(p, "#f-wage", "8000");
  await p.waitForFunction(() => document.body.innerText.includes("646.00"));
  onlyOwnOrigin(p);
  assert.deepEqual(p.consoleErrors, []);
  await context.close();
});

test("郑州 shows 巩义市 left out, gives what is known at once, and marks the result when figures are typed in", async () => {
  const { context, p } = await open("lang=zh&view=employee&city=zhengzhou&month=2024-03&wage=6000&employer=other");
  assert.match(await p.locator(".city-info").innerText(), /巩义市/);
  // Nothing typed: 6000 × 9% (inferred) = 540.00, the unpublished fixed amount left out and said so.
  assert.equal(await figure(p, "单位每月"), "540.00 元");
  assert.match(await p.locator("details.figure", { has: p.locator(".label", { hasText: "单位每月" }) }).first().innerText(), /未含未公布的每月定额/);
  assert.match(await p.locator("fieldset.supplied").innerText(), /单位每月定额/);
  await typeInto(p, "#p-zhengzhou-employee-fixed-employer", "3");
  await p.waitForFunction(() => document.body.innerText.includes("543.00"));
  // The result says it rests on the person's figures, by name, not by id.
  const sure = await p.locator(".confidence").innerText();
  assert.match(sure, /你提供/);
  assert.match(sure, /单位每月定额/);
  assert.doesNotMatch(sure, /employee\.fixed/);
  await context.close();
});

test("flexible view asks for the base, then computes with the waiting period", async () => {
  // 温州 2025: the base is not published; the 2024 rate 11.2% (aggregator) is carried into
  // 2025 provisionally, and the month-after rule holds.
  const { context, p } = await open("lang=zh&view=flexible&city=wenzhou&month=2025-03&first_paid=2025-03");
  assert.equal(await figure(p, "开始享受待遇"), "2025-04");
  await typeInto(p, "#p-wenzhou-flexible-base", "6000");
  // 6000 × 11.2% = 672.00 (the fixed amount is not published, left out)
  await p.waitForFunction(() => document.body.innerText.includes("672.00"));
  assert.equal(await figure(p, "每月缴费"), "672.00 元");
  assert.match(await p.locator(".confidence").innerText(), /暂按 2024 年标准，2025 年标准尚未收录/);
  await context.close();
});

test("resident view: a national minimum is labelled as such; the waiting period", async () => {
  const { context, p } = await open("lang=zh&view=resident&city=jining&year=2025&break_years=5&repaid_years=2&in_enrolment_period=false");
  const card = p.locator("details.figure", { has: p.locator(".label", { hasText: "个人缴费" }) }).first();
  assert.match(await card.innerText(), /全国最低标准/);
  assert.equal(await figure(p, "待遇等待期"), "6 个月");
  await context.close();
});

test("eligibility view: retirement month, each scenario grouped, the timeline", async () => {
  const { context, p } = await open("lang=zh&view=eligibility&city=jining&birth=1967-03&category=male&as_of=2026-11&paid_months=72&last_base=5000&situation=employee");
  assert.match(await figure(p, "法定退休月份"), /^2027-10/);
  const now = p.locator('section.scenario[data-group="stop_now"]');
  const going = p.locator('section.scenario[data-group="continue"]');
  assert.match(await now.locator("h3").innerText(), /若现在停止缴费/);
  assert.equal(await figure(now, "仍差"), "48 个月");
  assert.equal(await figure(now, "一次性补缴"), "16800.00 元");
  assert.match(await now.innerText(), /由单位缴纳/);
  // 38 = 120 − (72 + 10 months after 2026-11 up to 2027-09); 38 × 5000 × 7% = 13300.00
  assert.equal(await figure(going, "一次性补缴"), "13300.00 元");
  assert.equal(await p.locator(".chart svg rect.missing").count(), 1);
  await context.close();
});

test("eligibility view: past the retirement month it says so and shows one scenario", async () => {
  const { context, p } = await open("lang=zh&view=eligibility&city=jining&birth=1964-01&category=male&as_of=2026-11&paid_months=100&last_base=5000");
  const groups = p.locator("section.scenario");
  assert.equal(await groups.count(), 1);
  assert.match(await groups.first().locator("h3").innerText(), /已于 2024-01 达到法定退休年龄/);
  await context.close();
});

test("bad input: the reason next to the field, in both languages; the rest keeps working", async () => {
  const { context, p } = await open(JINING);
  await typeInto(p, "#f-wage", "-5");
  await p.waitForFunction(() => document.querySelector("#f-wage-err")?.textContent.includes("不能为负数"));
  assert.equal(await p.getAttribute("#f-wage", "aria-invalid"), "true");
  await p.click("button.lang:has-text('English')");
  await p.waitForFunction(() => document.querySelector("#f-wage-err")?.textContent.includes("must not be negative"));
  await typeInto(p, "#f-wage", "5000,00");
  await p.waitForFunction(() => document.querySelector("#f-wage-err")?.textContent.includes("ambiguous"));
  await typeInto(p, "#f-wage", "５０００");
  await p.waitForFunction(() => document.body.innerText.includes("406.00"));
  await p.click("#tab-resident");
  await p.locator("#view-resident .result > *").first().waitFor();
  await context.close();
});

test("language switch changes every label and keeps the figures", async () => {
  const { context, p } = await open(JINING);
  await p.click("button.lang:has-text('English')");
  await p.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(await p.locator("h1").innerText(), /city-level pooling/);
  assert.equal(await figure(p, "employer / month"), "406.00 yuan");
  assert.match(await p.inputValue("#share"), /lang=en/);
  await context.close();
});

test("works under a sub-path and offline after the first visit", async () => {
  const { context, p } = await open(JINING, { serviceWorkers: "allow" });
  assert.ok(p.url().includes(SUBPATH));
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.reload();
  await ready(p);
  await context.setOffline(true);
  await p.reload();
  await ready(p);
  assert.equal(await figure(p, "单位每月"), "406.00 元");
  // The batch and fund pages too, never visited online.
  for (const page of ["batch.html", "fund.html"]) {
    await p.goto(server.base + page);
    await p.waitForFunction(() => document.body.dataset.ready === "true");
  }
  await context.close();
});

test("Content-Security-Policy allows only the app's own files", async () => {
  const html = readFileSync(dist + "index.html", "utf8");
  const csp = html.match(/Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
  // A link a person may follow (a citation's source, opened in a new tab without a
  // referrer) is not a resource the page loads; everything else names no other origin.
  const pages = ["index.html", "jining/index.html", "wenzhou/resident/index.html", "main.js", "style.css", "embed.html", "embed.js"];
  for (const f of pages) {
    const text = readFileSync(dist + f, "utf8");
    const links = text.match(/<a [^>]*href="https?:[^>]*>/g) ?? [];
    for (const a of links) assert.match(a, /rel="noopener noreferrer"/, `${f}: ${a}`);
    assert.doesNotMatch(text.replace(/<a [^>]*>/g, ""), /https?:\/\/(?!127\.0\.0\.1)[a-z]/i, `${f} references no other origin`);
  }
});

test("embed example page uses the JS API", async () => {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "embed.html");
  await p.locator("#e-result").waitFor();
  assert.match(await p.locator("#e-result").innerText(), /406\.00/);
  await typeInto(p, "#e-wage", "-1");
  await p.locator("#e-error").waitFor();
  assert.match(await p.locator("#e-error").innerText(), /不能为负数/);
  onlyOwnOrigin(p);
  await context.close();
});

test("accessibility: axe-core finds no serious or critical violation on any view", async () => {
  const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const views = ["employee", "flexible", "resident", "eligibility", "compare"];
  const runs = views.map((v) => [v, "zh", "jining"]).concat([["employee", "en", "jining"], ["eligibility", "en", "yancheng"], ["employee", "zh", "wenzhou"]]);
  for (const [view, lang, city] of runs) {
    // The axe script is injected inline, so this context alone bypasses the CSP.
    const { context, p } = await open(`lang=${lang}&view=${view}&city=${city}&month=2024-03&wage=5000&employer=other&birth=1967-03&category=male&as_of=2026-11&paid_months=72&last_base=5000&year=2025`, { bypassCSP: true });
    await p.locator("details.figure").first().click().catch(() => {});
    await p.addScriptTag({ content: axe });
    const result = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), [], `${view}/${lang}/${city}`);
    await context.close();
  }
});

test("accessibility: the batch and fund pages, with results and figure boxes shown, in both languages", async () => {
  const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  for (const lang of ["zh", "en"]) {
    const { context, page: p } = await page(browser, { bypassCSP: true });
    await p.goto(`${server.base}batch.html#lang=${lang}&city=huanggang&month=2026-11`);
    await p.waitForFunction(() => document.body.dataset.ready === "true");
    await p.setInputFiles("#b-file", { name: "p.csv", mimeType: "text/csv", buffer: Buffer.from("工号,姓名,月工资,单位类型\nA1,张三,5000,其他单位\nA2,李四,8000,机关事业单位\n") });
    await p.locator("#bf-employee-rate-employer-public_body").fill("7.4");
    await p.waitForFunction(() => !document.getElementById("b-go").disabled);
    await p.click("#b-go");
    await p.locator("#b-results").waitFor();
    await p.addScriptTag({ content: axe });
    let result = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    let bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), [], `batch/${lang}`);
    await p.goto(`${server.base}fund.html#lang=${lang}&city=jining`);
    await p.waitForFunction(() => document.body.dataset.ready === "true");
    await p.locator("#ff-fund-deficit-city_share").fill("0.5");
    await p.locator("#f-results").waitFor();
    await p.addScriptTag({ content: axe });
    result = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), [], `fund/${lang}`);
    await context.close();
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
