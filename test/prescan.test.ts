// The raw-text look that lets clean files skip parsing must never skip a file
// a full lint would report on: checked against the full pipeline on random
// documents built from terms, look-alikes and the markup that splits them.
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/config.js";
import { mayHaveFindings, planParse } from "../src/engine/prescan.js";
import { lookAtBytes } from "../src/engine/prescan-bytes.js";
import type { Format } from "../src/sources/document.js";
import { parseDocument } from "../src/sources/index.js";
import { openProject } from "../src/project.js";
import { project as testProject } from "./helpers/lint.js";
import { tree } from "./helpers/tree.js";

const builtin = openProject({ config: defaultConfig(process.cwd()) });

const MARKED_TERMS = ["#1", "c#", "a*b", "'最'", "top 1", "最_佳", "p&g", "<3", "[限时]", "a|b", "{x}", "~9", "`c`", '"好"', "no.1", "最佳"];

/** Literals with markup characters in them, and a pattern whose literal starts with a space: a look with markup left out may miss these. */
const markupPack = openProject({
  config: join(
    tree({
      "adlint.config.yaml": "packs: [./marks.yaml]\n",
      "marks.yaml": [
        "pack: marks",
        "version: 1.0.0",
        "rules:",
        "  - id: marks",
        "    kind: term",
        "    level: error",
        "    law: 广告法第九条第三项",
        "    message:",
        "      zh: 「{match}」",
        `    terms: ${JSON.stringify(MARKED_TERMS)}`,
        "  - id: spaced",
        "    kind: pattern",
        "    level: error",
        "    law: 广告法第九条第三项",
        "    message:",
        "      zh: 「{match}」",
        "    patterns: [' 第一', '高级别产品.{0,2}q_z']",
      ].join("\n"),
    }),
    "adlint.config.yaml",
  ),
});

/** Plain copy, halves of terms, and the markup and escapes that can split or hide a term. */
const PLAIN = ["面膜", "的", "补水", "清爽", "欢迎", "选购", "，", "。", "\n", "\n\n", " ", "😀", "顾客", "口感"];
const HALVES = ["最", "佳", "好", "国家", "級", "级", "包治", "百病", "36", "%", "销量", "第", "一"];
const MARKUP = [
  "**", "_", "`", "~~", "<b>", "</b>", "<br>", "&#26368;", "&#x4f73;", "&nbsp;", "\\u6700", "[", "](https://x.cn)", "> ", "- ", "# ",
  "| ", "<!-- x -->", "<span title='", "'>", "<rt>zui</rt>", "\u200b", "\n```\n", "\n~~~text\n", "\n    ```\n", "``",
];

/** Mostly clean documents, so the skip is exercised, with now and then the pieces of a term. */
const documentOf = (halves: readonly string[], weight: number) =>
  fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PLAIN) }, { weight, arbitrary: fc.constantFrom(...halves) }, { weight: 2, arbitrary: fc.constantFrom(...MARKUP) }), {
      maxLength: 24,
    })
    .map((p) => p.join(""));
const doc = documentOf(HALVES, 3);
/** The same, with the pieces of the markup pack's literals. */
const markupDoc = documentOf(["#", "1", "a", "*", "b", "'", "最", "_", "佳", "top", " ", "第一", "\t", "\\*", "\\#", "\\_", "p", "g", "&", "&amp;", "&quot;", "&#35;", "<", "3", "&lt;", "＊", "＃", "＿"], 12);

/** Whether the look at a file's bytes shows it clean. */
const bytesAreClean = (...args: Parameters<typeof lookAtBytes>) => lookAtBytes(...args) === "clean";

function fullLint(project: typeof builtin, source: string, format: Format) {
  return project.linter.lintDocument(parseDocument(source, format, { path: `x.${format}` }));
}

