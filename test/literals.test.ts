// What a pattern needs before it can match: the literal filter for the
// automaton, and the sets the look before parsing asks for, one of each.
import { describe, expect, it } from "vitest";
import { patternLiterals } from "../src/engine/literals.js";

describe("pattern literals", () => {
  it.each([
    ["最(佳|好)", ["最佳", "最好"], [[["最佳", "最好"]]]],
    ["\\d+天[^。]{0,8}(见效|变白)", ["见效", "变白"], [[["天"], ["见效", "变白"]]]],
    ["第一|no\\.?1", ["第一", "no"], [[["第一"]], [["no"], ["1"]]]],
    ["(?<!不)保证\\d+%", ["保证"], [[["保证"], ["%"]]]],
    ["\\d+", undefined, [[]]],
    // White space at the ends of a literal is left off; a literal of white space alone filters nothing.
    [" 第一|top 1 ", ["第一", "top 1"], [[["第一"]], [["top 1"]]]],
    ["a\\d \\d", ["a"], [[["a"]]]],
    ["(", undefined, []],
  ])("%s", (source, literals, sets) => {
    const found = patternLiterals(source);
    expect(found.literals?.sort()).toEqual(literals?.sort());
    expect(found.sets).toEqual(sets);
  });
});
