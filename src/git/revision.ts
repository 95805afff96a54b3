// Opens the project as it was at a git revision: the config file and every
// file it names inside the repository (rule packs, the evidence registry) are
// read from that revision with `git cat-file`, never from the work tree, so a
// change under review cannot loosen the rules it is checked against. The copy
// itself is still linted from the work tree; only the settings come from git.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { CONFIG_NAMES, defaultConfig, parseConfig, type Config } from "../config/config.js";
import { AdlintError } from "../core/errors.js";
import type { Locale } from "../core/types.js";
import { isInside } from "../files/paths.js";
import { openProject, type Project } from "../project.js";
import { git, resolveRevision, topLevel } from "./git.js";

export interface RevisionOptions {
  /** Where linting runs (inside the repository); default process.cwd(). */
  cwd?: string;
  /** A config file (relative to cwd or absolute, inside the repository); default: found from cwd upward. */
  config?: string;
  /** Where the revision's files are written; default the system temp folder. */
  tmp?: string;
  locale?: Locale;
}

export interface RevisionProject {
  project: Project;
  /** The config's repository-relative path, when the revision has one. */
  configPath?: string;
  /** The full SHA of the revision. */
  sha: string;
  /**
   * Removes the copy of the revision's files the project was opened from. Call it once the
   * project is done with: worker threads open the project again from that copy.
   */
  close(): void;
}

const toPosix = (path: string) => path.split(sep).join("/");

/** Every string in a YAML document: the candidates for paths it names. */
function yamlStrings(text: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) {
        out.push(k);
        walk(v);
      }
  };
  try {
    walk(parseYaml(text));
  } catch {
    // parseConfig reports the syntax error with its position.
  }
  return out;
}

async function filesAt(sha: string, repo: string): Promise<Set<string>> {
  const out = await git(["-c", "core.quotePath=false", "ls-tree", "-r", "-z", "--name-only", sha], repo);
  return new Set(out.split("\0").filter(Boolean));
}

/** The project whose config and packs are those of `revision`, linting the work tree at cwd. */
export async function openProjectAt(revision: string, options: RevisionOptions = {}): Promise<RevisionProject> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const repo = await topLevel(cwd);
  const sha = await resolveRevision(revision, repo);
  if (!sha) throw new AdlintError(`the repository has no revision "${revision}" (is the checkout deep enough? fetch-depth: 2 or more)`);
  const files = await filesAt(sha, repo);
  const inRepo = (abs: string) => {
    const rel = relative(repo, abs);
    return isInside(rel) ? toPosix(rel) : undefined;
  };

  let configPath: string | undefined;
  if (options.config !== undefined) {
    configPath = inRepo(resolve(cwd, options.config));
    if (!configPath) throw new AdlintError(`the config ${options.config} is outside the repository, so it cannot be read from ${revision}`);
    if (!files.has(configPath)) throw new AdlintError(`${revision} has no config file ${configPath}`);
  } else {
    // As findConfig does in the work tree, from cwd up to the repository's top.
    let dir = inRepo(cwd) ?? "";
    for (;;) {
      configPath = CONFIG_NAMES.map((name) => (dir ? `${dir}/${name}` : name)).find((p) => files.has(p));
      if (configPath !== undefined || !dir) break;
      const up = posix.dirname(dir);
      dir = up === "." ? "" : up;
    }
  }

  // The config and the files it names are copied out of git, for the project to open.
  const copy = configPath === undefined ? undefined : mkdtempSync(join(options.tmp ?? tmpdir(), "adlint-rev-"));
  const close = () => {
    if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
  };
  try {
    const config = copy === undefined || configPath === undefined ? defaultConfig(cwd) : await copyConfig(copy, configPath, files, sha, repo);
    const project = openProject({ config, cwd, ...(options.locale ? { locale: options.locale } : {}) });
    return { project, sha, ...(configPath !== undefined ? { configPath } : {}), close };
  } catch (e) {
    close();
    throw e;
  }
}

/** Writes the config at a revision, and every file it names that the revision has, under dir. */
async function copyConfig(dir: string, configPath: string, files: Set<string>, sha: string, repo: string): Promise<Config> {
  // The copy's top stands for the repository's: config may name only files inside it.
  mkdirSync(join(dir, ".git"));
  const write = async (path: string): Promise<string> => {
    const out = join(dir, path);
    mkdirSync(dirname(out), { recursive: true });
    const text = await git(["cat-file", "blob", `${sha}:${path}`], repo);
    writeFileSync(out, text);
    return text;
  };
  const text = await write(configPath);
  // Every file the config names that the revision has (packs, the evidence registry),
  // and the evidence registry the config finds beside itself without naming it.
  const configDir = posix.dirname(configPath);
  const named = [...yamlStrings(text), "evidence.yaml"];
  for (const value of named) {
    if (isAbsolute(value) || value.includes("*")) continue;
    const path = posix.normalize(posix.join(configDir, value.split("\\").join("/")));
    if (files.has(path) && path !== configPath) await write(path);
  }
  // Packs and the registry resolve into the copy; globs and channels apply to the work tree.
  return { ...parseConfig(join(dir, configPath), text), root: join(repo, configDir) };
}
