// The characters beyond ASCII that NFKC makes one ASCII character (＃ and ﹟
// make #): what folding turns into markup. Finding them means asking NFKC of
// every code unit of the BMP, 15-18 ms, so the build asks once and saves the
// answer (lib/text/compatibility.json) for the Unicode version of the Node
// that built it. A Node of another Unicode version asks anew, once a process.
import { readFileSync, writeFileSync } from "node:fs";

/** Where the build saves the forms, beside the compiled code. */
export const COMPATIBILITY_FILE = new URL("../../lib/text/compatibility.json", import.meta.url);

interface Saved {
  unicode: string | undefined;
  /** For each ASCII character that some are, the code units NFKC makes it. */
  forms: Record<string, string>;
}

/** Asks NFKC of every code unit of the BMP beyond ASCII. */
function askAnew(): Record<string, string> {
  const forms: Record<string, string> = {};
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const unit = String.fromCharCode(c);
    const normal = unit.normalize("NFKC");
    if (normal.length === 1 && normal.charCodeAt(0) < 0x80) forms[normal] = (forms[normal] ?? "") + unit;
  }
  return forms;
}

let known: Record<string, string> | undefined;

function saved(): Record<string, string> | undefined {
  try {
    const table = JSON.parse(readFileSync(COMPATIBILITY_FILE, "utf8")) as Saved;
    return table.unicode === process.versions.unicode ? table.forms : undefined;
  } catch {
    return undefined;
  }
}

/** The code units beyond ASCII, within the BMP, that NFKC makes `ascii`: "" for none. */
export function compatibilityForms(ascii: string): string {
  known ??= saved() ?? askAnew();
  return known[ascii] ?? "";
}

/** Saves the forms for this Node's Unicode version; run by the build. */
export function saveCompatibilityForms(): void {
  writeFileSync(COMPATIBILITY_FILE, JSON.stringify({ unicode: process.versions.unicode, forms: askAnew() } satisfies Saved));
}

/** The forms as asked anew, to check what was saved. */
export { askAnew as compatibilityFormsAnew };
