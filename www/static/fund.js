// The fund page. Every figure comes from the core (yibao_js.fund); this script renders the
// tables and an SVG chart from them, in one language at a time. Files are decoded here (UTF-8
// or GBK, by the same rule as the batch) and read by the same reader as payroll files.
import init, * as api from "./yibao_js.js";
import { lang, t, say, money, fromHash, toHash, setupLang } from "./page-lang.js";
import { decodeText } from "./text-file.js";
import { figureBoxes } from "./figure-boxes.js";
import { registerOffline } from "./offline.js";

await init();
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
let overrides = {};
const cell = (tag, text, label) => { const e = document.createElement(tag); e.textContent = text ?? ""; if (label) e.dataset.label = label; return e; };

$("f-data").value = "年度,县区,收入,支出,期初结余,上年收入\n2024,A县,\"1,100,000\",1000000,10000,1000000\n2024,B区,500000,480000,5000,500000\n2025,A县,1100000,2300000,,\n2025,B区,500000,450000,,\n";
$("f-official").checked = fromHash("official") === "1";
const fundCities = api.cities().filter((c) => c.has_fund_rules);
function fillCities() {
  const current = $("f-city").value || fromHash("city") || "huanggang";
  const chosen = fundCities.some((c) => c.id === current) ? current : "huanggang";
  $("f-city").replaceChildren(...fundCities.map((c) => new Option(say(c.name), c.id, false, c.id === chosen)));
}
fillCities();

function request() {
  const typed = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v.trim() !== ""));
  return { city: $("f-city").value, rows: api.fundRowsFromCsv($("f-data").value), overrides: typed, officialOnly: $("f-official").checked };
}

// Where an error is, as the core says it: a cell of the figures (its line and column, named
// in both languages: 第 2 行「收入」), a typed figure (its message is beside its box and names
// the figure), or another field of the page.
function fieldName(x) {
  if (x.figure) return "";
  if (x.cell) return t(`第 ${x.cell.line} 行「${x.cell.label.zh}」`, `row ${x.cell.line}: ${x.cell.label.en}`);
  const words = { rows: t("数据", "figures"), city: t("城市", "city"), file: t("文件", "file") };
  return words[x.field] ?? x.field ?? "";
}

// Boxes for every figure the chosen city has not published that its articles could need,
// as the core decides them (the calculator's and the batch page's too): all of them from the
// start, so none appears under the fingers; each with how what was typed is read ("0.5" in a
// box for a percentage is 50%) or why it is refused, beside it.
function figureInputs() {
  let rows = [];
  try { rows = api.fundRowsFromCsv($("f-data").value); } catch { rows = []; }
  let asks = [];
  try { asks = api.figureBoxes({ kind: "fund", city: $("f-city").value, rows, overrides: overrides, officialOnly: $("f-official").checked }); } catch { asks = []; }
  const boxes = figureBoxes($("f-figure-inputs"), "ff-", asks, overrides, (id, text) => { overrides[id] = text; render(); });
  for (const m of asks) {
    const { label, hint, error, input, field } = boxes.get(m.id);
    label.textContent = `${say(m.label)}${say(m.unit_label) ? t(`（${say(m.unit_label)}）`, ` (${say(m.unit_label)})`) : ""}`;
    const problem = m.error ? say(m.error) : "";
    hint.textContent = [say(m.hint), m.reading ? say(m.reading) : ""].filter(Boolean).join(" ");
    error.textContent = problem;
    input.setAttribute("aria-invalid", problem ? "true" : "false");
    field.classList.toggle("invalid", Boolean(problem));
  }
  $("f-figures").hidden = $("f-figure-inputs").children.length === 0;
}

function showError(e) {
  $("f-results").hidden = true;
  if (e.kind === "missing_figures") {
    $("f-error").textContent = t("需要本市未公布的数据，请在上方填写：", "This city has not published figures this needs; enter them above: ") + e.missing.map((m) => say(m.label)).join(t("、", "; "));
    return;
  }
  const errors = e.errors ?? [{ field: "", message: { zh: String(e), en: String(e) } }];
  $("f-error").textContent = errors.map((x) => [fieldName(x), say(x.message)].filter(Boolean).join(t("：", ": "))).join(t("；", "; "));
}

function render() {
  $("f-error").textContent = "";
  figureInputs();
  let r, account;
  try { r = api.fund(request()); account = api.fundTable(request()); } catch (e) { showError(e); return; }
  // The account's rows and words are the core's (the command line prints the same rows);
  // this page only lays them out.
  $("f-remit").replaceChildren(...account.before.map((line) => cell("p", say(line))));
  table(account);
  $("f-notes").replaceChildren(...account.after.map((line) => cell("li", say(line))));
  chart(r);
  // Each step with the articles it rests on, each named once.
  const cites = (s) => [...new Set(s.cites.filter((c) => c.source).map((c) => `${c.source.document.number ?? say(c.source.document.title)} ${c.source.article}`))];
  $("f-steps").replaceChildren(...r.explanation.steps.map((s) => {
    const where = cites(s);
    return cell("li", `${say(s.label)}${t("：", ": ")}${say(s.formula)}${where.length ? " — " + where.join(t("；", "; ")) : ""}`);
  }));
  $("f-results").hidden = false;
}

