// Paths and globs to the files adlint reads: directories are walked for
// supported formats, .gitignore files and config ignores are honoured, and
// node_modules and .git are never entered.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { AdlintError } from "../core/errors.js";
import { formatOf, isContentOnlyByConfig, supportedExtensions } from "../sources/index.js";
import { isInside, relativeFrom } from "./paths.js";
import { repositoryRoot } from "./repository.js";

const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**"];

export interface FindOptions {
  cwd: string;
  /** Config ignore globs, relative to `root`. */
  ignore: string[];
  /** Config globs of YAML/JSON files that hold copy, relative to `root`. */
  content: string[];
  root: string;
}

/** Data files are copy only where the config says so: package.json and CI files never are. */
function needsContentGlob(file: string): boolean {
  const format = formatOf(file);
  return format !== undefined && isContentOnlyByConfig(format);
}

interface GitIgnore {
  /** A path relative to the .gitignore's folder. */
  relative: (file: string) => string;
  rules: Ignore;
}

type Glob = typeof import("fast-glob");
let glob: Glob | undefined;

/** fast-glob, loaded for the first pattern that names no file or folder: it takes 7-11 ms to start, which naming them never needs. */
async function fastGlob(): Promise<Glob> {
  return (glob ??= (await import("fast-glob")).default);
}

/**
 * The .gitignore files that apply below `base`: its own and those of its parents in the
 * same repository. `below` are those below `base`.
 */
function gitIgnores(base: string, below: string[]): GitIgnore[] {
  const files = [...below];
  const top = repositoryRoot(base);
  if (top)
    for (let d = dirname(base); d.length >= top.length && d !== base; d = dirname(d)) {
      const file = join(d, ".gitignore");
      if (existsSync(file)) files.push(file);
      if (d === top || dirname(d) === d) break;
    }
  const out: GitIgnore[] = [];
  for (const file of files) {
    try {
      out.push({ relative: relativeFrom(dirname(file)), rules: ignore().add(readFileSync(file, "utf8")) });
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  }
  return out;
}

function isIgnored(file: string, ignores: GitIgnore[]): boolean {
  return ignores.some(({ relative, rules }) => {
    const rel = relative(file);
    return isInside(rel) && rules.ignores(rel.split("\\").join("/"));
  });
}

interface Walked {
  files: string[];
  gitignores: string[];
}

/**
 * The files below `dir` with one of `extensions`, and its .gitignore files, walked as
 * `**\/*.{ext,…}` is globbed: no entry whose name starts with a dot, no node_modules,
 * and no link followed, to a folder or a file.
 */
function walk(dir: string, extensions: ReadonlySet<string>, out: Walked = { files: [], gitignores: [] }): Walked {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    // A folder removed while it was walked holds nothing; one that cannot be read is linted
    // itself, so the report says it was skipped and why, as for a file that cannot be read.
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") out.files.push(dir);
    return out;
  }
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  for (const entry of entries) {
    const name = entry.name;
    if (name === ".gitignore" && (entry.isFile() || entry.isSymbolicLink())) out.gitignores.push(prefix + name);
    if (name.charCodeAt(0) === 0x2e) continue;
    if (entry.isDirectory()) {
      if (name !== "node_modules") walk(prefix + name, extensions, out);
    } else if (entry.isFile() && extensions.has(name.slice(name.lastIndexOf(".")))) out.files.push(prefix + name);
  }
  return out;
}

/** Whether something, even a broken link, has this name. */
function existsAsEntry(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The files to lint, absolute and sorted. Named files are always included. */
export async function findFiles(patterns: string[], options: FindOptions): Promise<string[]> {
  const found = new Set<string>();
  const extensions = new Set(supportedExtensions);
  const fromRoot = relativeFrom(resolve(options.root));
  const underRoot = (file: string) => {
    const rel = fromRoot(file);
    return rel === "" || isInside(rel) ? rel.split("\\").join("/") : undefined;
  };
  // Most configs ignore nothing, and most files are no data file: those are kept without working out their path from the root.
  const configIgnore = options.ignore.length ? ignore().add(options.ignore) : undefined;
  const isContent = options.content.length ? picomatch(options.content, { dot: true }) : () => false;
  const excluded = (file: string) => {
    const data = needsContentGlob(file);
    if (!configIgnore && !data) return false;
    const rel = underRoot(file);
    if (rel !== undefined && configIgnore?.ignores(rel)) return true;
    return data && !(rel !== undefined && isContent(rel));
  };

  for (const pattern of patterns) {
    const path = resolve(options.cwd, pattern);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      stat = undefined;
    }
    // A named path that exists but is no folder (a file, a link that loops or dangles, a FIFO)
    // is linted, so the report says what is wrong with it rather than that nothing matched.
    if (stat?.isFile() || (!stat?.isDirectory() && existsAsEntry(path))) {
      found.add(path);
      continue;
    }
    // Like git, a walk does not follow links to folders, so a link loop cannot trap it.
    const walked = stat?.isDirectory() ? walk(path, extensions) : undefined;
    const base = walked ? path : options.cwd;
    const fg = walked ? undefined : await fastGlob();
    const matches =
      walked?.files ??
      fg!.sync(pattern, { cwd: base, ignore: ALWAYS_IGNORED, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: false });
    const ignores = gitIgnores(base, walked?.gitignores ?? fg!.sync("**/.gitignore", { cwd: base, ignore: ALWAYS_IGNORED, dot: true, absolute: true }));
    const kept = matches.filter((f) => !isIgnored(f, ignores) && !excluded(f));
    if (matches.length === 0 && !stat) throw new AdlintError(`no files match "${pattern}"`);
    // A walk gives absolute paths as `resolve` would, from the resolved folder and the names in it.
    for (const f of kept) found.add(walked ? f : resolve(f));
  }
  return [...found].sort();
}
