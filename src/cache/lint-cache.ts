// The lint-result cache: each file's diagnostics, kept under a hash of its
// bytes, so a run over unchanged copy reuses them without decoding it. It is keyed by
// content and not by modification time, because CI checkouts reset mtimes. A file
// whose stamp (size, times, inode) is still the one it had when its bytes were
// hashed is not even read, as git trusts its index.
// The whole cache is void when anything else that decides results changes:
// adlint's version, the config, the packs, the evidence registry, the locale,
// the rule levels, or which evidence has expired.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import { deserialize, serialize } from "node:v8";
import { contentHash } from "../core/hash.js";
import type { Diagnostic } from "../core/types.js";
import { relativeFrom } from "../files/paths.js";
import type { FileStamp } from "../files/read.js";
import { isExpired } from "../evidence/registry.js";
import type { Project } from "../project.js";
import { adlintVersion } from "../core/version.js";

/** Bumped when the file's layout changes, so an older adlint's cache is never misread. */
const FORMAT = 2;

/**
 * A stamp is kept only when the file had not been modified for this long before
 * the run began, as git treats an entry as racy when its file is as new as the
 * index. A file written again later in the same tick of a coarse clock (whole
 * seconds on some file systems, two on FAT) would otherwise keep its stamp.
 */
const SETTLED_MS = 3000;

/** The file name used when the cache location is a directory. */
export const CACHE_FILE_NAME = "results.bin";

/** `<root>/node_modules/.cache/adlint/results.bin`, where tools keep caches by convention. */
export function defaultCacheLocation(root: string): string {
  return join(root, "node_modules", ".cache", "adlint", CACHE_FILE_NAME);
}

/**
 * The cache file for a `--cache-location` value: none gives the default; a path
 * ending in a separator, or naming an existing directory, is a directory that
 * holds `results.bin`; anything else is the file itself. A relative location
 * starts at `root`.
 */
export function resolveCacheFile(location: string | undefined, root: string): string {
  if (location === undefined || location === "") return defaultCacheLocation(root);
  const path = resolve(root, location);
  const isDirectory = location.endsWith("/") || location.endsWith(sep) || (existsSync(path) && statSync(path).isDirectory());
  return isDirectory ? join(path, CACHE_FILE_NAME) : path;
}

/** The hash a file's bytes are cached under. */
export { contentHash };

/** The UTC date, as the Linter takes "today" when it is not given one. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A file's text, or a mark that it could not be read (a changed mark is a changed key, never an error). */
function textOf(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

export interface KeyOptions {
  /** Default: adlint's own version. */
  version?: string;
  /** The date evidence expiry is judged on, YYYY-MM-DD; default today (UTC), as the Linter takes it. */
  today?: string;
}

/**
 * The key of everything besides a file's own text that decides its diagnostics.
 * Files enter by their text, not their path, so a moved checkout keeps its cache.
 * Evidence expiry enters as the list of entries expired on `today` rather than
 * the date itself: results change on the day an entry lapses, and only then.
 * `extra` is anything else the caller's results depend on (JSON-serializable).
 */
export function projectKey(project: Project, extra?: unknown, options: KeyOptions = {}): string {
  const { config } = project;
  const version = options.version ?? adlintVersion();
  const today = options.today ?? todayUtc();
  const evidenceFile = project.evidence?.file ?? config.evidence;
  const inputs = {
    config: config.file !== undefined ? textOf(config.file) : null,
    // What a config object given in code (no file) says about a file's results.
    channels: config.channels,
    categories: config.categories,
    channelField: config.channelField ?? null,
    packs: project.packs.map((pack) => textOf(pack.file)),
    evidence: evidenceFile !== undefined ? textOf(evidenceFile) : null,
    expired: (project.evidence?.entries ?? []).filter((entry) => isExpired(entry, today)).map((entry) => entry.id),
    locale: project.locale,
    // Effective severities, after config and command-line overrides; rules that are off are absent.
    levels: project.linter.rules.rules.map((rule) => [rule.id, rule.severity]),
    extra: extra ?? null,
  };
  return `${FORMAT}:${version}:${contentHash(JSON.stringify(inputs))}`;
}

/*
 * A large site's cache holds 120,000 diagnostics, and most of their text
 * repeats: the same rule, message, law and suggestions wherever a term occurs.
 * So each distinct diagnostic is kept once as a shape, its ranges relative to
 * its start and its line and column zeroed, and each occurrence is six numbers:
 * shape, line, column, endLine, endColumn, start. A warm run then reads a few
 * megabytes of numbers instead of sixty of repeated Chinese text. The file is
 * written with V8's serializer, which reads back in half the time JSON takes.
 */
const ROW = 6;

type Shape = Record<string, unknown>;

/** A file's cached diagnostics, as rows into the shape table; decoded when looked up. */
interface Entry {
  hash: string;
  rows: Int32Array;
  /** The file's stamp when its bytes hashed to `hash`, if it had settled by then. */
  stamp?: FileStamp;
}

interface CacheData {
  format: typeof FORMAT;
  key: string;
  shapes: Shape[];
  /** [path relative to the cache's folder, content hash, rows, and the file's stamp when there is one]. */
  files: Array<[string, string, Int32Array] | [string, string, Int32Array, FileStamp]>;
}

/** A cache that could not be written: the lint's results stand, the next run is just not faster. */
export interface CacheWriteProblem {
  file: string;
  /** The system's error code (EACCES, EROFS, ENOTDIR…), or "error". */
  code: string;
  message: string;
}

const isPair = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === "number" && typeof value[1] === "number";

/** A copy of `value` with every `range` moved by `by`. */
function shifted(value: unknown, by: number): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shifted(value[i], by);
    return out;
  }
  // A plain loop: a warm run decodes every cached diagnostic through here.
  const out: Shape = {};
  for (const key in value) {
    const item = (value as Shape)[key];
    out[key] = key === "range" && isPair(item) ? [item[0] + by, item[1] + by] : shifted(item, by);
  }
  return out;
}

