#!/usr/bin/env node
// The adlint command: a thin shell over the library.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { adlintVersion } from "../core/version.js";
import { AdlintError } from "../core/errors.js";
import { runExamples } from "../engine/examples.js";
import { lintEach, type RunOptions } from "../lint.js";
import { isPackPath } from "../config/config.js";
import { loadPack } from "../packs/registry.js";
import { openProject } from "../project.js";
import { formatters, reports } from "../report/index.js";
import { rulesReference } from "../report/rules-doc.js";
import { inShard, mergeResults, readReport } from "../files/shard.js";
import { effectiveRuleSpecs } from "../report/sarif.js";
import { BaselineFilter, baselineDir, readBaseline, writeBaseline } from "../suppress/baseline.js";
import { ReportOutput } from "./output.js";
import { HELP, parseCommand, type LintCommand, type MergeReportsCommand, type RulesCommand, type RulesDiffCommand } from "./args.js";

const version = adlintVersion;

async function runLint(cmd: LintCommand): Promise<number> {
  const project = openProject({
    ...(cmd.config ? { config: cmd.config } : {}),
    packs: cmd.packs,
    rules: cmd.rules,
    ...(cmd.locale ? { locale: cmd.locale } : {}),
  });
  const zh = project.locale === "zh";
  const shard = cmd.shard;
  const baselineFile = cmd.baseline ? resolve(cmd.baseline) : undefined;
  const baseline = baselineFile ? new BaselineFilter(readBaseline(baselineFile), baselineDir(baselineFile), cmd.updateBaseline) : undefined;
  const report = reports[cmd.format]({
    cwd: process.cwd(),
    locale: project.locale,
    color: cmd.color ?? (process.stdout.isTTY === true && !process.env["NO_COLOR"]),
    rules: effectiveRuleSpecs(project.packs, project.config.rules),
    version: version(),
  });
  const out = new ReportOutput(process.stdout);
  let warnings = 0;
  let errors = 0;
  await out.write(report.begin());
  // Each file's result is fixed, filtered, counted and written as it comes, then let go.
  const options: RunOptions = {
    fix: cmd.fix,
    ...(shard ? { select: (f: string) => inShard(f, project.config.root, shard) } : {}),
    ...(cmd.maxFileSize !== undefined ? { maxFileSize: cmd.maxFileSize } : {}),
    concurrency: cmd.concurrency,
    cache: cmd.cache,
    ...(cmd.cacheLocation !== undefined ? { cacheLocation: cmd.cacheLocation } : {}),
    warn: (p) =>
      process.stderr.write(
        zh ? `adlint: 无法写入缓存 ${p.file}（${p.code}），本次结果不受影响\n` : `adlint: could not write the cache ${p.file} (${p.code}); the results are not affected\n`,
      ),
  };
  // Loaded only to fix: node:fs/promises takes 2 ms to start.
  const writeFix = cmd.fix ? (await import("../files/write.js")).writeFix : undefined;
  await lintEach(project, cmd.paths, options, async (linted) => {
    if (writeFix && !(await writeFix(linted)))
      process.stderr.write(
        zh
          ? `adlint: ${linted.filePath} 是 GB18030/GBK 编码，修复未写回；请改存为 UTF-8 后再用 --fix\n`
          : `adlint: ${linted.filePath} is GB18030/GBK, which adlint cannot write; fixes were not saved (save it as UTF-8 first)\n`,
      );
    let result = baseline ? baseline.apply(linted) : linted;
    warnings += result.warningCount;
    errors += result.errorCount;
    if (cmd.quiet) result = { ...result, messages: result.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 };
    await out.write(report.file(result));
  });
  if (baseline && baselineFile && cmd.updateBaseline) writeBaseline(baselineFile, baseline.next());
  await out.write(report.end());
  await out.end();
  if (errors > 0) return 1;
  if (cmd.maxWarnings !== undefined && cmd.maxWarnings >= 0 && warnings > cmd.maxWarnings) {
    process.stderr.write(
      zh ? `adlint 发现 ${warnings} 个警告，超过 --max-warnings ${cmd.maxWarnings}。\n` : `adlint found too many warnings (maximum: ${cmd.maxWarnings}).\n`,
    );
    return 1;
  }
  return 0;
}

function packsFor(cmd: RulesCommand) {
  if (cmd.packs.length) return cmd.packs.map((p) => loadPack(p, isPackPath(p)));
  return openProject(cmd.config ? { config: cmd.config } : {}).packs;
}

