// Typing as a person does, key by key (keyboard.type), into every input of every view on a
// 360-px phone, including the boxes for figures nobody published: the focus never moves
// to another box, the boxes keep their order, and what is typed is what is used.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, page, figure, typeInto, ready } from "./harness.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(fragment) {
  const { context, page: p } = await page(browser);
  await p.goto(server.base + "#" + fragment);
  await ready(p);
  return { context, p };
}

const boxes = (p) => p.locator("fieldset.supplied [data-param]").evaluateAll((els) => els.map((e) => e.dataset.param));

test("济宁: a floor of 3500 typed key by key is the floor used, and the ceiling box keeps its place", async () => {
  const { context, p } = await open("lang=zh&view=employee&city=jining&month=2024-03&wage=2000&employer=other");
  const before = await boxes(p);
  await typeInto(p, "#p-jining-employee-base-floor", "3500");
  assert.deepEqual(await boxes(p), before, "the boxes keep their order");
  assert.equal(await p.inputValue("#p-jining-employee-base-floor"), "3500");
  assert.equal(await p.inputValue("#p-jining-employee-base-ceiling"), "");
  // 2000 is below the floor: base 3500; 3500 × 8% = 280.00 + 6 = 286.00
  await p.waitForFunction(() => document.body.innerText.includes("286.00"));
  assert.equal(await figure(p, "缴费基数"), "3500.00 元");
  await typeInto(p, "#p-jining-employee-base-ceiling", "20000");
  assert.equal(await p.inputValue("#p-jining-employee-base-floor"), "3500");
  assert.equal(await figure(p, "缴费基数"), "3500.00 元");
  await context.close();
});

test("温州 2022: four unpublished figures typed key by key, rates as 8 and 2%; an invalid one keeps the others visible", async () => {
  const { context, p } = await open("lang=zh&view=employee&city=wenzhou&month=2022-03&wage=8000&employer=other");
  const order = await boxes(p);
  assert.ok(order.includes("employee.rate.employer.other") && order.includes("employee.fixed.individual"), order.join());
  await typeInto(p, "#p-wenzhou-employee-rate-employer-other", "abc");
  await p.locator("#p-wenzhou-employee-rate-employer-other-err").filter({ hasText: "不是" }).waitFor();
  assert.deepEqual(await boxes(p), order, "every box stays while one holds an invalid value");
  await typeInto(p, "#p-wenzhou-employee-rate-employer-other", "8");
  assert.match(await p.locator('[data-param="employee.rate.employer.other"] .reading').innerText(), /按 8% 计/);
  await typeInto(p, "#p-wenzhou-employee-rate-individual", "2%");
  await typeInto(p, "#p-wenzhou-employee-fixed-employer", "0");
  await typeInto(p, "#p-wenzhou-employee-fixed-individual", "0");
  // 8000 × 8% = 640.00; 8000 × 2% = 160.00
  await p.waitForFunction(() => document.body.innerText.includes("640.00"));
  assert.equal(await figure(p, "个人每月"), "160.00 元");
  for (const [id, v] of [["employee-rate-employer-other", "8"], ["employee-rate-individual", "2%"], ["employee-fixed-employer", "0"], ["employee-fixed-individual", "0"]]) {
    assert.equal(await p.inputValue(`#p-wenzhou-${id}`), v);
  }
  await context.close();
});

test("盐城 retirement: the rule figures read in words, not codes, and nothing a person cannot know is asked", async () => {
  const { context, p } = await open("lang=zh&view=eligibility&city=yancheng&birth=1974-05&category=female-50&as_of=2026-11&paid_months=60&last_base=4000");
  await p.locator(".confidence").waitFor();
  // 盐城's rules from an aggregator page (低可信度): women 25 years, ten actually paid, short
  // years paid monthly or at once; the decision's ages in years of age.
  const sure = await p.locator(".confidence").innerText();
  assert.match(sure, /女职工享受退休待遇最低缴费年限 = 25 年/);
  assert.match(sure, /年限不足时的办法 = 按月续缴或一次性补缴/);
  const all = await p.locator("main").innerText();
  assert.doesNotMatch(all, /monthly_or_one_off|one_off|actual_and_deemed|\btrue\b|\bfalse\b|retiree\./);
  // The plain conclusion first: 60 months paid is 5 years; 25 − 5 = 20 short.
  assert.match(await p.locator(".answer-line").innerText(), /^累计 5 年，还差 20 年/);
  // Where the money goes and who pays are rules, not questions: no box asks them.
  assert.equal(await p.locator("#p-yancheng-retiree-topup_to_personal_account, #p-yancheng-retiree-shortfall").count(), 0);
  await context.close();
});

