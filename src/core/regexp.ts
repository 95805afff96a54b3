// Text to be matched as it is written, inside a regular expression.

/** `text` with the characters a regular expression reads specially escaped, for use outside a character class, with or without the `u` flag. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