function runRulesTest(cmd: RulesCommand): number {
  const packs = packsFor(cmd);
  const report = runExamples(packs);
  const zh = (cmd.locale ?? "zh") === "zh";
  const problems = {
    "not-flagged": zh ? "违规示例未被发现" : "invalid example not flagged",
    flagged: zh ? "合规示例被误报" : "valid example flagged",
    "no-examples": zh ? "规则没有违规示例" : "rule has no invalid examples",
    duplicate: zh ? "示例重复" : "duplicate example",
  };
  for (const f of report.failures) {
    const text = f.text !== undefined ? `: ${JSON.stringify(f.text)}` : "";
    const got = f.messages ? `\n    ${f.messages.join("\n    ")}` : "";
    process.stdout.write(`${f.file}:${f.line}: ${f.ruleId}: ${problems[f.problem]}${text}${got}\n`);
  }
  const failedExamples = new Set(report.failures.map((f) => `${f.file}:${f.line}`)).size;
  process.stdout.write(
    `${zh ? "规则" : "rules"}: ${report.rules}, ${zh ? "示例" : "examples"}: ${report.examples}\n` +
      `${report.examples - failedExamples} passed, ${failedExamples} failed\n`,
  );
  return report.failures.length ? 1 : 0;
}

function runRulesList(cmd: RulesCommand): number {
  const zh = (cmd.locale ?? "zh") === "zh";
  for (const pack of packsFor(cmd)) {
    process.stdout.write(`${pack.name} ${pack.version}${pack.description ? `  ${pack.description}` : ""}\n`);
    for (const rule of pack.rules) {
      const message = (!zh && rule.message.en) || rule.message.zh;
      process.stdout.write(`  ${rule.id.padEnd(40)} ${rule.level.padEnd(5)} ${rule.kind.padEnd(7)} ${rule.law}\n      ${message}\n`);
    }
  }
  return 0;
}

function runRulesDocs(cmd: RulesCommand): number {
  const file = resolve(cmd.out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, rulesReference(packsFor(cmd)));
  process.stdout.write(`${relative(process.cwd(), file) || file}\n`);
  return 0;
}

/** Exits 1 when the head revision removes or lowers a rule the base has. */
async function runRulesDiff(cmd: RulesDiffCommand): Promise<number> {
  // Loaded only here: git runs through node:child_process, which takes 5 ms to start.
  const { diffRevisionRules, formatRulesDiff, loosens } = await import("../git/rules-diff.js");
  const diff = await diffRevisionRules(cmd.base, cmd.head, cmd.config ? { config: cmd.config } : {});
  process.stdout.write(cmd.format === "json" ? `${JSON.stringify(diff)}\n` : formatRulesDiff(diff));
  return loosens(diff) ? 1 : 0;
}

function runMergeReports(cmd: MergeReportsCommand): number {
  const results = mergeResults(cmd.reports.map(readReport));
  // Only SARIF needs the rules' descriptions; the other formats need no config.
  const project = cmd.format === "sarif" ? openProject({ ...(cmd.config ? { config: cmd.config } : {}), ...(cmd.locale ? { locale: cmd.locale } : {}) }) : undefined;
  const out = formatters[cmd.format](results, {
    cwd: process.cwd(),
    locale: cmd.locale ?? project?.locale ?? "zh",
    color: cmd.color ?? (process.stdout.isTTY === true && !process.env["NO_COLOR"]),
    ...(project ? { rules: effectiveRuleSpecs(project.packs, project.config.rules) } : {}),
    version: version(),
  });
  if (out) process.stdout.write(out.endsWith("\n") ? out : `${out}\n`);
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const cmd = parseCommand(argv);
  switch (cmd.command) {
    case "help":
      process.stdout.write(HELP);
      return 0;
    case "version":
      process.stdout.write(`${version()}\n`);
      return 0;
    case "lint":
      return runLint(cmd);
    case "rules-test":
      return runRulesTest(cmd);
    case "rules-list":
      return runRulesList(cmd);
    case "lsp":
      // Loaded only here: the lint command does not pay for the protocol library.
      return (await import("../lsp/server.js")).runLanguageServer();
    case "rules-docs":
      return runRulesDocs(cmd);
    case "rules-diff":
      return runRulesDiff(cmd);
    case "merge-reports":
      return runMergeReports(cmd);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof AdlintError) process.stderr.write(`adlint: ${e.format()}\n`);
    else {
      process.stderr.write(`adlint: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      if (process.env["ADLINT_DEBUG"]) process.stderr.write(`${(e as Error)?.stack}\n`);
    }
    process.exitCode = 2;
  },
);
