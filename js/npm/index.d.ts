// The package's entry points (index.js, node.js, inline.js) all export the JS API and
// ready(); the API's functions and every request, result and error type are declared in
// yibao_js.d.ts, generated from the Rust code.
export * from "./yibao_js.js";

/** Loads the rules engine; call (and await) once before any other function. */
export function ready(): Promise<void>;
