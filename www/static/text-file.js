// A CSV file's bytes as text, by the same rule as `yibao batch` (yibao_tables::read::sniff):
// a UTF-8 BOM; else UTF-8 if the first 64 KB are valid UTF-8 (a character cut at the end of
// the sample is fine); else GB18030, a superset of GBK. The browser's own TextDecoder
// decodes: it follows the WHATWG Encoding Standard, as the encoding_rs crate the CLI uses
// does, so the page carries no encoding tables. Used by the batch worker and the fund page.
const SAMPLE = 64 * 1024;

/** `{text, format}` (format as the core names it); throws `{field, message}` otherwise. */
export function decodeText(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), format: "csv_utf8_bom" };
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, SAMPLE), { stream: true });
    return { text: new TextDecoder("utf-8").decode(bytes), format: "csv_utf8" };
  } catch { /* not UTF-8 */ }
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), format: "csv_gb18030" };
  } catch {
    throw { kind: "input", errors: [{ field: "file", code: "bad_encoding", message: { zh: "文件既不是 UTF-8 也不是 GBK 编码", en: "the file is neither UTF-8 nor GBK text" } }] };
  }
}

/** Whether the bytes are a zip archive, as an .xlsx is. */
export const isXlsx = (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
