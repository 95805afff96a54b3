// The projects the editor lints with: one per workspace folder (its
// config found from the folder), and one per config for files outside every
// folder. A project that fails to load keeps the last one that loaded, and
// remembers the errors so they can be shown on the config or pack file.
import { basename, dirname, relative, resolve } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { CONFIG_NAMES, findConfig, isPackPath } from "../config/config.js";
import { AdlintError, AdlintErrors } from "../core/errors.js";
import { isInside } from "../files/paths.js";
import { openProject, type Project } from "../project.js";
import { isContentOnlyByConfig } from "../sources/index.js";
import type { Format } from "../sources/document.js";

/** An error in a config or pack, where it was found (1-based). */
export interface LoadProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

const within = (dir: string, file: string): boolean => {
  const rel = relative(dir, file);
  return rel === "" || isInside(rel);
};

/** One project and how it was last loaded. */
export class ProjectHost {
  /** The last project that loaded; kept while the config or a pack is broken. */
  project: Project | undefined;
  problems: LoadProblem[] = [];
  private configFile: string | undefined;
  private ignored: Ignore = ignore();
  private isContent: (rel: string) => boolean = () => false;

  constructor(
    /** The workspace folder, or the folder a config outside every folder is in. */
    readonly root: string,
    private readonly configPath: string | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.reload();
  }

  /** Opens the project again from disk; false when it failed (and the last good one stays). */
  reload(): boolean {
    this.configFile = this.configPath ? resolve(this.root, this.configPath) : findConfig(this.root);
    try {
      const project = openProject({ cwd: this.root, ...(this.configFile ? { config: this.configFile } : {}) });
      this.project = project;
      this.problems = [];
      this.ignored = ignore().add(project.config.ignore);
      this.isContent = project.config.content.length ? picomatch(project.config.content, { dot: true }) : () => false;
      return true;
    } catch (e) {
      this.problems = problemsOf(e, this.configFile);
      for (const p of this.problems) this.log(`adlint: ${p.file}:${p.line}:${p.column}: ${p.message}`);
      return false;
    }
  }

  /** The config and pack files this project reads: a change to any of them means a reload. */
  files(): string[] {
    const out = new Set<string>();
    if (this.configFile) out.add(this.configFile);
    for (const pack of this.project?.packs ?? []) out.add(pack.file);
    for (const entry of this.project?.config.packs ?? []) if (isPackPath(entry)) out.add(entry);
    if (this.project?.config.evidence) out.add(this.project.config.evidence);
    for (const p of this.problems) out.add(p.file);
    return [...out];
  }

  /** Whether `file` is copy this project lints: config and pack files are not, nor ignored files, nor data files outside `content`. */
  lints(file: string | undefined, format: Format): boolean {
    if (file === undefined) return true;
    if (CONFIG_NAMES.includes(basename(file)) || this.files().includes(file)) return false;
    const root = this.project?.config.root ?? this.root;
    const rel = within(root, file) ? relative(root, file).split("\\").join("/") : undefined;
    if (rel && this.ignored.ignores(rel)) return false;
    if (isContentOnlyByConfig(format)) return rel !== undefined && this.isContent(rel);
    return true;
  }
}

/** Load errors, each at its file and position; an error without a place is put on the config file. */
export function problemsOf(e: unknown, configFile: string | undefined): LoadProblem[] {
  const errors = e instanceof AdlintErrors ? e.errors : [e];
  const out: LoadProblem[] = [];
  for (const error of errors) {
    const message = error instanceof Error ? error.message : String(error);
    const at = error instanceof AdlintError ? error.location : undefined;
    const file = at?.file ?? configFile;
    if (!file) continue;
    out.push({ file: resolve(file), line: at?.line ?? 1, column: at?.column ?? 1, message });
  }
  return out;
}

/** Every project the server has open, and which one a file belongs to. */
export class Workspace {
  private folders: ProjectHost[] = [];
  /** Projects for files outside every folder, by the config found for them. */
  private loose = new Map<string, ProjectHost>();

  constructor(
    private readonly log: (message: string) => void,
    private configPath: string | undefined = undefined,
  ) {}

  setFolders(paths: string[]): void {
    const old = new Map(this.folders.map((h) => [h.root, h]));
    this.folders = paths.map((p) => old.get(p) ?? new ProjectHost(p, this.configPath, this.log));
  }

  addFolder(path: string): void {
    if (!this.folders.some((h) => h.root === path)) this.folders.push(new ProjectHost(path, this.configPath, this.log));
  }

  removeFolder(path: string): void {
    this.folders = this.folders.filter((h) => h.root !== path);
  }

  setConfigPath(configPath: string | undefined): void {
    if (configPath === this.configPath) return;
    this.configPath = configPath;
    this.folders = this.folders.map((h) => new ProjectHost(h.root, configPath, this.log));
    this.loose.clear();
  }

  /** The project of the innermost folder holding `file`, else one found from the file's folder. */
  hostFor(file: string | undefined): ProjectHost {
    let best: ProjectHost | undefined;
    if (file)
      for (const h of this.folders) if (within(h.root, file) && (!best || h.root.length > best.root.length)) best = h;
    if (best) return best;
    if (!file) return this.folders[0] ?? this.looseHost(process.cwd());
    return this.looseHost(dirname(file));
  }

  private looseHost(dir: string): ProjectHost {
    const config = findConfig(dir);
    const key = config ?? "";
    let host = this.loose.get(key);
    if (!host) {
      host = new ProjectHost(config ? dirname(config) : dir, config, this.log);
      this.loose.set(key, host);
    }
    return host;
  }

  hosts(): ProjectHost[] {
    return [...this.folders, ...this.loose.values()];
  }

  /** Reloads every project; config files may have appeared or gone, so the loose ones are found again. */
  reloadAll(): void {
    for (const h of this.folders) h.reload();
    for (const [key, h] of this.loose) {
      if (key && findConfig(h.root) !== key) this.loose.delete(key);
      else h.reload();
    }
  }

  /** Whether a changed file is one projects read. */
  affects(file: string): boolean {
    const name = basename(file);
    if (CONFIG_NAMES.includes(name) || name === "evidence.yaml") return true;
    return this.hosts().some((h) => h.files().includes(file));
  }

  problems(): LoadProblem[] {
    return this.hosts().flatMap((h) => h.problems);
  }
}
