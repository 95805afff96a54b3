// Command-line arguments to a command description. Usage mistakes are AdlintErrors (exit 2).
import { parseArgs } from "node:util";
import { AdlintError } from "../core/errors.js";
import { parseSize } from "../files/read.js";
import type { Level, Locale } from "../core/types.js";
import { parseShard, type Shard } from "../files/shard.js";
import type { Concurrency } from "../parallel/threads.js";
import { formatters, type FormatterName } from "../report/index.js";

export interface LintCommand {
  command: "lint";
  paths: string[];
  format: FormatterName;
  quiet: boolean;
  fix: boolean;
  maxWarnings: number | undefined;
  /** Bytes; larger files are skipped with a warning. */
  maxFileSize: number | undefined;
  rules: Record<string, Level>;
  packs: string[];
  config: string | undefined;
  locale: Locale | undefined;
  color: boolean | undefined;
  /** Report only findings beyond this baseline's counts. */
  baseline: string | undefined;
  /** Write the counts found to the baseline (default adlint-baseline.json). */
  updateBaseline: boolean;
  shard: Shard | undefined;
  concurrency: Concurrency;
  /** Reuse results of unchanged files. */
  cache: boolean;
  cacheLocation: string | undefined;
}

/** `adlint rules diff BASE HEAD`: the rules in force at two git revisions, compared. */
export interface RulesDiffCommand {
  command: "rules-diff";
  base: string;
  head: string;
  format: FormatterName;
  config: string | undefined;
}

/** `adlint merge-reports a.json b.json…`: JSON reports of several jobs as one report. */
export interface MergeReportsCommand {
  command: "merge-reports";
  reports: string[];
  format: FormatterName;
  config: string | undefined;
  locale: Locale | undefined;
  color: boolean | undefined;
}

export interface RulesCommand {
  command: "rules-test" | "rules-list" | "rules-docs";
  packs: string[];
  /** Where `rules docs` writes the reference. */
  out: string;
  config: string | undefined;
  locale: Locale | undefined;
}

export type Command = LintCommand | RulesCommand | RulesDiffCommand | MergeReportsCommand | { command: "lsp" } | { command: "help" } | { command: "version" };

const OPTIONS = {
  format: { type: "string", short: "f" },
  quiet: { type: "boolean" },
  fix: { type: "boolean" },
  out: { type: "string", short: "o" },
  "max-warnings": { type: "string" },
  "max-file-size": { type: "string" },
  baseline: { type: "string" },
  "update-baseline": { type: "boolean" },
  shard: { type: "string" },
  concurrency: { type: "string" },
  cache: { type: "boolean" },
  "cache-location": { type: "string" },
  rule: { type: "string", multiple: true },
  pack: { type: "string", multiple: true },
  config: { type: "string", short: "c" },
  locale: { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

function locale(value: string | undefined): Locale | undefined {
  if (value === undefined) return undefined;
  if (value !== "zh" && value !== "en") throw new AdlintError(`--locale must be zh or en, not "${value}"`);
  return value;
}

function concurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === "off") return "off";
  if (value === "auto") return "auto";
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new AdlintError(`--concurrency takes auto, off or a number of threads, not "${value}"`);
  return n;
}

function ruleLevels(specs: string[] = []): Record<string, Level> {
  const out: Record<string, Level> = {};
  for (const spec of specs) {
    const m = /^([a-z0-9-]+\/[a-z0-9-]+)[=:](off|warn|error)$/.exec(spec.trim());
    if (!m) throw new AdlintError(`--rule takes pack/rule=off|warn|error, not "${spec}"`);
    out[m[1]!] = m[2] as Level;
  }
  return out;
}

