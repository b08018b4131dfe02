// Starts the app (all logic is in the WebAssembly module), and does the browser's part:
// the share link's copy button and share sheet, the article viewer, and offline use with
// an offer to reload when newer rules are deployed. Nothing is ever sent anywhere.
import init, * as engine from "./yibao_web.js";
import { fetchFigures, installFigures, showRefused } from "./figures.js";
import { registerOffline } from "./offline.js";

// One language at a time, from the first paint: the frame follows the link's language.
if (/(^|[#&])lang=en(&|$)/.test(location.hash)) {
  document.documentElement.lang = "en";
  for (const el of document.querySelectorAll("[data-en]")) el.textContent = el.dataset.en;
}
const en = () => document.documentElement.lang === "en";
// The site's root (this module's folder): a city's page (jining/, jining/resident/) lives
// below it and finds the shared files here.
const root = new URL("./", import.meta.url);
// A prerendered page shows its default situation until the engine has loaded; an address
// with a situation of its own (a share link) is computed only then, so the figures shown
// till that moment are greyed and say so.
const app = document.getElementById("app");
if (app?.dataset.city && location.hash.slice(1).split("&").some((p) => p.includes("=") && !p.startsWith("lang="))) {
  app.classList.add("pending");
  app.dataset.pending = en() ? "Computing the link's situation…" : "正在按链接中的数据计算…";
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
// has drawn them with the site's.
figures.then((text) => {
  if (text && app?.dataset.city && !window.__yibaoFirstResult) {
    app.classList.add("pending");
    app.dataset.pending = en() ? "Computing with this site's figures…" : "正在按本站数据计算…";
  }
});
init().then(async () => {
  const refused = await installFigures(root, engine, figures);
  engine.start();
  app?.classList.remove("pending");
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
