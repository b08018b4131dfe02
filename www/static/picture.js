// A picture of the result (a PNG to send in a chat) drawn on a canvas from what the page
// shows: the city and view, the one-line answer, the figures, how sure they are and the
// notices, with the date and a reminder that the local office decides. Made in the browser;
// nothing is uploaded. The text is the page's own (the core's words): nothing is computed here.

const text = (el) => (el?.innerText ?? "").replace(/\s+/g, " ").trim();

/** What the picture says, read from the page: `{title, answer, figures: [[label, value]], lines}`. */
export function pictureContent(doc = document) {
  const en = doc.documentElement.lang === "en";
  const city = doc.getElementById("city");
  const view = doc.querySelector(".tabs [aria-current=page]");
  const figures = [...doc.querySelectorAll("main details.figure")].map((d) => [text(d.querySelector(".label")), [text(d.querySelector(".value")), text(d.querySelector(".detail"))].filter(Boolean).join(" · ")]);
  const notices = [...doc.querySelectorAll("main .notices p")].map(text);
  // "（见下）" points at the page, not the picture.
  const sure = text(doc.querySelector("main .confidence > p")).replace(/（见下）| \(see below\)/g, "");
  // What was typed and chosen (the month, the wage, the boxes filled), so the picture says
  // whose situation it is.
  const inputs = [...doc.querySelectorAll("main .inputs .field, main fieldset.supplied .field")].map((f) => {
    const label = text(f.querySelector("label"));
    const box = f.querySelector("input, select");
    if (!box || !label) return "";
    const value = box.tagName === "SELECT" ? box.selectedOptions[0]?.text : box.type === "checkbox" ? (box.checked ? (en ? "yes" : "是") : "") : box.value;
    return value ? `${label}${en ? ": " : "："}${value}` : "";
  }).filter(Boolean);
  return {
    title: [city?.selectedOptions[0]?.text, text(view)].filter(Boolean).join(" · "),
    answer: text(doc.querySelector(".answer-line")),
    inputs,
    figures,
    lines: [...notices, sure].filter(Boolean),
    footer: en
      ? `China medical insurance calculator · ${new Date().toISOString().slice(0, 10)} · for reference; the local office decides`
      : `医保市级统筹计算器 · ${new Date().toISOString().slice(0, 10)} · 仅供参考，以当地经办机构核定为准`,
  };
}

// Breaks a line to the width: Chinese between any two characters, but a number or a Latin
// word ("4986.00", "2027-01") is never split.
function wrap(ctx, line, width) {
  const out = [];
  let cur = "";
  for (const piece of line.match(/[0-9A-Za-z.,:%\-+/]+|./gsu) ?? []) {
    if (ctx.measureText(cur + piece).width > width && cur) { out.push(cur.trimEnd()); cur = piece.trimStart(); } else cur += piece;
  }
  if (cur) out.push(cur);
  return out;
}

/** Draws the picture (twice the pixels of a 360-px phone) and returns the canvas. */
export function drawPicture(content, doc = document) {
  const W = 720, PAD = 32, width = W - 2 * PAD;
  const canvas = doc.createElement("canvas");
  const ctx = canvas.getContext("2d");
  const font = (size, weight = 400) => `${weight} ${size}px system-ui, "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif`;
  // Lay out once to know the height, then draw.
  const blocks = [];
  const add = (str, size, weight, color, gap = 8) => {
    ctx.font = font(size, weight);
    for (const l of wrap(ctx, str, width)) blocks.push({ l, size, weight, color, gap: 0 });
    if (blocks.length) blocks[blocks.length - 1].gap = gap;
  };
  add(content.title, 34, 700, "#0a4a8c", 12);
  for (const line of content.inputs ?? []) add(line, 22, 400, "#333", 4);
  if (content.answer) add(content.answer, 30, 700, "#111", 20);
  for (const [label, value] of content.figures) { add(label, 24, 400, "#555", 2); add(value, 28, 600, "#111", 14); }
  for (const line of content.lines) add(line, 22, 400, "#7a4a00", 10);
  add(content.footer, 20, 400, "#777", 0);
  const height = PAD * 2 + blocks.reduce((h, b) => h + b.size * 1.35 + b.gap, 0);
  canvas.width = W;
  canvas.height = Math.ceil(height);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, W, canvas.height);
  ctx.fillStyle = "#0a4a8c";
  ctx.fillRect(0, 0, W, 8);
  let y = PAD;
  for (const b of blocks) {
    ctx.font = font(b.size, b.weight);
    ctx.fillStyle = b.color;
    ctx.textBaseline = "top";
    ctx.fillText(b.l, PAD, y);
    y += b.size * 1.35 + b.gap;
  }
  return canvas;
}

/** Saves the picture as a PNG download. */
export function savePicture(name) {
  const canvas = drawPicture(pictureContent());
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, "image/png");
}
