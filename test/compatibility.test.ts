// The characters NFKC makes ASCII, as the build saved them for this Node's
// Unicode version, are those asking NFKC of the whole BMP gives.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMPATIBILITY_FILE, compatibilityForms, compatibilityFormsAnew } from "../src/text/compatibility.js";

describe("compatibility forms", () => {
  it("are saved by the build for this Node's Unicode version, as asking NFKC gives them", () => {
    const saved = JSON.parse(readFileSync(COMPATIBILITY_FILE, "utf8")) as { unicode: string; forms: Record<string, string> };
    expect(saved.unicode, "npm run build writes lib/text/compatibility.json").toBe(process.versions.unicode);
    expect(saved.forms).toEqual(compatibilityFormsAnew());
  });

  it("are the characters beyond ASCII that fold to an ASCII one", () => {
    expect([...compatibilityForms("#")]).toEqual(["﹟", "＃"]);
    expect(compatibilityForms("*")).toContain("＊");
    expect(compatibilityForms("中")).toBe("");
    for (const [ascii, forms] of Object.entries(compatibilityFormsAnew()))
      for (const unit of forms) expect(unit.normalize("NFKC"), unit).toBe(ascii);
  });
});
