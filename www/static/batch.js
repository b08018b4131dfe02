// The payroll batch page. Reading, computing and exporting happen in a Web Worker
// (batch-worker.js, the same wasm code as `yibao batch`); this script shows what the worker
// reports and sends what the officer chooses. Nothing is uploaded; the column choices are
// remembered in this browser only (localStorage), by the file's header.
import { lang, t, say, money, fromHash, toHash, setupLang } from "./page-lang.js";
import { figureBoxes } from "./figure-boxes.js";
import { registerOffline } from "./offline.js";

const $ = (id) => document.getElementById(id);
const PAGE = 100;
const cell = (tag, text, label) => { const e = document.createElement(tag); e.textContent = text ?? ""; if (label) e.dataset.label = label; return e; };

// The worker, as calls that return promises; progress messages move the bars.
const worker = new Worker(new URL("./batch-worker.js", import.meta.url), { type: "module" });
let nextId = 0;
const pending = new Map();
worker.onmessage = ({ data }) => {
  if (data.type === "progress") return progress(data);
  const p = pending.get(data.id);
  pending.delete(data.id);
  if (data.ok) p?.resolve(data.value); else p?.reject(data.error);
};
const call = (type, args = {}) => new Promise((resolve, reject) => {
  const id = ++nextId;
  pending.set(id, { resolve, reject });
  worker.postMessage({ id, type, ...args });
});

let view = null;      // what the worker says about the file and the settings
let fileName = "";
let columns = {};     // field → header, as chosen
let overrides = {};   // figure id → text, as typed
let shown = false;    // results on screen
let offset = 0;

