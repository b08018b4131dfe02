// The payroll batch page. All reading, computing and exporting is done by the wasm
// module (the same code as `yibao batch`); this script only moves data to the page.
import init, { PayrollBatch } from "./yibao_batch.js";
import initApi, * as api from "./yibao_js.js";

await Promise.all([init(), initApi()]);
const $ = (id) => document.getElementById(id);
const PAGE = 100;
let bytes = null, fileName = "", batch = null, offset = 0;
const overrides = {};

const now = new Date();
$("b-month").value = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
for (const c of api.cities()) $("b-city").append(new Option(`${c.name.zh} ${c.name.en}`, c.id, false, c.id === "jining"));

const lang = () => $("b-lang").value;
const say = (t) => (t ? (lang() === "en" ? t.en : t.zh) : "");
const cell = (tag, text) => { const e = document.createElement(tag); e.textContent = text ?? ""; return e; };

function showError(e) {
  if (!e) { $("b-error").textContent = ""; return; }
  if (e.kind === "missing_figures") {
    $("b-error").textContent = (lang() === "en" ? "Figures nobody published are needed: " : "需要未公布的数据：") + e.missing.map((m) => say(m.label)).join(", ");
    figureInputs(e.missing);
  } else if (e.errors) {
    $("b-error").textContent = e.errors.map((x) => `${x.field}: ${say(x.message)}`).join("; ");
  } else {
    $("b-error").textContent = String(e);
  }
}

function figureInputs(missing) {
  const box = $("b-figure-inputs");
  for (const m of missing) {
    const id = `bf-${m.id.replaceAll(".", "-")}`;
    if (document.getElementById(id)) continue;
    const div = document.createElement("div"); div.className = "field";
    const label = cell("label", `${m.label.zh} ${m.label.en} (${m.unit})`); label.htmlFor = id;
    const input = document.createElement("input"); input.id = id; input.type = "text"; input.inputMode = "decimal";
    input.addEventListener("input", () => { overrides[m.id] = input.value; prepare(); });
    div.append(label, input, cell("small", `${m.hint.zh} ${m.hint.en}`));
    box.append(div);
  }
  $("b-figures").hidden = false;
}

function options() {
  return { city: $("b-city").value, month: $("b-month").value, employer: $("b-employer").value || null, lang: lang(), overrides };
}

// Reads the header and shows the column mapping before anything is computed.
function prepare() {
  $("b-results").hidden = true;
  $("b-mapping").hidden = true;
  $("b-run").hidden = true;
  showError(null);
  if (!bytes) return;
  try {
    batch = PayrollBatch.open(bytes, options());
  } catch (e) { batch = null; showError(e); return; }
  const m = batch.mapping();
  const name = (i) => (i === null || i === undefined ? "—" : `${m.headers[i]} (${i + 1})`);
  const sec = $("b-mapping");
  sec.replaceChildren(cell("h2", "列映射 Column mapping"));
  const dl = document.createElement("dl");
  for (const [k, i] of [["工号 employee id", m.employee_id], ["工资 wage", m.wage], ["单位类型 employer kind", m.employer_kind], ["实扣 deducted", m.deducted]]) {
    dl.append(cell("dt", k), cell("dd", name(i)));
  }
  sec.append(cell("p", `${fileName} · ${m.format} · ${m.data_rows} 行 rows`), dl);
  sec.hidden = false;
  $("b-run").hidden = false;
  $("b-progress").value = 0;
  $("b-progress-text").textContent = "";
}

// Computes in slices, so the progress bar moves on large files.
async function compute() {
  if (!batch) return;
  const started = performance.now();
  let p;
  do {
    p = batch.step(20000);
    $("b-progress").max = Math.max(p.total, 1);
    $("b-progress").value = p.processed;
    $("b-progress-text").textContent = `${p.processed} / ${p.total}`;
    await new Promise((r) => setTimeout(r, 0));
  } while (!p.done);
  window.__yibaoBatchMs = performance.now() - started;
  offset = 0;
  renderTotals();
  renderRows();
  $("b-results").hidden = false;
}

function renderTotals() {
  const t = batch.totals();
  const table = $("b-totals");
  table.replaceChildren();
  const head = document.createElement("tr");
  for (const h of ["", "人数 rows", "单位 employer", "个人 individual", "合计 total"]) head.append(cell("th", h));
  table.append(head);
  for (const [name, x] of [["机关事业单位 public body", t.public_body], ["其他单位 other", t.other], ["全部 all", t.overall]]) {
    const tr = document.createElement("tr");
    tr.append(cell("th", name), cell("td", x.rows), cell("td", x.employer), cell("td", x.individual), cell("td", x.total));
    table.append(tr);
  }
  let notes = `出错行 failed rows: ${t.failed_rows} · 扣款不符 mismatched: ${t.mismatched_rows}`;
  if (t.user_supplied.length) notes += ` · 用户提供 user-supplied: ${t.user_supplied.join(", ")}`;
  if (t.not_known.length) notes += ` · 未公布 not published: ${t.not_known.join(", ")}`;
  $("b-notes").textContent = notes;
}

const COLUMNS = [["row", "行号 row"], ["employee_id", "工号 id"], ["employer_kind", "单位类型 kind"], ["base", "基数 base"], ["employer_total", "单位 employer"],
  ["individual_total", "个人 individual"], ["deducted", "实扣 deducted"], ["difference", "差额 difference"], ["status", "状态 status"], ["column", "出错列 column"], ["reason", "原因 reason"]];

function renderRows() {
  const { count, rows } = batch.rows($("b-filter").value, offset, PAGE);
  $("b-count").textContent = `${count} 行 rows` + (count > PAGE ? ` · ${offset + 1}–${Math.min(offset + PAGE, count)}` : "");
  const table = $("b-rows");
  table.replaceChildren();
  const head = document.createElement("tr");
  for (const [, h] of COLUMNS) head.append(cell("th", h));
  table.append(head);
  for (const r of rows) {
    const tr = document.createElement("tr");
    tr.className = r.status;
    for (const [k] of COLUMNS) tr.append(cell("td", k === "reason" ? say(r.reason) : r[k]));
    table.append(tr);
  }
  $("b-prev").disabled = offset === 0;
  $("b-next").disabled = offset + PAGE >= count;
}

function download(data, name, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url; a.download = name; document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function load(file) {
  fileName = file.name;
  bytes = new Uint8Array(await file.arrayBuffer());
  prepare();
}

$("b-file").addEventListener("change", (e) => e.target.files[0] && load(e.target.files[0]));
const drop = $("b-drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); if (e.dataTransfer.files[0]) load(e.dataTransfer.files[0]); });
for (const id of ["b-city", "b-month", "b-employer", "b-lang"]) $(id).addEventListener("change", prepare);
$("b-go").addEventListener("click", compute);
$("b-filter").addEventListener("change", () => { offset = 0; renderRows(); });
$("b-prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); renderRows(); });
$("b-next").addEventListener("click", () => { offset += PAGE; renderRows(); });
$("b-csv").addEventListener("click", () => download(batch.csv(), "yibao-results.csv", "text/csv;charset=utf-8"));
$("b-xlsx").addEventListener("click", () => download(batch.xlsx(), "yibao-results.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
document.body.dataset.ready = "true";
