// Starts the app (all logic is in the WebAssembly module), and does the browser's part:
// the share link's copy button and share sheet, the article viewer, and offline use with
// an offer to reload when newer rules are deployed. Nothing is ever sent anywhere.
import init, * as engine from "./yibao_web.js";
import { fetchFigures, installFigures, showRefused } from "./figures.js";
import { registerOffline } from "./offline.js";

const en = () => document.documentElement.lang === "en";
// The site's root (this module's folder): a city's page (jining/, jining/resident/) lives
// below it and finds the shared files here.
const root = new URL("./", import.meta.url);
const app = document.getElementById("app");
// The links to every city's page, made whole while the address is the page's own: the
// engine moves the address with what is shown (…/wenzhou/resident/), and a relative link
// would move with it.
for (const a of document.querySelectorAll("nav.pages a[href]")) a.setAttribute("href", a.href);

// A prerendered page can be typed into before the engine has arrived: what the person
// changed there (a box, a choice, a tab, the language) is noted, in order, and done again
// once the engine is alive, so nothing typed is lost or half kept.
const early = [];
const note = (event) => {
  const el = event.target;
  if (!el?.id || el.id === "share") return;
  const i = early.findIndex((e) => e.id === el.id && e.type !== "click");
  if (i >= 0 && event.type !== "click") early.splice(i, 1);
  early.push({ id: el.id, type: event.type === "click" ? "click" : "set", value: el.value, checked: el.checked });
};
const noteClick = (event) => {
  const b = event.target.closest?.(".tabs .tab, button.lang");
  if (b && !b.id && b.classList.contains("lang")) b.id = "lang-" + b.lang;
  if (b) note({ type: "click", target: b });
};
if (app?.dataset.city) {
  app.addEventListener("input", note, true);
  app.addEventListener("change", note, true);
  app.addEventListener("click", noteClick, true);
}
function replay() {
  app.removeEventListener("input", note, true);
  app.removeEventListener("change", note, true);
  app.removeEventListener("click", noteClick, true);
  for (const e of early) {
    const el = e.type === "click" && e.id.startsWith("lang-")
      ? app.querySelector(`button.lang[lang="${e.id.slice(5)}"]`)
      : document.getElementById(e.id);
    if (!el) continue;
    if (e.type === "click") { el.click(); continue; }
    if (el.type === "checkbox") el.checked = e.checked; else el.value = e.value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

/** Resolves once the engine's first rendering is on screen (`<main data-ready>`). */
function alive() {
  return new Promise((resolve) => {
    const done = () => document.querySelector("main[data-ready=true]");
    if (done()) return resolve();
    new MutationObserver((_, o) => { if (done()) { o.disconnect(); resolve(); } })
      .observe(app ?? document.body, { subtree: true, attributes: true, attributeFilter: ["data-ready"], childList: true });
  });
}

// The rules' quotes and notes are not in the first load (it carries the figures only):
// they are fetched once the first result is on screen, and the citations then show them.
window.yibaoText = (key, field) => window.yibaoTexts?.[key]?.[field];
async function loadTexts() {
  try {
    const response = await fetch(new URL("rules-texts.json", root));
    if (!response.ok) return;
    window.yibaoTexts = await response.json();
    window.dispatchEvent(new Event("yibao-texts"));
  } catch {
    // Offline before the first visit cached it: the citations keep document and article.
  }
}

const started = performance.now();
// A site's own figures file, fetched beside the engine and installed before the first result.
const figures = fetchFigures(root);
// A site's figures are not in the prerendered page: its figures are greyed until the engine
// has drawn them with the site's (early.js greys them for a share link or another month).
figures.then((text) => {
  if (text && app?.dataset.city && !window.__yibaoFirstResult) {
    document.documentElement.classList.add("pending", "pending-site");
  }
});
init().then(async () => {
  const refused = await installFigures(root, engine, figures);
  engine.start();
  if (app?.dataset.city) {
    await alive();
    replay();
    // The replayed changes drawn (the engine renders them in a microtask) before the page
    // is shown as current.
    await new Promise((r) => requestAnimationFrame(() => r()));
  }
  document.documentElement.classList.remove("pending", "pending-link", "pending-month", "pending-site", "pending-en");
  if (refused) showRefused(document.body, refused, en());
  // For the browser benchmark: time from navigation start to the first rendered result.
  window.__yibaoFirstResult = performance.now();
  window.__yibaoInitMs = performance.now() - started;
  loadTexts();
});

// The share link: copy what the box holds (what is on screen), or open the share sheet.
document.addEventListener("click", async (event) => {
  const copy = event.target.closest("#copy-link");
  const share = event.target.closest("#share-link");
  const box = document.getElementById("share");
  if (copy && box) {
    box.select();
    try {
      await navigator.clipboard.writeText(box.value);
    } catch {
      document.execCommand("copy");
    }
    const label = copy.textContent;
    copy.textContent = copy.dataset.done;
    setTimeout(() => { copy.textContent = label; }, 1500);
  } else if (share && box && navigator.share) {
    navigator.share({ title: share.dataset.title, url: box.value }).catch(() => {});
  }
});
// Show the share button where the browser has a share sheet.
new MutationObserver(() => {
  const b = document.getElementById("share-link");
  if (b && navigator.share) b.hidden = false;
}).observe(document.body, { childList: true, subtree: true });

// The article a step cites, opened from the document's full text (rules/sources/).
// A picture of the result, and a printout (picture.js, loaded on first use).
document.addEventListener("click", (event) => {
  if (event.target.closest("#print-result")) { window.print(); return; }
  if (!event.target.closest("#save-picture")) return;
  const city = document.getElementById("city")?.value ?? "city";
  const view = document.querySelector(".tabs [aria-current=page]")?.id?.replace(/^tab-/, "") ?? "view";
  import("./picture.js").then((m) => m.savePicture(`yibao-${city}-${view}-${new Date().toISOString().slice(0, 10)}.png`));
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.open-source");
  if (!button) return;
  const { doc, quote } = button.dataset;
  let text;
  try {
    const response = await fetch(new URL(`sources/${doc}.txt`, root));
    if (!response.ok) throw new Error(String(response.status));
    text = await response.text();
  } catch {
    button.textContent = en() ? "The text could not be loaded" : "原文无法加载";
    return;
  }
  showArticle(button, text, quote);
});

// The paragraph holding the quote's first part (quotes join parts with …), the part marked.
function showArticle(button, text, quote) {
  const part = quote.split(/…+|；/).map((p) => p.trim()).find((p) => p.length >= 4) ?? quote;
  const squash = (s) => s.replace(/\s+/g, "");
  const lines = text.split("\n");
  const line = lines.find((l) => squash(l).includes(squash(part))) ?? "";
  const dialog = document.createElement("dialog");
  dialog.className = "article";
  const p = document.createElement("p");
  p.lang = "zh-CN";
  const at = line.indexOf(part);
  if (at >= 0) {
    const mark = document.createElement("mark");
    mark.textContent = part;
    p.append(line.slice(0, at), mark, line.slice(at + part.length));
  } else {
    p.textContent = line || (en() ? "The quoted text was not found in the document." : "未在原文中找到引文。");
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = en() ? "Close" : "关闭";
  close.addEventListener("click", () => { dialog.close(); dialog.remove(); });
  dialog.append(p, close);
  button.after(dialog);
  dialog.showModal();
}

// Offline after the first visit, as on every page (offline.js).
registerOffline(en);
