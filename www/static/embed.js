// A minimal use of the yibao JS API. Copy it and adapt it; nothing leaves the browser.
import init, * as yibao from "./yibao_js.js";

await init();
const $ = (id) => document.getElementById(id);
for (const c of yibao.cities()) {
  $("e-city").append(new Option(`${c.name.zh} ${c.name.en}`, c.id, false, c.id === "jining"));
}

function render() {
  const out = $("out");
  out.replaceChildren();
  try {
    const r = yibao.contribution({ city: $("e-city").value, month: $("e-month").value, employer: $("e-employer").value, wage: $("e-wage").value });
    const p = document.createElement("p");
    p.id = "e-result";
    p.textContent = `单位 employer ${r.employer.total} · 个人 individual ${r.individual.total}`;
    const ol = document.createElement("ol");
    for (const s of r.explanation.steps) {
      const li = document.createElement("li");
      li.textContent = `${s.label.zh}: ${s.formula.zh}`;
      ol.append(li);
    }
    out.append(p, ol);
  } catch (e) {
    const p = document.createElement("p");
    p.id = "e-error";
    p.className = "error";
    p.textContent = e.kind === "missing_figures"
      ? `需要 / needs: ${e.missing.map((m) => m.id).join(", ")}`
      : e.errors.map((x) => `${x.field}: ${x.message.zh} / ${x.message.en}`).join("; ");
    out.append(p);
  }
}
for (const id of ["e-city", "e-month", "e-employer", "e-wage"]) $(id).addEventListener("input", render);
render();
