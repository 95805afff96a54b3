// The GitHub Action: lints the workspace with the rules of the base commit,
// keeps the findings the change is answerable for, annotates them, writes the
// job summary, SARIF and outputs, and fails the step at the chosen level.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import * as core from "@actions/core";
import { AdlintError } from "../core/errors.js";
import type { LintResult } from "../core/types.js";
import { isInside } from "../files/paths.js";
import { changedLines, diffRevisions } from "../git/diff.js";
import { git, topLevel } from "../git/git.js";
import { openProjectAt } from "../git/revision.js";
import { diffRevisionRules, formatRulesDiff, loosens, type RulesDiff } from "../git/rules-diff.js";
import { lintWithProject } from "../lint.js";
import { openProject, type Project } from "../project.js";
import { effectiveRuleSpecs, sarif } from "../report/sarif.js";
import { applyBaseline, readBaseline, type Baseline } from "../suppress/baseline.js";
import { planAnnotations } from "./annotations.js";
import { findBase, isPullRequest, readEvent, type Base } from "./base.js";
import { filterResults, type ChangedLines, type Located } from "./filter.js";
import { readInputs, type ActionInputs } from "./inputs.js";
import { renderSummary } from "./summary.js";

const toPosix = (path: string) => path.split(sep).join("/");

function packageVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version;
  } catch {
    return undefined;
  }
}

/** The baseline as the trusted revision has it: a change cannot raise its own allowance. */
async function loadBaseline(inputs: ActionInputs, cwd: string, repo: string, trustedBase: Base | undefined): Promise<{ data: Baseline; dir: string } | undefined> {
  if (!inputs.baseline) return undefined;
  const file = resolve(cwd, inputs.baseline);
  const dir = dirname(file);
  if (!trustedBase) return { data: readBaseline(file), dir };
  const rel = toPosix(relative(repo, file));
  let text: string;
  try {
    text = await git(["cat-file", "blob", `${trustedBase.sha}:${rel}`], repo);
  } catch {
    core.info(`adlint: the base commit has no baseline ${rel}; every finding counts`);
    return { data: {}, dir };
  }
  const tmp = join(process.env["RUNNER_TEMP"] || tmpdir(), `adlint-baseline-${trustedBase.sha.slice(0, 12)}.json`);
  writeFileSync(tmp, text);
  return { data: readBaseline(tmp), dir };
}

