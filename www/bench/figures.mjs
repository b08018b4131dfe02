// Benchmarks print their figures for people and, when scripts/bench.sh runs them, also
// append them to the file named by YIBAO_FIGURES (one "key<TAB>value" line each), from
// which bench.sh prints the table of figures against issue 13's targets.
import { appendFileSync } from "node:fs";

export function figure(key, value) {
  if (process.env.YIBAO_FIGURES) appendFileSync(process.env.YIBAO_FIGURES, `${key}\t${value}\n`);
}
