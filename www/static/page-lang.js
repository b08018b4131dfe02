// The batch and fund pages' settings that travel in the address, as the calculator's do:
// `#lang=en`, `official=1`, `city=…` (the calculator's links carry them). One language at a
// time: the page's own text is Chinese, and every element with `data-en` shows that text
// instead in English. Nothing here leaves the browser.
const params = () => new URLSearchParams(location.hash.slice(1));

export const lang = () => (document.documentElement.lang === "en" ? "en" : "zh");
/** Chinese or English, by the page's language. */
export const t = (zh, en) => (lang() === "en" ? en : zh);
/** A core text `{zh, en}` in the page's language. */
export const say = (text) => (text ? text[lang()] ?? "" : "");
export const fromHash = (key) => params().get(key);

/** Keeps a setting in the address, so a reload or a bookmark keeps it. */
export function toHash(key, value) {
  const p = params();
  if (value === null || value === "" || value === false) p.delete(key); else p.set(key, value === true ? "1" : value);
  history.replaceState(null, "", `#${p}`);
}

function apply(l) {
  document.documentElement.lang = l === "en" ? "en" : "zh-CN";
  for (const e of document.querySelectorAll("[data-en]")) {
    if (e.dataset.zh === undefined) e.dataset.zh = e.textContent;
    e.textContent = l === "en" ? e.dataset.en : e.dataset.zh;
  }
  for (const e of document.querySelectorAll("[data-en-label]")) {
    if (e.dataset.zhLabel === undefined) e.dataset.zhLabel = e.getAttribute("aria-label") ?? "";
    e.setAttribute("aria-label", l === "en" ? e.dataset.enLabel : e.dataset.zhLabel);
  }
  for (const b of document.querySelectorAll("button.lang")) b.setAttribute("aria-pressed", String(b.dataset.lang === l));
  // The way back to the calculator keeps the language.
  for (const a of document.querySelectorAll("a.home")) a.href = l === "en" ? "./#lang=en" : "./";
}

/** Sets the page's language from the address and wires the 中文/English buttons. */
export function setupLang(onChange) {
  apply(fromHash("lang") === "en" ? "en" : "zh");
  for (const b of document.querySelectorAll("button.lang")) {
    b.addEventListener("click", () => {
      toHash("lang", b.dataset.lang === "en" ? "en" : null);
      apply(b.dataset.lang);
      onChange?.();
    });
  }
}

/** Money as people read it: thousands separators, the core's two decimals kept as they are. */
export function money(s) {
  if (s === null || s === undefined || s === "") return "";
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(String(s));
  return m ? m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (m[3] ?? "") : String(s);
}
