// The boxes for figures a city has not published, on the batch and fund pages (the
// calculator has its own, in Yew). A box keeps its identity (the figure) while the person
// types: boxes are added or updated, never rebuilt, so a keystroke never lands in another box.
// A box nobody typed in, for a figure no longer needed, goes (never the one being typed in).

/**
 * Shows a box for each of `figures` (`[{id}]`, in the order given) inside `container`; ids
 * of the inputs are `prefix` + the figure's id with dots as dashes. `values` holds what was
 * typed (figure id → text); `onInput(id, text)` is called on every keystroke. Returns, per
 * figure id, the box's `{label, input, hint, error}` for the page to fill in its language.
 */
export function figureBoxes(container, prefix, figures, values, onInput) {
  const idOf = (figure) => prefix + figure.replaceAll(".", "-");
  const wanted = new Set(figures.map((f) => idOf(f.id)));
  for (const input of [...container.querySelectorAll("input")]) {
    if (!wanted.has(input.id) && input.value.trim() === "" && document.activeElement !== input) input.closest(".field").remove();
  }
  const parts = new Map();
  for (const f of figures) {
    const id = idOf(f.id);
    let div = document.getElementById(id)?.closest(".field");
    if (!div) {
      div = document.createElement("div");
      div.className = "field";
      const label = document.createElement("label");
      label.htmlFor = id;
      const input = document.createElement("input");
      Object.assign(input, { id, type: "text", inputMode: "decimal", autocomplete: "off", value: values[f.id] ?? "" });
      input.addEventListener("input", () => onInput(f.id, input.value));
      const hint = document.createElement("small");
      hint.className = "hint";
      const error = document.createElement("small");
      error.className = "error";
      div.append(label, input, hint, error);
      container.append(div);
    }
    const [label, input, hint, error] = div.children;
    parts.set(f.id, { label, input, hint, error, field: div });
  }
  return parts;
}
