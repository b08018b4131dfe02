// The payroll batch, off the page's thread: a million rows are read and computed here while
// the page stays responsive, with progress and cancel. All the work is the wasm module's
// (the same code as `yibao batch`); this script moves messages. The file never leaves the
// browser. Messages in: {id, type, ...}; out: {id, ok, value} or {id, ok: false, error},
// and {type: "progress", phase, processed, total} while a run goes on.
import init, { PayrollBatch, cities } from "./yibao_batch.js";
import { decodeText, isXlsx } from "./text-file.js";

const ready = init();
let batch = null;
let runId = 0; // a newer run or a cancel makes an older run stop at its next slice
const SLICE = 50000;

// The workbook module is loaded only when an .xlsx is opened or exported.
let xlsx = null;
async function workbooks() {
  if (!xlsx) {
    try {
      const m = await import("./yibao_xlsx.js");
      await m.default();
      xlsx = m;
    } catch {
      // Offline before the module was ever fetched, or the network failed: said in words,
      // in both languages, rather than the browser's own message.
      throw { message: {
        zh: "无法加载 Excel 模块（可能已离线，且本机尚未保存过它）：请联网后重试，或改用 CSV",
        en: "the Excel module could not be loaded (offline, and not saved on this device before): try again online, or use CSV",
      } };
    }
  }
  return xlsx;
}

// Lets cancel messages in between slices (a macrotask: setTimeout would be clamped).
const breathe = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });

const handlers = {
  cities: () => cities(),
  async open({ file, options }) {
    batch?.free();
    batch = null;
    postMessage({ type: "progress", phase: "reading", processed: 0, total: file.size });
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text, format;
    if (isXlsx(bytes)) {
      ({ text } = { text: (await workbooks()).sheetToCsv(bytes) });
      format = "xlsx";
    } else {
      ({ text, format } = decodeText(bytes));
    }
    postMessage({ type: "progress", phase: "reading", processed: file.size, total: file.size });
    batch = PayrollBatch.open(new TextEncoder().encode(text), { ...options, format });
    return batch.view();
  },
  setup({ options }) {
    runId++;
    batch.setup(options);
    return batch.view();
  },
  async run() {
    const mine = ++runId;
    const started = performance.now();
    batch.restart();
    let p;
    do {
      p = batch.step(SLICE);
      postMessage({ type: "progress", phase: "computing", processed: p.processed, total: p.total });
      await breathe();
      if (mine !== runId) return { cancelled: true };
    } while (!p.done);
    return { cancelled: false, ms: performance.now() - started, totals: batch.totals() };
  },
  cancel() { runId++; return true; },
  rows({ filter, offset, limit }) { return batch.rows(filter, offset, limit); },
  csv() { return batch.csv(); },
  async xlsx() { return (await workbooks()).workbook(batch.sheets()); },
};

onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    await ready;
    const value = await handlers[type](data);
    postMessage({ id, ok: true, value });
  } catch (error) {
    postMessage({ id, ok: false, error: error instanceof Error ? { message: { zh: String(error), en: String(error) } } : error });
  }
};
