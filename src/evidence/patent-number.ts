// Chinese patent numbers: `ZL` + the application number, which since 2003 is
// 12 digits (year, type, 7-digit serial) and before that 8 (2-digit year, type,
// 5-digit serial), then `.` and a check character: the digits weighted
// 2,3,4,5,6,7,8,9,2,3,4,5 in turn, summed, mod 11, with 10 written X.

export type PatentType = "invention" | "utility-model" | "design";

export interface PatentNumber {
  digits: string;
  check: string;
  type: PatentType;
}

const FORM = /^(?:zl|cn)?\s*((?:\d\s*){12}|(?:\d\s*){8})\.\s*([\dx])$/i;

const TYPES: Record<string, PatentType> = { "1": "invention", "2": "utility-model", "3": "design", "8": "invention", "9": "utility-model" };

export function checkCharacter(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * ((i % 8) + 2);
  const rest = sum % 11;
  return rest === 10 ? "X" : String(rest);
}

/** The problem with a written patent number, or the number read. */
export function readPatentNumber(text: string): PatentNumber | { problem: string } {
  const m = FORM.exec(text.trim());
  if (!m) return { problem: "form" };
  const digits = m[1]!.replace(/\s/g, "");
  const check = m[2]!.toUpperCase();
  const type = TYPES[digits.length === 12 ? digits[4]! : digits[2]!];
  if (!type) return { problem: "type" };
  if (checkCharacter(digits) !== check) return { problem: "check" };
  return { digits, check, type };
}
