import type { RuleIssue } from "./yibao_js.js";

/** Reads and checks a site's figures file (TOML, the rules' entry format): the bytes for
 * `installFigures`, or throws `{kind: "rules", issues}` naming each figure and its line. */
export function checkFigures(name: string, text: string): Promise<Uint8Array>;
export type FiguresError = { kind: "rules"; issues: Array<RuleIssue> };
