// The npm package as a portal developer gets it: `npm pack`'s tarball (target/npm, made by
// scripts/build-web.sh) installed into scratch projects, then a contribution computed in
// Node, in a Vite build, in a webpack build, in a Rollup build (the inline entry: Rollup
// copies no wasm asset without a plugin) and in a plain <script type="module"> page, each
// page in Chromium with no request to another origin. Worked by hand (济宁 三（二）1):
// 5000 × 8% = 400.00 + 6.00 = 406.00 for the employer.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync, readFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, launch, page } from "./harness.mjs";

const root = new URL("../../", import.meta.url).pathname;
const bin = (name) => join(root, "www/node_modules/.bin", name);
const tarball = join(root, "target/npm", readdirSync(join(root, "target/npm")).find((f) => f.endsWith(".tgz")));
// The rules version the build carries, asked of the built JS API (the package must carry the same).
const rulesVersion = await (async () => {
  const m = await import(join(root, "dist/yibao_js.js"));
  await m.default({ module_or_path: readFileSync(join(root, "dist/yibao_js_bg.wasm")) });
  return m.rulesVersion();
})();

/** A scratch project with the packed package installed, as `npm install yibao` gives it. */
function project(files) {
  const dir = mkdtempSync(join(tmpdir(), "yibao-npm-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball], { cwd: dir });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const APP = (entry) => `
import { ready, contribution, rulesVersion } from "${entry}";
await ready();
const r = contribution({ city: "jining", month: "2024-03", employer: "other", wage: "5000" });
document.getElementById("out").textContent = r.employer.total + " " + rulesVersion();
`;
const HTML = (script) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><p id="out"></p><script type="module" src="${script}"></script>`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Opens a built page and reads what it shows; fails on any request to another origin. */
async function shows(dir, path) {
  const server = await serve(dir);
  try {
    const { context, page: p } = await page(browser);
    await p.goto(server.base + path);
    await p.waitForFunction(() => document.getElementById("out").textContent !== "", null, { timeout: 20000 });
    const text = await p.locator("#out").innerText();
    assert.deepEqual(p.requests.filter((u) => !u.startsWith(server.origin)), []);
    assert.deepEqual(p.consoleErrors, []);
    await context.close();
    return text;
  } finally {
    await server.close();
  }
}

test("Node 20+: import, ready(), a contribution and the rules version", () => {
  const dir = project({
    "main.js": `import { ready, contribution, rulesVersion } from "yibao";
await ready();
const r = contribution({ city: "jining", month: "2024-03", employer: "other", wage: "5000" });
console.log(r.employer.total, rulesVersion());
import("yibao/inline").then(async (m) => { await m.ready(); console.log(m.contribution({ city: "jining", month: "2024-03", employer: "other", wage: "5000", explain: false }).employer.total); });`,
  });
  const out = execFileSync("node", ["main.js"], { cwd: dir, encoding: "utf8" }).trim().split("\n");
  assert.deepEqual(out, [`406.00 ${rulesVersion}`, "406.00"]);
});

test("Vite: the build copies the wasm beside the bundle", async () => {
  const dir = project({ "index.html": HTML("./main.js"), "main.js": APP("yibao") });
  execFileSync(bin("vite"), ["build", "--base", "./", "--logLevel", "error"], { cwd: dir });
  assert.ok(readdirSync(join(dir, "dist/assets")).some((f) => f.endsWith(".wasm")));
  assert.equal(await shows(join(dir, "dist"), "index.html"), `406.00 ${rulesVersion}`);
});

test("webpack 5: the build emits the wasm as an asset", async () => {
  const dir = project({ "main.js": APP("yibao") });
  execFileSync(bin("webpack"), ["--mode", "production", "--entry", "./main.js", "--output-path", "./out", "--no-stats"], { cwd: dir });
  writeFileSync(join(dir, "out/index.html"), HTML("./main.js"));
  assert.ok(readdirSync(join(dir, "out")).some((f) => f.endsWith(".wasm")));
  assert.equal(await shows(join(dir, "out"), "index.html"), `406.00 ${rulesVersion}`);
});

test("Rollup: yibao/inline needs no asset plugin", async () => {
  const dir = project({
    "main.js": APP("yibao/inline"),
    "rollup.config.mjs": `import { nodeResolve } from "${join(root, "www/node_modules/@rollup/plugin-node-resolve/dist/es/index.js")}";
export default { input: "main.js", output: { dir: "out", format: "es" }, plugins: [nodeResolve({ browser: true })] };`,
  });
  execFileSync(bin("rollup"), ["-c", "--silent"], { cwd: dir });
  writeFileSync(join(dir, "out/index.html"), HTML("./main.js"));
  assert.equal(await shows(join(dir, "out"), "index.html"), `406.00 ${rulesVersion}`);
});

test("a plain page: <script type=module> straight from node_modules", async () => {
  const dir = project({ "index.html": HTML("./main.js"), "main.js": APP("./node_modules/yibao/index.js") });
  assert.equal(await shows(dir, "index.html"), `406.00 ${rulesVersion}`);
});

test("TypeScript: the package's types (generated from the Rust types) check a typed example", () => {
  const dir = project({
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"] }, files: ["main.ts"] }),
    "main.ts": `import { ready, contribution, compute, fund, type ContributionResult, type YibaoError, type FundRow } from "yibao";
await ready();
const r: ContributionResult = contribution({ city: "jining", month: "2024-03", employer: "other", wage: "5000", officialOnly: true });
const total: string = r.employer.total;
const confidence: "official" | "secondary" | "low_reliability_or_inferred" | "provisional" | "user_supplied" = r.explanation.confidence;
const steps: string[] = r.explanation.steps.map((s) => s.formula.zh);
// @ts-expect-error money is a string, never a number
const wrong: number = r.employer.total;
// @ts-expect-error a request field that does not exist
contribution({ city: "jining", month: "2024-03", employer: "other", wage: 5000, wages: 1 });
// @ts-expect-error the wage is required
contribution({ city: "jining", month: "2024-03", employer: "other" });
const any = compute({ kind: "flexible", city: "jining", month: "2024-03" });
const rows: FundRow[] = [{ year: 2024, county: "任城区", revenue: "100", expenditure: "90" }];
fund({ city: "jining", rows }).years.length;
try { contribution({ city: "x", month: "2024-03", employer: "other", wage: "1" }); } catch (e) {
  const err = e as YibaoError;
  if (err.kind === "input") console.log(err.errors[0].field, err.errors[0].message.zh);
  if (err.kind === "missing_figures") console.log(err.missing.map((m) => m.id));
}
console.log(total, confidence, steps, wrong, any);
`,
  });
  execFileSync(bin("tsc"), ["-p", "."], { cwd: dir, encoding: "utf8" });
});
