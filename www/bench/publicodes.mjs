// The JS API against publicodes (the engine behind France's mon-entreprise simulator), side
// by side in Node on the same machine and the same rule: 济宁's employee contributions in
// 2026-06 (base held to 4504–22518; employer 8% + 6, individual 2% + 4, each part rounded
// to the fen), written once as publicodes rules below. Both give the same figures for the
// wages checked first, but where publicodes' floating point loses half a fen. Per wage:
//
//   publicodes          setSituation + evaluate employer and individual;
//   contribution()      one call, figures only (explain: false);
//   contributionTable() 10,000 wages in one call (typed arrays in whole fen).
//
// Prints figures; asserts nothing about speed (a wrong figure stops it).
import { readFileSync } from "node:fs";
import Engine from "publicodes";
import { figure } from "./figures.mjs";

const dist = new URL("../../dist/", import.meta.url);
const m = await import(new URL("yibao_js.js", dist));
await m.default({ module_or_path: readFileSync(new URL("yibao_js_bg.wasm", dist)) });

const publicodes = new Engine({
  salaire: { valeur: "0 €/mois" },
  base: { valeur: "salaire", plancher: "4504 €/mois", plafond: "22518 €/mois" },
  employeur: { valeur: "employeur . part + 6 €/mois" },
  "employeur . part": { valeur: "base * 8%", arrondi: "2 décimales" },
  individuel: { valeur: "individuel . part + 4 €/mois" },
  "individuel . part": { valeur: "base * 2%", arrondi: "2 décimales" },
});
const byPublicodes = (wage) => {
  publicodes.setSituation({ salaire: `${wage} €/mois` });
  return [publicodes.evaluate("employeur").nodeValue, publicodes.evaluate("individuel").nodeValue];
};
const request = { city: "jining", month: "2026-06", employer: "other" };

// The same figures first: every wage from 0 to 30,000 yuan in steps of 7.31. Where the two
// differ, it must be publicodes' binary floating point on a product of exactly half a fen
// (7127.25 × 2% = 142.545: publicodes rounds the double 142.54499… down to 142.54; the rule,
// half up, and yibao's decimals give 142.55).
const wages = Float64Array.from({ length: 4104 }, (_, i) => Math.round(i * 731) / 100);
const table = m.contributionTable(request, wages);
let halfFen = 0;
for (let i = 0; i < wages.length; i += 1) {
  const [employer, individual] = byPublicodes(wages[i]);
  const base = table.base[i];
  for (const [theirs, ours, fixed, percent] of [[employer, table.employer[i], 600, 8], [individual, table.individual[i], 400, 2]]) {
    if (Math.round(theirs * 100) === ours) continue;
    const half = (base * percent) % 100 === 50 && Math.round(theirs * 100) === ours - 1;
    // The rule's figure, in whole fen: half a fen rounds up.
    const rule = Math.floor((base * percent + 50) / 100) + fixed;
    if (!half || rule !== ours) {
      throw new Error(`wage ${wages[i]}: publicodes ${theirs}, yibao ${ours / 100}`);
    }
    halfFen += 1;
  }
}
const perWage = (n, f) => {
  f(Math.min(n, 200));
  const t = performance.now();
  f(n);
  return ((performance.now() - t) / n) * 1000;
};
const pcUs = perWage(3000, (n) => { for (let i = 0; i < n; i++) byPublicodes(3000 + i); });
const oneUs = perWage(20000, (n) => { for (let i = 0; i < n; i++) m.contribution({ ...request, wage: 3000 + i, explain: false }); });
const many = Float64Array.from({ length: 10000 }, (_, i) => 3000 + i * 2.17);
const tableUs = perWage(10000 * 20, () => { for (let k = 0; k < 20; k++) m.contributionTable(request, many); });

console.log(`node: per wage — publicodes ${pcUs.toFixed(1)} µs; yibao contribution() figures only ${oneUs.toFixed(2)} µs (${(pcUs / oneUs).toFixed(0)}× publicodes); contributionTable() of 10,000 wages ${(tableUs * 1000).toFixed(0)} ns (${(pcUs / tableUs).toFixed(0)}× publicodes); the same figures for ${wages.length} wages but ${halfFen} amounts, where publicodes' floating point loses half a fen`);
figure("publicodes_per_wage_us", pcUs.toFixed(1));
figure("api_table_per_wage_us", tableUs.toFixed(3));
figure("api_table_vs_publicodes", (pcUs / tableUs).toFixed(0));
figure("api_bare_vs_publicodes", (pcUs / oneUs).toFixed(1));