// This month in China (UTC+8), as the core's YearMonth::in_china and the calculator count it:
// a browser elsewhere must not start on last month between 00:00 and 08:00 on the 1st.
const now = new Date(Date.now() + 8 * 3600 * 1000);
$("b-month").value = fromHash("month") ?? `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
$("b-official").checked = fromHash("official") === "1";

function options() {
  const typed = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v.trim() !== ""));
  return { city: $("b-city").value, month: $("b-month").value, employer: $("b-employer").value || null, lang: lang(), overrides: typed, officialOnly: $("b-official").checked, columns };
}

function errorText(e) {
  if (e?.errors) return e.errors.map((x) => say(x.message)).join("；");
  if (e?.message) return say(e.message);
  return String(e);
}

const headerKey = (headers) => "yibao.columns." + JSON.stringify(headers);

// --- the file and its columns ---------------------------------------------------------

async function load(file) {
  fileName = file.name;
  hideResults();
  $("b-mapping").hidden = true;
  $("b-run").hidden = true;
  $("b-problems").textContent = "";
  $("b-reading").hidden = false;
  try {
    // The choice made for the last file with this header, if any: read the header first.
    columns = {};
    view = await call("open", { file, options: options() });
    const saved = localStorage.getItem(headerKey(view.headers));
    if (saved) {
      columns = JSON.parse(saved);
      view = await call("setup", { options: options() });
    }
  } catch (e) {
    view = null;
    $("b-problems").textContent = errorText(e);
    return;
  } finally {
    $("b-reading").hidden = true;
  }
  render();
}

const FIELD_NAMES = {
  employee_id: ["工号", "employee id"], name: ["姓名", "name"], wage: ["工资（缴费基数）", "wage (contribution base)"],
  employer_kind: ["单位类型", "employer kind"], deducted: ["个人实扣", "amount deducted"],
};

function renderColumns() {
  const box = $("b-columns");
  box.replaceChildren();
  for (const field of view.fields) {
    const id = `b-col-${field}`;
    const div = document.createElement("div"); div.className = "field";
    const label = cell("label", t(...FIELD_NAMES[field])); label.htmlFor = id;
    const select = document.createElement("select"); select.id = id;
    select.append(new Option(t("（无）", "(none)"), "-"));
    view.headers.forEach((h, i) => select.append(new Option(`${h || t("（空）", "(blank)")} · ${t("第", "column ")}${i + 1}${t(" 列", "")}`, h || String(i + 1))));
    const at = view.mapping?.[field];
    select.selectedIndex = at === null || at === undefined ? 0 : at + 1;
    select.addEventListener("change", async () => {
      columns = { ...columns, [field]: select.value };
      localStorage.setItem(headerKey(view.headers), JSON.stringify(columns));
      await resetup();
    });
    div.append(label, select);
    box.append(div);
  }
  $("b-column-notes").textContent = (view.mapping?.notes ?? []).map(say).join(" ");
}

// --- figures nobody published -----------------------------------------------------------

function renderFigures() {
  const boxes = figureBoxes($("b-figure-inputs"), "bf-", view.figures, overrides, (id, text) => { overrides[id] = text; resetup(); });
  for (const a of view.figures) {
    const { label, input, hint, error, field } = boxes.get(a.id);
    label.textContent = `${say(a.label)}${say(a.unit_label) ? t(`（${say(a.unit_label)}）`, ` (${say(a.unit_label)})`) : ""}${a.required ? t("，必填", ", required") : t("，可不填", ", optional")}`;
    input.setAttribute("aria-invalid", a.error ? "true" : "false");
    hint.textContent = [say(a.hint), a.reading ? say(a.reading) : "", a.set_aside ? t(`有来源给出 ${a.set_aside.value}，因“只用官方数据”未采用`, `a source gives ${a.set_aside.value}, set aside for “official figures only”`) : ""].filter(Boolean).join(" ");
    error.textContent = a.error ? say(a.error) : "";
    field.classList.toggle("invalid", Boolean(a.error));
  }
  $("b-figures").hidden = $("b-figure-inputs").children.length === 0;
}

function render() {
  if (!view) return;
  $("b-file-line").textContent = `${fileName} · ${view.format_label} · ${view.data_rows} ${t("行", "rows")}`;
  renderColumns();
  renderFigures();
  $("b-mapping").hidden = false;
  $("b-problems").textContent = view.problems.map((p) => say(p.message)).join("；");
  $("b-run").hidden = false;
  $("b-go").disabled = view.problems.length > 0;
  $("b-progress").value = 0;
  $("b-progress-text").textContent = "";
}

// New settings for the same file: the worker re-plans without reading the file again.
let setupSeq = 0;
async function resetup() {
  if (!view) return;
  const mine = ++setupSeq;
  const wasShown = shown;
  hideResults();
  try {
    const v = await call("setup", { options: options() });
    if (mine !== setupSeq) return;
    view = v;
    render();
    if (wasShown && !view.problems.length) compute();
  } catch (e) {
    $("b-problems").textContent = errorText(e);
  }
}

// --- computing ---------------------------------------------------------------------------

function progress({ phase, processed, total }) {
  if (phase === "reading") {
    $("b-read-progress").max = Math.max(total, 1);
    $("b-read-progress").value = processed;
    $("b-read-text").textContent = t("正在读取文件…", "Reading the file…");
    return;
  }
  $("b-progress").max = Math.max(total, 1);
  $("b-progress").value = processed;
  $("b-progress-text").textContent = `${processed.toLocaleString("en")} / ${total.toLocaleString("en")}`;
}

async function compute() {
  if (!view || view.problems.length) return;
  hideResults();
  $("b-go").disabled = true;
  $("b-cancel").hidden = false;
  let r;
  try {
    r = await call("run");
  } catch (e) {
    $("b-problems").textContent = errorText(e);
    return;
  } finally {
    $("b-go").disabled = false;
    $("b-cancel").hidden = true;
  }
  if (r.cancelled) {
    $("b-progress-text").textContent = t("已取消", "Cancelled");
    return;
  }
  window.__yibaoBatchMs = r.ms;
  offset = 0;
  renderTotals(r.totals);
  await renderRows();
  $("b-results").hidden = false;
  shown = true;
}

function hideResults() {
  $("b-results").hidden = true;
  shown = false;
}

// The totals' lines, words and notes are the batch's own (the CLI prints the same); the
// page lays them out.
function renderTotals(tot) {
  const table = $("b-totals");
  table.replaceChildren();
  const head = document.createElement("tr");
  tot.table.header.forEach((h, i) => head.append(cell("th", i === 0 ? "" : say(h))));
  table.append(head);
  // On a phone each line is a card, every figure with its column's name (the 合计 column
  // was off the screen at 375 px).
  const heads = tot.table.header.map(say);
  for (const x of tot.table.lines) {
    const tr = document.createElement("tr");
    tr.append(cell("th", say(x.label)), cell("td", x.rows.toLocaleString("en"), heads[1]), cell("td", money(x.employer), heads[2]), cell("td", money(x.individual), heads[3]), cell("td", money(x.total), heads[4]));
    table.append(tr);
  }
  $("b-notes").replaceChildren(...tot.table.notes.map((n) => cell("span", say(n))));
}

async function renderRows() {
  const { count, labels, money: moneyColumns, rows } = await call("rows", { filter: $("b-filter").value, offset, limit: PAGE });
  const heads = labels.map(say);
  $("b-count").textContent = `${count.toLocaleString("en")} ${t("行", "rows")}` + (count > PAGE ? ` · ${offset + 1}–${Math.min(offset + PAGE, count)}` : "");
  const table = $("b-rows");
  table.replaceChildren();
  const head = document.createElement("tr");
  for (const h of heads) head.append(cell("th", h));
  table.append(head);
  for (const r of rows) {
    const tr = document.createElement("tr");
    tr.className = r.status;
    r.cells.forEach((c, i) => tr.append(cell("td", moneyColumns.includes(i) ? money(c) : c)));
    table.append(tr);
  }
  $("b-prev").disabled = offset === 0;
  $("b-next").disabled = offset + PAGE >= count;
}

function download(data, ext, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url; a.download = `yibao-${$("b-city").value}-${$("b-month").value}.${ext}`; document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// --- wiring ------------------------------------------------------------------------------

setupLang(() => { if (view) { render(); resetup(); } fillCities(); });
let cityList = [];
function fillCities() {
  const select = $("b-city");
  const current = select.value || fromHash("city") || "jining";
  select.replaceChildren(...cityList.map((c) => new Option(say(c.name), c.id, false, c.id === current)));
}
cityList = await call("cities");
fillCities();

$("b-file").addEventListener("change", (e) => e.target.files[0] && load(e.target.files[0]));
const drop = $("b-drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); if (e.dataTransfer.files[0]) load(e.dataTransfer.files[0]); });
$("b-city").addEventListener("change", () => {
  toHash("city", $("b-city").value);
  // Another city's figures do not carry over.
  overrides = {};
  $("b-figure-inputs").replaceChildren();
  resetup();
});
$("b-month").addEventListener("change", () => { toHash("month", $("b-month").value); resetup(); });
$("b-employer").addEventListener("change", resetup);
$("b-official").addEventListener("change", () => { toHash("official", $("b-official").checked); resetup(); });
$("b-go").addEventListener("click", compute);
$("b-cancel").addEventListener("click", () => call("cancel"));
$("b-filter").addEventListener("change", () => { offset = 0; renderRows(); });
$("b-prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); renderRows(); });
$("b-next").addEventListener("click", () => { offset += PAGE; renderRows(); });
$("b-csv").addEventListener("click", async () => download(await call("csv"), "csv", "text/csv;charset=utf-8"));
$("b-xlsx").addEventListener("click", async () => {
  try { download(await call("xlsx"), "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"); } catch (e) { $("b-problems").textContent = errorText(e); }
});
document.body.dataset.ready = "true";
registerOffline(() => lang() === "en");