describe.each([
  ["built-in packs", builtin, doc],
  ["test pack", testProject, doc],
  ["pack of markup literals", markupPack, markupDoc],
] as const)("with the %s", (_name, project, doc) => {
  it.each(["markdown", "text", "html"] as const)("never skips a %s file a full lint reports on", (format) => {
    let skipped = 0;
    let reported = 0;
    let cleanBytes = 0;
    fc.assert(
      fc.property(doc, (source) => {
        // The look at the bytes says a file is clean only where the look at its copy does.
        const look = lookAtBytes(Buffer.from(source), format, project.linter.rules);
        const clean = look === "clean";
        if (clean) cleanBytes++;
        // A literal seen in the bytes only spares the copy a second look for one.
        if (look === "literal") expect(project.linter.lintSource(source, { format }, look)).toEqual(fullLint(project, source, format));
        if (mayHaveFindings(source, format, project.linter.rules)) {
          expect(clean).toBe(false);
          if (fullLint(project, source, format).length) reported++;
          return;
        }
        skipped++;
        expect(fullLint(project, source, format)).toEqual([]);
      }),
      // A fixed seed: the counts below then say the same thing on every run.
      { numRuns: 1500, seed: 20261125 },
    );
    // Both sides of the look were exercised.
    expect(skipped).toBeGreaterThan(300);
    expect(reported).toBeGreaterThan(10);
    expect(cleanBytes).toBeGreaterThan(format === "html" ? 0 : 100);
  });
});

/** Documents of several blocks, with what decides which rules apply: front matter, requirements and their triggers. */
const blockyOf = (doc: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.constantFrom("", "---\nchannel: sms\n---\n", "---\ncategory: cosmetics\n---\n\n", "---\nchannel: livestream\ncategory: food\n---\n"),
      fc.array(
        fc.oneof(
          { weight: 4, arbitrary: doc },
          { weight: 1, arbitrary: fc.constantFrom("回T退订", "保本稳赚", "投资有风险", "【店铺】", "功效评价报告", "专利号ZL2019", "本品不能代替药物") },
        ),
        { maxLength: 8 },
      ),
    )
    .map(([front, parts]) => front + parts.join("\n\n"));

describe.each([
  ["built-in packs", builtin, blockyOf(doc)],
  ["test pack", testProject, blockyOf(doc)],
  ["pack of markup literals", markupPack, blockyOf(markupDoc)],
] as const)("block by block, with the %s", (_name, project, blocky) => {
  it("lints Markdown exactly as a whole-file parse does, whatever the look at its bytes showed", () => {
    let partly = 0;
    let seenOnlyInBytes = 0;
    fc.assert(
      fc.property(blocky, (source) => {
        const plan = planParse(source, "markdown", project.linter.rules);
        if (plan.parse === "blocks") partly++;
        const look = lookAtBytes(Buffer.from(source), "markdown", project.linter.rules);
        if (look === "clean") expect(plan.parse).toBe("none");
        // Where the bytes hold a literal that the copy's look would not find, the blocks are read all the same.
        if (look === "literal" && plan.parse === "none") seenOnlyInBytes++;
        const full = fullLint(project, source, "markdown");
        expect(project.linter.lintSource(source, { format: "markdown" })).toEqual(full);
        expect(project.linter.lintSource(source, { format: "markdown" }, look)).toEqual(full);
      }),
      { numRuns: 1000, seed: 20261125 },
    );
    expect(partly).toBeGreaterThan(100);
    expect(seenOnlyInBytes).toBeGreaterThan(0);
  });
});