/** The shape of a diagnostic: its ranges relative to its start, its line and columns 0 (kept, to keep the key order). */
function shapeOf(d: Diagnostic): Shape {
  const shape = shifted(d, -d.range[0]) as Shape;
  shape["line"] = shape["column"] = shape["endLine"] = shape["endColumn"] = 0;
  // As JSON gives it back: a field left undefined is no field.
  return JSON.parse(JSON.stringify(shape)) as Shape;
}

const POSITION = new Set(["line", "column", "endLine", "endColumn"]);

/**
 * What shapes are indexed by: the message, and a subtitle's cue, which is part
 * of the shape (a term said in every cue is a shape for each). Shapes alike in
 * both are few, and are compared whole. Most diagnostics have no cue: their
 * message is the key as it is, with no key built for each.
 */
const likeness = (message: unknown, cue: unknown): unknown => (cue === undefined ? message : `${String(message)}\u0000${String(cue)}`);

/**
 * Whether `value`, its ranges moved by `-by`, prints as `shape` prints: the same
 * fields in the same order and the same values; at the top, any line and column.
 * It may say no to a value of the shape (it then gets a shape of its own), never yes
 * to one of another.
 */
function hasShape(value: unknown, shape: unknown, by: number, top = false, keys?: readonly string[]): boolean {
  if (typeof shape !== "object" || shape === null) return value === shape;
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(shape)) {
    if (!Array.isArray(value) || value.length !== shape.length) return false;
    for (let i = 0; i < shape.length; i++) if (!hasShape(value[i], shape[i], by)) return false;
    return true;
  }
  if (Array.isArray(value)) return false;
  keys ??= Object.keys(shape);
  let k = 0;
  for (const key in value) {
    const item = (value as Shape)[key];
    if (item === undefined) continue;
    if (keys[k++] !== key) return false;
    const expected = (shape as Shape)[key];
    if (top && POSITION.has(key)) continue;
    if (key === "range" && isPair(item) && isPair(expected)) {
      if (item[0] - by !== expected[0] || item[1] - by !== expected[1]) return false;
    } else if (!hasShape(item, expected, by)) return false;
  }
  return k === keys.length;
}

/** The keys of a shape, besides its range, whose values are not primitives: only those are copied deep. */
const deepKeys = (shape: Shape): string[] => Object.keys(shape).filter((key) => key !== "range" && typeof shape[key] === "object" && shape[key] !== null);

function diagnosticOf(shape: Shape, deep: string[], rows: Int32Array, at: number): Diagnostic {
  const by = rows[at + 5]!;
  const d = { ...shape } as unknown as Diagnostic;
  const range = shape["range"] as [number, number];
  d.range = [range[0] + by, range[1] + by];
  for (const key of deep) (d as unknown as Shape)[key] = shifted(shape[key], by);
  d.line = rows[at + 1]!;
  d.column = rows[at + 2]!;
  d.endLine = rows[at + 3]!;
  d.endColumn = rows[at + 4]!;
  return d;
}

const isStamp = (value: unknown): value is FileStamp =>
  Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === "number" && Number.isFinite(n));

const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined) =>
  a === b || (a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3]);

