// The fund page. Every figure comes from the core (yibao_js.fund); this script only renders
// tables and an SVG chart from them.
import init, * as api from "./yibao_js.js";

await init();
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const overrides = {};
const cell = (tag, text) => { const e = document.createElement(tag); e.textContent = text ?? ""; return e; };

$("f-data").value = "年度,县区,收入,支出,期初结余,上年收入\n2024,A县,1100000,1000000,10000,1000000\n2024,B区,500000,480000,5000,500000\n2025,A县,1100000,2300000,,\n2025,B区,500000,450000,,\n";
for (const c of api.cities()) {
  if (Object.keys(api.parameters(c.id)).includes("fund.deficit.method")) $("f-city").append(new Option(`${c.name.zh} ${c.name.en}`, c.id, false, c.id === "huanggang"));
}

function request() {
  return { city: $("f-city").value, rows: api.fundRowsFromCsv($("f-data").value), overrides };
}

function figureInputs(missing) {
  for (const m of missing) {
    const id = `ff-${m.id.replaceAll(".", "-")}`;
    if (document.getElementById(id)) continue;
    const div = document.createElement("div"); div.className = "field";
    const label = cell("label", `${m.label.zh} ${m.label.en} (${m.unit})`); label.htmlFor = id;
    const input = document.createElement("input"); input.id = id; input.type = "text"; input.inputMode = "decimal";
    input.addEventListener("input", () => { overrides[m.id] = input.value; render(); });
    div.append(label, input, cell("small", `${m.hint.zh} ${m.hint.en}`));
    $("f-figure-inputs").append(div);
  }
  $("f-figures").hidden = false;
}

function render() {
  $("f-error").textContent = "";
  let r;
  try { r = api.fund(request()); } catch (e) {
    $("f-results").hidden = true;
    if (e.kind === "missing_figures") { figureInputs(e.missing); $("f-error").textContent = "需要未公布的数据 / needs: " + e.missing.map((m) => m.id).join(", "); }
    else $("f-error").textContent = (e.errors ?? []).map((x) => `${x.field}: ${x.message.zh} / ${x.message.en}`).join("; ");
    return;
  }
  $("f-remit").replaceChildren(...r.remittances.map((m) => cell("p", `${m.county}：${m.label.zh} / ${m.label.en} ${m.amount}（截止 due ${m.due ?? "—"}）`)));
  const t = $("f-table");
  t.replaceChildren();
  const head = document.createElement("tr");
  for (const h of ["年度 year", "县区 county", "收入 revenue", "支出 expenditure", "储备金 reserve", "结余/缺口 result", "由谁弥补 covered by", "年末结余 closing"]) head.append(cell("th", h));
  t.append(head);
  for (const y of r.years) {
    for (const c of y.counties) {
      const tr = document.createElement("tr");
      const by = c.covered_by.map((x) => `${x.label.zh} ${x.amount}`).concat(c.policy_adjustment ? [`须调整政策 policy adjustment ${c.policy_adjustment}`] : []).join("；");
      tr.append(cell("td", y.year), cell("td", c.county), cell("td", c.revenue), cell("td", c.expenditure), cell("td", c.reserve_levy), cell("td", c.result), cell("td", by), cell("td", c.closing_balance));
      if (c.result.startsWith("-")) tr.className = "mismatch";
      t.append(tr);
    }
    const tr = document.createElement("tr");
    const warn = y.warnings.map((w) => `${w.raised ? "⚠" : "✓"} ${w.label.zh} ${w.value}（${w.threshold}）`).join("；");
    const reserve = y.reserve ? `储备金 reserve ${y.reserve.drawn_adjustment} + ${y.reserve.drawn_pooling}${y.reserve.capped ? "（达到上限 capped）" : ""}` : "";
    const summary = cell("td", `${y.year} 合计 total: ${y.revenue} / ${y.expenditure}; 累计结余 accumulated ${y.accumulated_surplus}; ${reserve} ${warn}`);
    summary.colSpan = 8;
    tr.append(summary);
    tr.className = "year-summary";
    t.append(tr);
  }
  chart(r);
  $("f-steps").replaceChildren(...r.explanation.steps.map((s) => cell("li", `${s.label.zh}：${s.formula.zh} — ${s.cites.map((c) => c.source ? `${c.source.document.number ?? c.source.document.title} ${c.source.article}` : c.value).join("; ")}`)));
  $("f-results").hidden = false;
}

// Accumulated surplus per year against the six-months line; the reserve balance beside it.
function chart(r) {
  const W = 320, H = 180, L = 56, B = 24;
  const vals = r.years.flatMap((y) => {
    const six = y.warnings.find((w) => w.line === "months_of_payments");
    const line = six ? Number(y.expenditure) * Number(six.threshold) / 12 : 0;
    return [Number(y.accumulated_surplus), line, y.reserve ? Number(y.reserve.adjustment_balance) + Number(y.reserve.pooling_balance) : 0];
  });
  const max = Math.max(1, ...vals);
  const n = r.years.length;
  const x = (i) => L + (i + 0.5) * (W - L - 8) / n;
  const y = (v) => (H - B) - v / max * (H - B - 12);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "累计结余与预警线 accumulated surplus and the warning line, by year");
  const el = (name, attrs, text) => { const e = document.createElementNS(SVG, name); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text) e.textContent = text; svg.append(e); return e; };
  el("line", { class: "axis", x1: L, y1: H - B, x2: W - 8, y2: H - B });
  el("line", { class: "axis", x1: L, y1: 10, x2: L, y2: H - B });
  el("text", { class: "tick", x: L - 4, y: 16, "text-anchor": "end" }, String(Math.round(max)));
  r.years.forEach((yr, i) => {
    const bw = Math.max(4, (W - L - 8) / n / 3);
    el("rect", { class: "paying", x: x(i) - bw, y: y(Number(yr.accumulated_surplus)), width: bw, height: Math.max(0, H - B - y(Number(yr.accumulated_surplus))) });
    if (yr.reserve) {
      const rb = Number(yr.reserve.adjustment_balance) + Number(yr.reserve.pooling_balance);
      el("rect", { class: "reserve", x: x(i), y: y(rb), width: bw, height: Math.max(0, H - B - y(rb)) });
    }
    const six = yr.warnings.find((w) => w.line === "months_of_payments");
    if (six) {
      const v = Number(yr.expenditure) * Number(six.threshold) / 12;
      el("line", { class: "warning-line", x1: x(i) - bw * 1.5, x2: x(i) + bw * 1.5, y1: y(v), y2: y(v) });
    }
    el("text", { class: "tick", x: x(i), y: H - 8, "text-anchor": "middle" }, String(yr.year));
  });
  const fig = $("f-chart");
  fig.replaceChildren(svg, cell("figcaption", "蓝：累计结余 blue: accumulated surplus · 灰：风险储备金 grey: risk reserve · 红线：6 个月待遇支付预警线 red line: six months of payments"));
}

$("f-city").addEventListener("change", render);
$("f-data").addEventListener("input", render);
$("f-file").addEventListener("change", async (e) => { if (e.target.files[0]) { $("f-data").value = await e.target.files[0].text(); render(); } });
$("f-csv").addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([api.fundTableCsv(request(), "zh")], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a"); a.href = url; a.download = "yibao-fund.csv"; document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
render();
document.body.dataset.ready = "true";