test("every text box of every view keeps the focus while typing, key by key", async () => {
  const views = {
    employee: "city=jining&month=2024-03",
    flexible: "city=wenzhou&month=2026-03",
    resident: "city=jining&year=2025",
    eligibility: "city=jining&situation=employee",
    compare: "city=jining&month=2024-03",
  };
  const samples = { wage: "6789.12", year: "2025", break_years: "3", repaid_years: "1", paid_months: "96", transferred_months: "12", deemed_months: "24", last_base: "5500", pension: "3200", bankruptcy_age: "58" };
  for (const [view, rest] of Object.entries(views)) {
    const { context, p } = await open(`lang=zh&view=${view}&${rest}`);
    // The comparison's boxes for each city sit in folded sections: unfold them, as a person would.
    for (const summary of await p.locator(`#view-${view} details.city-figures > summary`).all()) await summary.click();
    const fields = await p.locator(`#view-${view} input[type=text]`).evaluateAll((els) => els.map((e) => e.id));
    assert.ok(fields.length > 0, view);
    for (const id of fields) {
      const name = id.replace(/^f-/, "");
      // A city's folded section of figures is unfolded again by the person if it closed.
      await p.locator(`#${id}`).evaluate((e) => { const d = e.closest("details"); if (d) d.open = true; });
      await typeInto(p, `#${id}`, samples[name] ?? "1234");
    }
    // Month pickers are changed from the keyboard too.
    for (const id of await p.locator(`#view-${view} input[type=month]`).evaluateAll((els) => els.map((e) => e.id))) {
      await p.focus(`#${id}`);
      await p.keyboard.press("ArrowUp");
      assert.equal(await p.evaluate(() => document.activeElement.id), id, `${view}: ${id} keeps the focus`);
    }
    await context.close();
  }
});

test("城市对比: clearing the wage keeps the focus; the error is beside the box, not in every city", async () => {
  const { context, p } = await open("lang=zh&view=compare&city=jining&month=2024-03&wage=5000&employer=other");
  await p.locator(".city-card").first().waitFor();
  await p.click("#f-wage");
  await p.keyboard.press("Control+A");
  await p.keyboard.press("Backspace");
  assert.equal(await p.evaluate(() => document.activeElement.id), "f-wage");
  await p.locator("#f-wage-err").filter({ hasText: "不能为空" }).waitFor();
  assert.doesNotMatch(await p.locator(".cities").innerText(), /不能为空|wage:/);
  await p.keyboard.type("8000");
  assert.equal(await p.inputValue("#f-wage"), "8000");
  // 8000 × 8% + 6 = 646.00 in 济宁
  await p.waitForFunction(() => document.querySelector('[data-city="jining"]')?.innerText.includes("646.00"));
  // Each city's boxes have their own ids.
  const ids = await p.locator("[id]").evaluateAll((els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, "no duplicate element ids");
  await context.close();
});

test("a figure supplied in one view applies in another view of the same city only, and says so", async () => {
  const { context, p } = await open("lang=zh&view=employee&city=jining&month=2024-03&wage=3000&birth=1960-05&category=male&as_of=2026-11&situation=never_enrolled&paid_months=0&pension=2800");
  await typeInto(p, "#p-jining-employee-base-floor", "3500");
  // The flexible view does not read the base floor: no box, nothing applied.
  await p.click("#tab-flexible");
  await p.locator("#view-flexible .result").waitFor();
  assert.equal(await p.locator('#view-flexible [data-param="employee.base.floor"]').count(), 0);
  // The retirement view reads it (a never-enrolled retiree's top-up base is floored at it): the box is there, saying where else it is used.
  await p.click("#tab-eligibility");
  const box = p.locator('#view-eligibility [data-param="employee.base.floor"]');
  await box.waitFor();
  assert.equal(await p.inputValue("#p-jining-employee-base-floor"), "3500");
  assert.match(await box.locator(".shared").innerText(), /在职职工/);
  // max(2800, 3500) = 3500 × 7% × 120 = 29400.00
  await p.waitForFunction(() => document.body.innerText.includes("29400.00"));
  // Another city has its own figures.
  await p.selectOption("#city", "wenzhou");
  await p.click("#tab-employee");
  await p.locator("#view-employee .result").waitFor();
  assert.equal(await p.locator("#p-wenzhou-employee-base-floor").count() ? await p.inputValue("#p-wenzhou-employee-base-floor") : "", "");
  await context.close();
});
