// Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
// GB18030/GBK when the bytes are not UTF-8. Offsets are in the decoded text.

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** The file starts with a byte order mark (always, for UTF-16). */
  bom: boolean;
}

export type DecodeProblem = "binary" | "unknown-encoding" | "bad-utf16";

const PROBLEMS: Record<DecodeProblem, string> = {
  binary: "binary file (it contains NUL bytes)",
  "unknown-encoding": "neither UTF-8, UTF-16 with a BOM, nor GB18030/GBK",
  "bad-utf16": "it starts with a UTF-16 byte order mark, but what follows is not UTF-16",
};

export class DecodeError extends Error {
  override readonly name = "DecodeError";
  constructor(readonly problem: DecodeProblem) {
    super(PROBLEMS[problem]);
  }
}

function decoder(encoding: Encoding) {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
}

/** A file with a UTF-16 byte order mark; an odd length or a lone surrogate makes it undecodable, not a crash. */
function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded {
  try {
    return { text: decoder(encoding).decode(bytes), encoding, bom: true };
  } catch {
    throw new DecodeError("bad-utf16");
  }
}

/** Whether UTF-8 bytes start with a byte order mark, which decoding drops. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, "utf-16be");
  if (bytes.subarray(0, 8192).includes(0)) throw new DecodeError("binary");
  try {
    return { text: decoder("utf-8").decode(bytes), encoding: "utf-8", bom: hasUtf8Bom(bytes) };
  } catch {
    // Not UTF-8: many Windows scripts are GBK, which GB18030 contains.
  }
  try {
    return { text: decoder("gb18030").decode(bytes), encoding: "gb18030", bom: false };
  } catch {
    throw new DecodeError("unknown-encoding");
  }
}
