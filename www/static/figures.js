// A site's own figures (figures.toml beside the calculator's files), where the site serves
// one: newer figures than the built-in ones, in the rules' entry format. Checked by their
// own module (loaded only then) and installed before the calculator mounts. A bad file is
// set aside, with its lines and reasons, and the calculator runs on its own figures.

/** Starts fetching figures.toml (call early: it runs beside the engine's download). */
export function fetchFigures(base) {
  return fetch(new URL("figures.toml", base)).then((r) => (r.ok ? r.text() : null)).catch(() => null);
}

/** Installs the fetched figures into `engine` (yibao_web.js's exports); returns null, or
 * `{zh, en}` saying why the file was set aside. */
export async function installFigures(base, engine, pending) {
  const text = await pending;
  if (!text || !/^\s*\[\[figure\]\]/m.test(text)) return null;
  try {
    const m = await import(new URL("yibao_figures.js", base).href);
    await m.default({ module_or_path: new URL("yibao_figures_bg.wasm", base) });
    engine.installFigures(m.checkFigures("figures.toml", text));
    return null;
  } catch (e) {
    if (e && typeof e === "object" && "zh" in e) return e;
    try {
      const issues = JSON.parse(String(e));
      // "figure 2 (line 15).value" → "第 15 行（value）": the line is what the site's editor
      // looks for; the file's name is in the heading.
      const where = (key, zh) => {
        const m = /^figure \d+ \(line (\d+)\)(?:\.(.+))?$/.exec(key);
        if (!m) return key;
        return zh ? `第 ${m[1]} 行${m[2] ? `（${m[2]}）` : ""}` : `line ${m[1]}${m[2] ? ` (${m[2]})` : ""}`;
      };
      const lines = (lang) => issues.map((i) => `${where(i.key, lang === "zh")}${lang === "zh" ? "：" : ": "}${i.reason[lang]}`);
      return { zh: lines("zh"), en: lines("en") };
    } catch {
      return { zh: "数值文件无法读取", en: "the figures file cannot be read" };
    }
  }
}

/** The banner for a file set aside, in the page's language, at the top of `parent`. */
export function showRefused(parent, problem, en) {
  const bar = document.createElement("aside");
  bar.className = "figures-refused";
  bar.setAttribute("role", "alert");
  const head = document.createElement("strong");
  head.textContent = en
    ? "This site's figures file (figures.toml) has errors and was set aside; the calculator's own figures are used:"
    : "本站的数值文件（figures.toml）有误，已忽略，以下按计算器内置的数值计算：";
  const list = document.createElement("ul");
  for (const line of [].concat(en ? problem.en : problem.zh)) {
    const li = document.createElement("li");
    li.textContent = line;
    list.append(li);
  }
  bar.append(head, list);
  parent.prepend(bar);
}