const ROW_CLASS = { deficit: "mismatch", city_pool: "city-pool", year: "year-summary" };
function table(account) {
  const heads = account.header.map(say);
  const tbl = $("f-table");
  tbl.replaceChildren();
  const head = document.createElement("tr");
  for (const h of heads) head.append(cell("th", h));
  tbl.append(head);
  for (const row of account.rows) {
    const tr = document.createElement("tr");
    // A year's summary is one cell with no column of its own (no label on a phone).
    row.cells.forEach((c, i) => tr.append(cell("td", say(c), row.cells.length === 1 ? undefined : heads[i])));
    // A year's summary is one cell across the table.
    if (row.cells.length === 1) tr.firstChild.colSpan = heads.length;
    if (ROW_CLASS[row.kind]) tr.className = ROW_CLASS[row.kind];
    tbl.append(tr);
  }
}

// Accumulated surplus per year against the six-months line; the reserve balance beside it.
function chart(r) {
  const W = 320, H = 180, L = 64, B = 24;
  const vals = r.years.flatMap((y) => {
    // The line's amount as the core computed it (months × the year's payments ÷ 12).
    const six = y.warnings.find((w) => w.line === "months_of_payments");
    const line = six ? Number(six.threshold_amount) : 0;
    return [Number(y.accumulated_surplus), line, y.reserve ? Number(y.reserve.adjustment_balance) + Number(y.reserve.pooling_balance) : 0];
  });
  const max = Math.max(1, ...vals);
  const n = r.years.length;
  const x = (i) => L + (i + 0.5) * (W - L - 8) / n;
  const y = (v) => (H - B) - Math.max(0, v) / max * (H - B - 12);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("累计结余与预警线，按年度（元）", "accumulated surplus and the warning line, by year (yuan)"));
  const el = (name, attrs, text) => { const e = document.createElementNS(SVG, name); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text) e.textContent = text; svg.append(e); return e; };
  el("line", { class: "axis", x1: L, y1: H - B, x2: W - 8, y2: H - B });
  el("line", { class: "axis", x1: L, y1: 10, x2: L, y2: H - B });
  el("text", { class: "tick", x: L - 4, y: 16, "text-anchor": "end" }, `${money(String(Math.round(max)))} ${t("元", "yuan")}`);
  el("text", { class: "tick", x: L - 4, y: H - B, "text-anchor": "end" }, "0");
  r.years.forEach((yr, i) => {
    const bw = Math.max(4, (W - L - 8) / n / 3);
    const acc = Number(yr.accumulated_surplus);
    el("rect", { class: "paying", x: x(i) - bw, y: y(acc), width: bw, height: Math.max(0, H - B - y(acc)) });
    if (yr.reserve) {
      const rb = Number(yr.reserve.adjustment_balance) + Number(yr.reserve.pooling_balance);
      el("rect", { class: "reserve", x: x(i), y: y(rb), width: bw, height: Math.max(0, H - B - y(rb)) });
    }
    const six = yr.warnings.find((w) => w.line === "months_of_payments");
    if (six) {
      const v = Number(six.threshold_amount);
      el("line", { class: "warning-line", x1: x(i) - bw * 1.5, x2: x(i) + bw * 1.5, y1: y(v), y2: y(v) });
    }
    el("text", { class: "tick", x: x(i), y: H - 8, "text-anchor": "middle" }, String(yr.year));
  });
  const months = r.years.flatMap((y) => y.warnings).find((w) => w.line === "months_of_payments")?.threshold;
  const line = months ? t(` · 红线：${months} 个月待遇支付预警线`, ` · red line: ${months} months of payments`) : "";
  $("f-chart").replaceChildren(svg, cell("figcaption", t("蓝：年末累计结余（为负时不画）· 灰：风险储备金", "blue: accumulated surplus at year end (not drawn when negative) · grey: risk reserve") + line));
}

async function loadFile(file) {
  try {
    $("f-data").value = decodeText(new Uint8Array(await file.arrayBuffer())).text;
    render();
  } catch (e) { showError(e); }
}

setupLang(() => { fillCities(); render(); });
$("f-city").addEventListener("change", () => {
  toHash("city", $("f-city").value);
  // Another city's figures do not carry over.
  overrides = {};
  $("f-figure-inputs").replaceChildren();
  render();
});
$("f-official").addEventListener("change", () => { toHash("official", $("f-official").checked); render(); });
$("f-data").addEventListener("input", render);
$("f-file").addEventListener("change", (e) => { if (e.target.files[0]) loadFile(e.target.files[0]); });
$("f-csv").addEventListener("click", () => {
  let data;
  try { data = api.fundTableCsv(request(), lang()); } catch (e) { showError(e); return; }
  const url = URL.createObjectURL(new Blob([data], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a"); a.href = url; a.download = `yibao-fund-${$("f-city").value}.csv`; document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
render();
document.body.dataset.ready = "true";
registerOffline(() => lang() === "en");
