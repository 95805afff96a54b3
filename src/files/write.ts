// Writes fixed text back to the files it came from, in their own encoding.
// GB18030 has no encoder in Node, so those files keep their text and say so.
import { writeFile } from "node:fs/promises";
import type { LintResult } from "../core/types.js";

function encode(text: string, encoding: NonNullable<LintResult["encoding"]>, bom: boolean): Uint8Array | undefined {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(bom ? `\ufeff${text}` : text, "utf8");
    case "utf-16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf-16be": {
      const le = Buffer.from(text, "utf16le");
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    case "gb18030":
      return undefined;
  }
}

/** Writes a result's `output`, if it has one; false when its encoding cannot be written. */
export async function writeFix(result: LintResult): Promise<boolean> {
  if (result.output === undefined || result.encoding === undefined) return true;
  const bytes = encode(result.output, result.encoding, result.bom ?? false);
  if (bytes) await writeFile(result.filePath, bytes);
  return bytes !== undefined;
}