/** Whether what was read is a cache written with `key`, down to every row pointing at a shape. */
function isCacheData(data: unknown, key: string): data is CacheData {
  if (typeof data !== "object" || data === null) return false;
  const { format, key: written, shapes, files } = data as Partial<CacheData>;
  if (format !== FORMAT || written !== key || !Array.isArray(shapes) || !Array.isArray(files)) return false;
  if (!shapes.every((s: unknown) => typeof s === "object" && s !== null && !Array.isArray(s) && isPair((s as Shape)["range"]))) return false;
  return files.every((file: unknown) => {
    if (!Array.isArray(file) || typeof file[0] !== "string" || typeof file[1] !== "string" || !(file[2] instanceof Int32Array)) return false;
    if (file.length > 4 || (file.length === 4 && !isStamp(file[3]))) return false;
    const rows = file[2];
    if (rows.length % ROW !== 0) return false;
    for (let i = 0; i < rows.length; i += ROW) if (rows[i]! < 0 || rows[i]! >= shapes.length) return false;
    return true;
  });
}

/** The cache in `file` if it was written with `key`; none for anything else. */
function readData(file: string, key: string): CacheData | undefined {
  let data: unknown;
  try {
    data = deserialize(readFileSync(file));
  } catch {
    return undefined; // missing, unreadable or not a cache: start over
  }
  return isCacheData(data, key) ? data : undefined;
}

export class LintCache {
  private hitCount = 0;
  private missCount = 0;
  /** What the next save writes: the entries this run has used or made. */
  private readonly live = new Map<string, Entry>();
  /** Whether this run stored an entry or gave one a new stamp: then the file is written. */
  private changed = false;
  /** The entries as the file had them, by path. */
  private readonly loaded: Map<string, Entry>;
  /** The shape table; rows of loaded and stored entries point into it. */
  private readonly shapes: Shape[];
  /** Each shape's deep keys, worked out when it is first decoded. */
  private readonly deep: Array<string[] | undefined> = [];
  /** Shape indices by likeness, built on the first store: a diagnostic's shape is one of those alike. */
  private alikeShapes: Map<unknown, number[]> | undefined;
  /** Each shape's keys, in order, worked out when it is first compared. */
  private readonly keys: Array<string[] | undefined> = [];
  /** Paths are kept relative to the cache file's folder, so a cache inside a checkout moves with it. */
  private readonly base: string;
  private readonly relative: (file: string) => string;
  /** Stamps of files modified since this time are not kept (see SETTLED_MS). */
  private readonly settledBefore = Date.now() - SETTLED_MS;

  private constructor(
    readonly file: string,
    readonly key: string,
    data: CacheData | undefined,
  ) {
    this.base = dirname(file);
    this.relative = relativeFrom(this.base);
    this.loaded = new Map(data?.files.map(([path, hash, rows, stamp]) => [path, stamp ? { hash, rows, stamp } : { hash, rows }]));
    this.shapes = data?.shapes ?? [];
  }

  /** The cache in `file` if it was written with `key`; otherwise, and for a missing or corrupt file, an empty one. */
  static load(file: string, key: string): LintCache {
    const path = resolve(file);
    return new LintCache(path, key, readData(path, key));
  }

  /** Lookups this run answered from the cache. */
  get hits(): number {
    return this.hitCount;
  }

  /** Lookups this run had to lint for. */
  get misses(): number {
    return this.missCount;
  }

  private entryPath(file: string): string {
    const rel = this.relative(file);
    return (isAbsolute(rel) || sep === "/" ? rel : rel.split(sep).join("/")) || ".";
  }

  /**
   * The hash of the bytes `path` had when it was cached, if it was; with `fix`, none for
   * a result with a fix to make, since the file is linted again for the fix to be made.
   */
  hashOf(path: string, fix = false): string | undefined {
    const key = this.entryPath(path);
    const entry = this.live.get(key) ?? this.loaded.get(key);
    if (!entry || !fix) return entry?.hash;
    for (let at = 0; at < entry.rows.length; at += ROW) if (this.shapes[entry.rows[at]!]!["fix"] !== undefined) return undefined;
    return entry.hash;
  }

  /**
   * The diagnostics cached for `path` when it still has the stamp it had when
   * its bytes were hashed. The file's stamp is asked of `stamp` only when the
   * cache holds one to compare it with: a first run stats no file for it.
   */
  lookupStamp(path: string, stamp: () => FileStamp | undefined): Diagnostic[] | undefined {
    const key = this.entryPath(path);
    const entry = this.live.get(key) ?? this.loaded.get(key);
    if (!entry?.stamp || !sameStamp(entry.stamp, stamp())) return undefined;
    return this.hit(key, entry);
  }