const count = (results: Located[], severity: number) => results.reduce((n, { result }) => n + result.messages.filter((m) => m.severity === severity).length, 0);

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  const cwd = resolve(env["GITHUB_WORKSPACE"] || process.cwd());
  const repo = await topLevel(cwd);
  const event = readEvent(env);
  const base = await findBase(event, repo);
  const trust = inputs.trustedConfig ?? (isPullRequest(event) ? "base" : "head");
  const tmp = env["RUNNER_TEMP"] || tmpdir();

  if (base) core.info(`adlint: comparing with ${base.sha} (${base.from === "merge-parent" ? "the merge commit's first parent" : "the event's base"})`);
  else core.info("adlint: no base commit to compare with; every finding counts");

  // The rules: the base commit's, so that a change cannot weaken its own check.
  let project: Project;
  let rulesFrom: string;
  let rulesDiff: RulesDiff | undefined;
  let closeProject = () => {};
  const configOption = inputs.config ? { config: inputs.config } : {};
  if (trust === "base") {
    if (!base)
      throw new AdlintError(
        "trusted-config is base, but the base commit is not in the checkout: use actions/checkout with fetch-depth: 2 (or more), or set trusted-config: head",
      );
    const atBase = await openProjectAt(base.sha, { cwd, tmp, ...configOption });
    project = atBase.project;
    closeProject = atBase.close;
    rulesFrom = `base ${base.sha.slice(0, 7)}`;
    try {
      rulesDiff = await diffRevisionRules(base.sha, "HEAD", { cwd, tmp, ...configOption });
    } catch (e) {
      core.warning(`adlint: could not read this change's rules to compare them: ${e instanceof AdlintError ? e.format() : (e as Error).message}`);
    }
    if (rulesDiff && loosens(rulesDiff)) {
      const list = [...rulesDiff.removed.map((r) => `${r.id} removed (was ${r.from})`), ...rulesDiff.lowered.map((r) => `${r.id} lowered ${r.from} -> ${r.to}`)];
      core.notice(`This change loosens adlint's rules; they take effect once it is merged, and this check used the base commit's rules. ${list.join("; ")}`, {
        title: "adlint rules changed",
      });
      core.info(formatRulesDiff(rulesDiff));
    }
  } else {
    project = openProject({ cwd, ...configOption });
    rulesFrom = "head";
  }

  // The change: which files and lines it added.
  let changed: ChangedLines | undefined;
  if (base) changed = changedLines(await diffRevisions(base.sha, "HEAD", repo));
  const repoPath = (file: string) => {
    const rel = relative(repo, file);
    return isInside(rel) ? toPosix(rel) : toPosix(file);
  };
  const onlyChangedFiles = changed !== undefined && inputs.filterMode !== "nofilter";
  let all: LintResult[];
  try {
    all = await lintWithProject(project, inputs.paths, {
      cwd,
      ...(onlyChangedFiles ? { select: (file: string) => changed!.has(repoPath(file)) } : {}),
    });
  } finally {
    closeProject();
  }

  const baseline = await loadBaseline(inputs, cwd, repo, trust === "base" ? base : undefined);
  const kept = baseline ? applyBaseline(all, baseline.data, baseline.dir) : all;
  const findings = (results: LintResult[]) => results.reduce((n, r) => n + r.messages.length, 0);
  const baselined = findings(all) - findings(kept);
  if (baseline) core.info(`adlint: the baseline accepted ${baselined} known finding(s)`);

  const located: Located[] = kept.map((result) => ({ path: repoPath(result.filePath), result }));
  const reported = filterResults(located, inputs.filterMode, changed);
  const errors = count(reported, 2);
  const warnings = count(reported, 1);

  // Annotations: GitHub shows 10 of each kind; the ones on changed lines first.
  const plan = planAnnotations(reported, changed);
  for (const a of plan.annotations) {
    const props: core.AnnotationProperties = { title: a.title, file: a.file, startLine: a.line, endLine: a.endLine };
    if (a.column !== undefined) Object.assign(props, { startColumn: a.column, endColumn: a.endColumn });
    (a.kind === "error" ? core.error : core.warning)(a.message, props);
  }
  if (plan.omitted > 0)
    core.notice(`adlint: ${plan.omitted} more finding${plan.omitted === 1 ? " is" : "s are"} not annotated (GitHub shows 10 errors and 10 warnings per step); the job summary lists all ${errors + warnings}.`);

  if (env["GITHUB_STEP_SUMMARY"]) {
    const md = renderSummary({
      results: reported,
      locale: project.locale,
      rulesFrom,
      filterMode: inputs.filterMode,
      ...(rulesDiff ? { rulesDiff } : {}),
      ...(baseline ? { baselined } : {}),
    });
    await core.summary.addRaw(md).write();
  }

  // SARIF: every finding past the baseline, whatever the filter: code scanning tracks them across the repository.
  if (inputs.sarifFile) {
    const file = resolve(cwd, inputs.sarifFile);
    mkdirSync(dirname(file), { recursive: true });
    const server = env["GITHUB_SERVER_URL"] || "https://github.com";
    const actionRepo = env["GITHUB_ACTION_REPOSITORY"] || env["GITHUB_REPOSITORY"];
    const version = packageVersion();
    writeFileSync(
      file,
      sarif(kept, {
        cwd: repo,
        locale: project.locale,
        color: false,
        rules: effectiveRuleSpecs(project.packs, project.config.rules),
        ...(version ? { version } : {}),
        ...(actionRepo ? { informationUri: `${server}/${actionRepo}` } : {}),
      }),
    );
    core.setOutput("sarif-file", file);
  }
  core.setOutput("errors", errors);
  core.setOutput("warnings", warnings);

  const failing = inputs.failLevel === "error" ? errors : inputs.failLevel === "warning" ? errors + warnings : 0;
  if (failing > 0) core.setFailed(`adlint found ${errors} error${errors === 1 ? "" : "s"} and ${warnings} warning${warnings === 1 ? "" : "s"} (fail-level: ${inputs.failLevel})`);
  else core.info(`adlint: ${errors} error(s), ${warnings} warning(s)`);
}
