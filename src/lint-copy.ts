// Lints one file's decoded text, and with `fix` applies the safe fixes until
// none is left: the pure step between reading a file and reporting on it, run
// in this thread or in a worker.
import type { Diagnostic } from "./core/types.js";
import type { SourceOptions } from "./engine/linter.js";
import type { ByteLook } from "./engine/prescan-bytes.js";
import { applyFixes } from "./fix/apply.js";
import type { Project } from "./project.js";

/** ESLint's limit: fixes can make new problems, so fixing repeats, but not forever. */
const MAX_FIX_PASSES = 10;

export interface LintedCopy {
  messages: Diagnostic[];
  /** The fixed text, when fixing changed it. */
  output?: string;
}

/** `bytes`: what the look at the text's bytes showed, if one was made. */
export function lintCopy(project: Project, text: string, source: SourceOptions, fix: boolean, bytes?: ByteLook): LintedCopy {
  let messages = project.linter.lintSource(text, source, bytes);
  if (!fix) return { messages };
  let output = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { output: fixed, applied } = applyFixes(output, messages);
    if (applied.length === 0) break;
    output = fixed;
    messages = project.linter.lintSource(output, source);
  }
  return output === text ? { messages } : { messages, output };
}