  /** The diagnostics cached for `path` when its text still hashes to `hash`; `stamp` is the file's as it was read. */
  lookup(path: string, hash: string, stamp?: FileStamp): Diagnostic[] | undefined {
    const key = this.entryPath(path);
    const entry = this.live.get(key) ?? this.loaded.get(key);
    if (entry?.hash !== hash) {
      this.missCount++;
      return undefined;
    }
    const restamped = this.stamped({ hash, rows: entry.rows }, stamp);
    if (!sameStamp(restamped.stamp, entry.stamp)) this.changed = true;
    return this.hit(key, restamped);
  }

  private hit(key: string, entry: Entry): Diagnostic[] {
    this.hitCount++;
    this.live.set(key, entry);
    const messages: Diagnostic[] = [];
    for (let at = 0; at < entry.rows.length; at += ROW) {
      const id = entry.rows[at]!;
      const shape = this.shapes[id]!;
      messages.push(diagnosticOf(shape, (this.deep[id] ??= deepKeys(shape)), entry.rows, at));
    }
    return messages;
  }

  /** The entry with the stamp, when the file had settled before the run began. */
  private stamped(entry: Entry, stamp: FileStamp | undefined): Entry {
    if (stamp && stamp[1] < this.settledBefore) entry.stamp = stamp;
    return entry;
  }

  /**
   * Records a file's diagnostics as the Linter returned them for the text that
   * hashes to `hash`: before a baseline, `--quiet` or any other filter. `stamp`
   * is the file's as it was read.
   */
  store(path: string, hash: string, messages: Diagnostic[], stamp?: FileStamp): void {
    const index = (this.alikeShapes ??= this.indexShapes());
    const rows = new Int32Array(messages.length * ROW);
    messages.forEach((d, i) => {
      const like = likeness(d.message, d.cueStart);
      const alike = index.get(like);
      let id = alike?.find((candidate) => hasShape(d, this.shapes[candidate], d.range[0], true, this.keysOf(candidate)));
      if (id === undefined) {
        id = this.shapes.push(shapeOf(d)) - 1;
        if (alike) alike.push(id);
        else index.set(like, [id]);
      }
      const at = i * ROW;
      rows[at] = id;
      rows[at + 1] = d.line;
      rows[at + 2] = d.column;
      rows[at + 3] = d.endLine;
      rows[at + 4] = d.endColumn;
      rows[at + 5] = d.range[0];
    });
    this.live.set(this.entryPath(path), this.stamped({ hash, rows }, stamp));
    this.changed = true;
  }

  private keysOf(shape: number): string[] {
    return (this.keys[shape] ??= Object.keys(this.shapes[shape]!));
  }

  private indexShapes(): Map<unknown, number[]> {
    const index = new Map<unknown, number[]>();
    this.shapes.forEach((shape, id) => {
      const like = likeness(shape["message"], shape["cueStart"]);
      const alike = index.get(like);
      if (alike) alike.push(id);
      else index.set(like, [id]);
    });
    return index;
  }

  /**
   * Writes the entries this run looked up with a hit or stored, dropping the
   * rest, so deleted and renamed files do not pile up. It writes a temporary
   * file beside the cache and renames it over, so a reader never sees half a
   * cache, and creates the folder. A run that changed nothing writes nothing.
   *
   * A cache that cannot be written is returned, not thrown: like the files
   * `--fix` cannot write back, it is the CLI's to report as a warning on
   * stderr, and the lint's results and exit code stand.
   */
  save(): CacheWriteProblem | undefined {
    if (!this.changed && this.live.size === this.loaded.size) return undefined;
    // Only the shapes still in use are written, renumbered.
    const renumbered = new Map<number, number>();
    const shapes: Shape[] = [];
    const files: CacheData["files"] = [];
    for (const [path, { hash, rows, stamp }] of this.live) {
      const out = rows.slice();
      for (let at = 0; at < out.length; at += ROW) {
        const old = out[at]!;
        let id = renumbered.get(old);
        if (id === undefined) {
          id = shapes.push(this.shapes[old]!) - 1;
          renumbered.set(old, id);
        }
        out[at] = id;
      }
      files.push(stamp ? [path, hash, out, stamp] : [path, hash, out]);
    }
    const data: CacheData = { format: FORMAT, key: this.key, shapes, files };
    const temp = `${this.file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temp, serialize(data));
      renameSync(temp, this.file);
    } catch (e) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // The folder refused the temporary file too: there is nothing to clean up.
      }
      const error = e as NodeJS.ErrnoException;
      return { file: this.file, code: error.code ?? "error", message: error.message };
    }
    return undefined;
  }
}