describe("link destinations, which the look takes out where they are", () => {
  /** Copy around links: the pieces of literals on either side of destinations, one over a line, and markup. */
  const PIECES = [
    ...["[", "](u)", "](https://x.cn/最)", "](a\nb)", "(", ")", "](", "最](u)", "](u)佳", "第](x)", "](x)一", "#](u)", "](u)1", "国](u)", "](u)家级", "免](x)费领"],
    ...["最", "佳", "#", "1", "第一", "销量", "\n", "\n\n", "# ", "- ", " ", "很好", "**", "`"],
  ];
  const linked = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(""));

  it.each([
    ["test pack", testProject],
    ["pack of markup literals", markupPack],
  ] as const)("says a file is clean only where the look at its copy does, with the %s", (_name, project) => {
    let clean = 0;
    let joined = 0;
    fc.assert(
      fc.property(linked, fc.constantFrom("markdown", "text") as fc.Arbitrary<Format>, (source, format) => {
        const look = lookAtBytes(Buffer.from(source), format, project.linter.rules);
        const plan = planParse(source, format, project.linter.rules);
        if (look === "clean") {
          clean++;
          expect(plan.parse).toBe("none");
        }
        // A literal that only taking a destination out makes.
        if (plan.parse !== "none" && planParse(source.replace(/\]\([^()]*\)/g, "]\u0000"), format, project.linter.rules).parse === "none") joined++;
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    expect(clean).toBeGreaterThan(300);
    expect(joined).toBeGreaterThan(50);
  });
  it("reads each run of destinations far apart from the others", () => {
    const rules = testProject.linter.rules;
    const far = (tail: string) => `[很好](u)${"很好的面膜。".repeat(40)}\n\n${"清爽补水。".repeat(40)}${tail}`;
    for (const tail of ["[最](u)佳", "第[一](x)", "最[佳](u)。[国家](u)级"]) {
      expect(planParse(far(tail), "markdown", rules).parse).not.toBe("none");
      expect(lookAtBytes(Buffer.from(far(tail)), "markdown", rules)).toBe("literal");
    }
    expect(lookAtBytes(Buffer.from(far("[最](u)好看")), "markdown", rules)).toBe("literal");
    expect(lookAtBytes(Buffer.from(far("[最](u)。佳")), "markdown", rules)).toBe("clean");
  });
});

describe("fenced code, which the look leaves out", () => {
  /** Lines of fences and of copy, so that copy comes before, inside, between and after them, and fences that are none. */
  const LINES = [
    ...["```", "~~~", "```text", "````", "~~~ 最佳", "```最`佳", "    ```", " ```", "> ```", "- ```", "1. ~~~", "<div>", "<pre>", "", ""],
    ...["最佳面膜", "很好", "最", "佳", "- 最佳", "> 最佳", "[最](u)", "佳](u)", "&#26368;佳", "<b>最</b>"],
    // Lines that read otherwise as bytes than as copy: white space beyond ASCII after a marker or a tag name, a line separator.
    ...["```\u2028", "- \u3000最佳", "-\u00a0最", "<pre\u3000", "- 最\u2029佳"],
  ];
  const fenced = fc.array(fc.constantFrom(...LINES), { maxLength: 14 }).map((lines) => lines.join("\n"));

  it("is never skipped where a full lint reports on copy around it", () => {
    let skipped = 0;
    let reported = 0;
    fc.assert(
      fc.property(fenced, (source) => {
        const findings = fullLint(testProject, source, "markdown");
        if (findings.length) reported++;
        if (!mayHaveFindings(source, "markdown", testProject.linter.rules)) {
          skipped++;
          expect(findings).toEqual([]);
        } else expect(bytesAreClean(Buffer.from(source), "markdown", testProject.linter.rules)).toBe(false);
        expect(testProject.linter.lintSource(source, { format: "markdown" })).toEqual(findings);
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    expect(skipped).toBeGreaterThan(100);
    expect(reported).toBeGreaterThan(1000);
  });

  it("skips a file whose terms are all in code, from its copy and from its bytes", () => {
    const rules = testProject.linter.rules;
    for (const source of ["短信脚本：\n\n```text\n全网最低价\n```\n", "[短信](u)：\n\n~~~\n全网最低价\n~~~\n", "```\u2028\n最佳\n```\n"]) {
      expect(fullLint(testProject, source, "markdown")).toEqual([]);
      expect(mayHaveFindings(source, "markdown", rules)).toBe(false);
      expect(bytesAreClean(Buffer.from(source), "markdown", rules)).toBe(true);
    }
    for (const source of ["```text\n全网最低价\n```\n最佳\n", "```\u2028\n```\n- 最佳"]) {
      expect(fullLint(testProject, source, "markdown")).not.toEqual([]);
      expect(mayHaveFindings(source, "markdown", rules)).toBe(true);
      expect(bytesAreClean(Buffer.from(source), "markdown", rules)).toBe(false);
    }
  });

  it("cuts the bytes where it cuts the copy, or not at all: white space beyond ASCII after a list marker", () => {
    // Not an item in the copy, where `\s` holds U+3000; in the bytes, it would be one, and the tag would not join 最 and 佳.
    const source = "- 最<b\n- \u3000x>佳";
    expect(mayHaveFindings(source, "markdown", testProject.linter.rules)).toBe(true);
    expect(bytesAreClean(Buffer.from(source), "markdown", testProject.linter.rules)).toBe(false);
  });
});

describe("a term disguised by markup, escapes and references", () => {
  /** What may stand between two characters of a term, or after it. */
  const GAPS = ["", "", "", "**", "_", "`", "~~", "<b>", "</b>", "<!-- x -->", "\u200b", " ", "\n", "\u3000", "<br>", "*", "> ", "\n> ", "\n- ", "|", "\\", "[", "](u)", "<span title='", "'>"];
  const AROUND = ["", "面膜", "。", "\n\n", "# ", "- ", "> ", "| ", "**", "<p>", "</p>", " ", "a", "1", "最", "\n"];
  const PUNCTUATION = /[!-/:-@[-`{-~]/;
  const REFERENCES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
  /** One character of a term as written, escaped, as a reference, upper-case or full-width. */
  const written = (ch: string) => {
    const cp = ch.codePointAt(0)!;
    return fc.constantFrom(
      ch,
      ch,
      ch,
      PUNCTUATION.test(ch) ? `\\${ch}` : ch,
      `&#${cp};`,
      `&#x${cp.toString(16)};`,
      REFERENCES[ch] ?? ch,
      ch.toUpperCase(),
      cp >= 0x21 && cp <= 0x7e ? String.fromCodePoint(cp + 0xfee0) : ch,
    );
  };
  const disguised = fc.constantFrom(...MARKED_TERMS).chain((term) =>
    fc
      .tuple(
        fc.constantFrom(...AROUND),
        fc.tuple(...[...term].map((ch) => fc.tuple(fc.constantFrom(...GAPS), written(ch)))),
        fc.constantFrom(...GAPS),
        fc.constantFrom(...AROUND),
      )
      .map(([before, chars, after, tail]) => before + chars.map(([gap, ch], i) => (i === 0 ? "" : gap) + ch).join("") + after + tail),
  );

  it.each(["markdown", "text", "html"] as const)("is never skipped in a %s file a full lint reports it in", (format) => {
    let reported = 0;
    fc.assert(
      fc.property(disguised, (source) => {
        if (fullLint(markupPack, source, format).length === 0) return;
        reported++;
        expect(mayHaveFindings(source, format, markupPack.linter.rules)).toBe(true);
        expect(bytesAreClean(Buffer.from(source), format, markupPack.linter.rules)).toBe(false);
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    expect(reported).toBeGreaterThan(150);
  });
});

describe("what the look sees through", () => {
  it.each([
    ["markdown", "最**佳**面膜"],
    ["markdown", "[最](https://x.cn)佳"],
    ["markdown", "&#26368;佳"],
    ["markdown", "最\n佳"],
    ["html", "<p>最<b>佳</b></p>"],
    ["html", "<img alt=最佳>"],
    ["html", "<span title='&#26368;好'>x</span>"],
    ["html", "<ruby>最<rt>zuì</rt>佳</ruby>"],
    ["text", "最 佳"],
  ] as const)("%s: %s", (format, source) => {
    expect(mayHaveFindings(source, format, testProject.linter.rules)).toBe(true);
    expect(fullLint(testProject, source, format).length).toBeGreaterThan(0);
  });

  it.each([
    ["markdown", "#~~1~~"],
    ["markdown", "a\\*b"],
    ["markdown", "[限*时*]"],
    ["markdown", "**高级别产品**q_z"],
    ["text", "高级别产品q_z **y**"],
  ] as const)("a literal with markup in it, %s: %s", (format, source) => {
    expect(fullLint(markupPack, source, format).length).toBeGreaterThan(0);
    expect(mayHaveFindings(source, format, markupPack.linter.rules)).toBe(true);
  });

  it("skips clean copy, and looks again at copy with a directive", () => {
    expect(mayHaveFindings("很好的面膜，欢迎选购。\n", "markdown", testProject.linter.rules)).toBe(false);
    expect(mayHaveFindings("<!-- adlint-disable -->\n很好的面膜\n", "markdown", testProject.linter.rules)).toBe(true);
  });

  it("reads copy for a rule it cannot rule out from raw text: a pattern with no literal, a term with white space at an end", () => {
    const unsure = openProject({
      config: join(
        tree({
          "adlint.config.yaml": "packs: [./unsure.yaml]\n",
          "unsure.yaml": [
            "pack: unsure",
            "version: 1.0.0",
            "rules:",
            "  - id: digits",
            "    kind: pattern",
            "    level: error",
            "    law: 广告法第九条第三项",
            "    message:",
            "      zh: 「{match}」",
            "    patterns: ['^\\d{3}']",
            "  - id: word",
            "    kind: term",
            "    level: error",
            "    law: 广告法第九条第三项",
            "    message:",
            "      zh: 「{match}」",
            "    terms: [' ai']",
          ].join("\n"),
        }),
        "adlint.config.yaml",
      ),
    });
    // A list item is a segment of its own, where `^` matches; a tab after blank lines folds to a space only in its own line.
    for (const [source, format, rule] of [
      ["- 面膜\n- 123\n", "markdown", "unsure/digits"],
      ["\n\n\tai", "text", "unsure/word"],
    ] as const) {
      expect(fullLint(unsure, source, format).map((d) => d.ruleId)).toEqual([rule]);
      expect(mayHaveFindings(source, format, unsure.linter.rules)).toBe(true);
    }
    expect(unsure.linter.rules.unsure.map((r) => unsure.linter.rules.rules[r]!.id)).toEqual(["unsure/digits", "unsure/word"]);
  });

  it("always parses formats that can fail to parse", () => {
    expect(mayHaveFindings("const = ;", "script", testProject.linter.rules)).toBe(true);
    expect(mayHaveFindings("a: [", "yaml", testProject.linter.rules)).toBe(true);
  });
});

describe("what the look at the bytes sees", () => {
  const rules = builtin.linter.rules;
  const clean = "很好的面膜，欢迎选购。\n";

  it("finds a term through white space, markup, references, Traditional characters and emoji", () => {
    expect(bytesAreClean(Buffer.from(clean), "markdown", rules)).toBe(true);
    for (const source of ["最 佳的面膜", "**最**佳", "最&#x4f73;", "[最](https://x.cn)佳", "體驗最佳😀", "😀全網最低價"])
      expect(bytesAreClean(Buffer.from(source), "markdown", rules), source).toBe(false);
  });

  it("leaves to the look at the copy what it cannot read: other encodings, a NUL, a combining mark, a directive", () => {
    const gbk = Buffer.from([0xba, 0xdc, 0xba, 0xc3]); // 很好 in GBK
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(clean, "utf16le")]);
    for (const bytes of [gbk, utf16, Buffer.from("很好\0"), Buffer.from("很\u0301好"), Buffer.from(`<!-- adlint-disable -->\n${clean}`)])
      expect(bytesAreClean(bytes, "markdown", rules)).toBe(false);
    expect(bytesAreClean(Buffer.from(`\ufeff${clean}`), "markdown", rules)).toBe(true);
  });

  it("reads the front matter, however long, for the rules that apply to every document of a category", () => {
    const otc = (pad: string) => `---\ntitle: "${pad}"\ncategory: otc-drug\n---\n\n${clean}`;
    for (const source of [otc(""), otc("感冒灵".repeat(600)), `\ufeff${otc("")}`, `\ufeff\ufeff${otc("")}`]) {
      expect(fullLint(builtin, source, "markdown").map((d) => d.ruleId)).toContain("ad-law/otc-drug-warning");
      expect(bytesAreClean(Buffer.from(source), "markdown", rules)).toBe(false);
    }
    expect(bytesAreClean(Buffer.from(`---\ncategory: food\n---\n\n${clean}`), "markdown", rules)).toBe(true);
    expect(bytesAreClean(Buffer.from(clean), "markdown", rules, { category: "otc-drug" })).toBe(false);
  });

  it("takes a literal with markup only where its markup is there", () => {
    const marks = markupPack.linter.rules;
    for (const source of ["排名第1", "第 1 名", "#标签 1"]) expect(bytesAreClean(Buffer.from(source), "markdown", marks), source).toBe(true);
    for (const source of ["#~~1~~", "# 1", "＃１", "a\\*b"]) expect(bytesAreClean(Buffer.from(source), "markdown", marks), source).toBe(false);
    // The bytes are read 2,048 at a time: the markup may come after the end of the piece its literal ends.
    const atPieceEnd = `${"a".repeat(2041)}[限时]`;
    expect(Buffer.from(atPieceEnd).indexOf("]")).toBe(2048);
    expect(fullLint(markupPack, atPieceEnd, "markdown").map((d) => d.ruleId)).toContain("marks/marks");
    expect(bytesAreClean(Buffer.from(atPieceEnd), "markdown", marks)).toBe(false);
    expect(bytesAreClean(Buffer.from(atPieceEnd.replace("]", "")), "markdown", marks)).toBe(true);
  });
});