export function parseCommand(argv: string[]): Command {
  // The language server is started by editors, which add transport flags of their own (--clientProcessId=…).
  if (argv[0] === "lsp") {
    if (argv.slice(1).some((a) => a.startsWith("--") && a !== "--stdio" && !a.startsWith("--clientProcessId")))
      throw new AdlintError("adlint lsp speaks over standard input and output only: adlint lsp --stdio");
    return { command: "lsp" };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new AdlintError(`${(e as Error).message.split("\n")[0]} (see adlint --help)`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { command: "help" };
  if (v.version) return { command: "version" };

  if (positionals[0] === "rules") {
    const sub = positionals[1];
    if (sub === "diff") {
      if (positionals.length !== 4) throw new AdlintError('"adlint rules diff" takes two git revisions: adlint rules diff BASE HEAD');
      const format = v.format ?? "stylish";
      if (format !== "stylish" && format !== "json") throw new AdlintError(`adlint rules diff prints stylish or json, not "${format}"`);
      return { command: "rules-diff", base: positionals[2]!, head: positionals[3]!, format, config: v.config };
    }
    if (sub !== "test" && sub !== "list" && sub !== "docs")
      throw new AdlintError(`"adlint rules" takes test, list, docs or diff, not ${sub ? `"${sub}"` : "nothing"}`);
    return {
      command: `rules-${sub}`,
      out: v.out ?? "docs/rules.md",
      packs: [...positionals.slice(2), ...(v.pack ?? [])],
      config: v.config,
      locale: locale(v.locale),
    };
  }

  const format = (v.format ?? "stylish") as FormatterName;
  if (!(format in formatters)) throw new AdlintError(`--format must be one of ${Object.keys(formatters).join(", ")}, not "${v.format}"`);
  let maxWarnings: number | undefined;
  if (v["max-warnings"] !== undefined) {
    maxWarnings = Number(v["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new AdlintError(`--max-warnings takes a whole number, not "${v["max-warnings"]}"`);
  }
  if (positionals[0] === "merge-reports") {
    if (positionals.length < 2) throw new AdlintError('"adlint merge-reports" takes the JSON reports to merge: adlint merge-reports a.json b.json…');
    return { command: "merge-reports", reports: positionals.slice(1), format, config: v.config, locale: locale(v.locale), color: v["no-color"] ? false : v.color };
  }
  let maxFileSize: number | undefined;
  if (v["max-file-size"] !== undefined) {
    maxFileSize = parseSize(v["max-file-size"]);
    if (maxFileSize === undefined)
      throw new AdlintError(`--max-file-size takes a size such as 5MB, 512KB or a number of bytes, not "${v["max-file-size"]}"`);
  }
  return {
    command: "lint",
    paths: positionals,
    format,
    quiet: v.quiet ?? false,
    fix: v.fix ?? false,
    maxWarnings,
    maxFileSize,
    rules: ruleLevels(v.rule),
    packs: v.pack ?? [],
    config: v.config,
    locale: locale(v.locale),
    color: v["no-color"] ? false : v.color,
    baseline: v.baseline ?? (v["update-baseline"] ? "adlint-baseline.json" : undefined),
    updateBaseline: v["update-baseline"] ?? false,
    shard: v.shard === undefined ? undefined : parseShard(v.shard),
    concurrency: concurrency(v.concurrency),
    cache: v.cache ?? v["cache-location"] !== undefined,
    cacheLocation: v["cache-location"],
  };
}

export const HELP = `adlint: lint Chinese marketing copy against the Advertising Law

Usage:
  adlint [paths or globs…]        lint files (default: the current folder)
  adlint rules test [packs…]      run every rule's examples
  adlint rules list               list the rules with their law
  adlint rules docs [packs…]      write the rules reference to docs/rules.md (or --out FILE)
  adlint lsp --stdio              run the language server for editors
  adlint rules diff BASE HEAD     rules removed, lowered or added between two git revisions
  adlint merge-reports FILES…     join JSON reports (of sharded jobs) into one report

Options:
  -f, --format stylish|json|unix|sarif|github|checkstyle|junit
                                  report format (default stylish)
  -c, --config FILE               use this config instead of adlint.config.yaml
      --pack FILE                 add a rule pack (repeatable)
      --rule pack/rule=LEVEL      set a rule to off, warn or error (repeatable)
      --fix                       apply the safe fixes rules declare, then report what is left
      --quiet                     report errors only
      --max-warnings N            exit 1 when there are more than N warnings
      --max-file-size SIZE        skip files larger than SIZE (default 5MB) with a warning
      --baseline FILE             report only findings beyond the counts FILE accepts
      --update-baseline           write the counts found to the baseline (adlint-baseline.json)
      --shard i/n                 lint the i-th of n stable shares of the files
      --concurrency auto|N|off    lint in N threads, or one per core (auto); default off
      --cache                     reuse the results of files whose text has not changed
      --cache-location PATH       cache file or folder (default node_modules/.cache/adlint/)
      --locale zh|en              language of messages (default zh)
      --color, --no-color         force colours on or off
  -h, --help                      show this help
  -v, --version                   show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or config error.
`;
