// The project's adlint.config.yaml: which packs, rule levels, channels by
// glob, and files to ignore. Found from the working directory upward.
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { isScalar, type Node } from "yaml";
import { AdlintError } from "../core/errors.js";
import type { Level, Locale } from "../core/types.js";
import { asEnum, asString, asStringList, checkKeys, mapEntries, YamlSource } from "../core/yaml-source.js";
import { parseSize } from "../files/read.js";
import { isInside, repositoryRoot } from "../files/repository.js";
import { LEVELS } from "../packs/pack.js";
import { builtinPackNames } from "../packs/registry.js";

export const CONFIG_NAMES = ["adlint.config.yaml", "adlint.config.yml"];

/** Files matching `glob` get `value` (a channel, or a product category). */
export interface GlobValue {
  glob: string;
  value: string;
}

export interface Config {
  /** The config file, when there is one. */
  file?: string;
  /** Where relative globs and pack paths start. */
  root: string;
  /** Built-in pack names or absolute paths to pack files. */
  packs: string[];
  rules: Map<string, Level>;
  /** Where each rule level was set, to point at unknown ids. */
  ruleLocations: Map<string, { line: number; column: number }>;
  channels: GlobValue[];
  /** Product categories by glob (cosmetics, food, health-food…); front matter wins. */
  categories: GlobValue[];
  ignore: string[];
  /** Globs of YAML and JSON files that hold copy; others are never walked into. */
  content: string[];
  /** A top-level field of YAML/JSON content files that names their channel. */
  channelField?: string;
  /** The evidence registry: absolute path. Default: evidence.yaml beside the config, when there is one. */
  evidence?: string;
  locale?: Locale;
  /** Files larger than this many bytes are skipped with a warning (default 5 MB). */
  maxFileSize?: number;
}

/** With no config, every built-in pack is on. */
export function defaultConfig(root: string): Config {
  return { root, packs: builtinPackNames(), rules: new Map(), ruleLocations: new Map(), channels: [], categories: [], ignore: [], content: [] };
}

/** The nearest config file at or above `dir`. */
export function findConfig(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    for (const name of CONFIG_NAMES) {
      const file = join(d, name);
      if (existsSync(file)) return file;
    }
    if (dirname(d) === d) return undefined;
  }
}

const KEYS = ["packs", "rules", "channels", "categories", "ignore", "content", "channelField", "evidence", "locale", "maxFileSize"] as const;

/** A pack entry is a built-in name unless it looks like a path. */
export function isPackPath(entry: string): boolean {
  return entry.includes("/") || entry.includes("\\") || /\.ya?ml$/.test(entry);
}

/**
 * A path the config names, resolved from its folder. A config travels with the
 * copy (a pull request can change it), so it may only name files inside its
 * repository; a pack from elsewhere is given on the command line (--pack).
 */
function pathInside(src: YamlSource, node: Node | null, path: string, root: string, key: string): string {
  const absolute = isAbsolute(path) ? path : resolve(root, path);
  const repository = repositoryRoot(root) ?? root;
  if (!isInside(repository, absolute))
    throw src.error(node, `${key}: "${path}" is outside the repository (${repository}); config may only name files inside it${key === "packs" ? " (give other packs with --pack)" : ""}`);
  return absolute;
}

/** A glob relative to the config's folder; one that climbs out of it (or is absolute) would reach outside the repository. */
function globInside(src: YamlSource, node: Node, glob: string, key: string): string {
  if (isAbsolute(glob) || /^[a-zA-Z]:/.test(glob) || glob.split(/[\\/]/).includes(".."))
    throw src.error(node, `${key}: "${glob}" reaches outside the config's folder; globs are relative to it and may not climb out with ".." or start at "/"`);
  return glob;
}

export function parseConfig(file: string, text: string): Config {
  const src = new YamlSource(file, text);
  const root = dirname(resolve(file));
  const config: Config = { ...defaultConfig(root), file };
  const besideConfig = join(root, "evidence.yaml");
  if (existsSync(besideConfig) && isInside(repositoryRoot(root) ?? root, besideConfig)) config.evidence = besideConfig;
  if (src.root === null) return config; // an empty file: defaults
  const entries = mapEntries(src, src.root, "adlint config");
  checkKeys(src, entries, KEYS, "config");
  for (const { key, value } of entries) {
    switch (key) {
      case "packs":
        config.packs = asStringList(src, value, "packs").map(({ value: p, node }) =>
          isPackPath(p) ? pathInside(src, node, p, root, "packs") : p,
        );
        break;
      case "rules":
        for (const rule of mapEntries(src, value, "rules")) {
          if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(rule.key))
            throw src.error(rule.keyNode, `rules: "${rule.key}" is not a rule id (pack/rule)`);
          config.rules.set(rule.key, asEnum(src, rule.value, `rules.${rule.key}`, LEVELS));
          config.ruleLocations.set(rule.key, src.position(rule.keyNode));
        }
        break;
      case "channels":
      case "categories":
        config[key] = mapEntries(src, value, key).map((c) => ({
          glob: c.key,
          value: asString(src, c.value, `${key}."${c.key}"`),
        }));
        break;
      case "ignore":
        config.ignore = asStringList(src, value, "ignore").map((i) => i.value);
        break;
      case "content":
        config.content = asStringList(src, value, "content").map((c) => globInside(src, c.node, c.value, "content"));
        break;
      case "channelField":
        config.channelField = asString(src, value, "channelField");
        break;
      case "evidence": {
        const path = asString(src, value, "evidence");
        config.evidence = pathInside(src, value, path, root, "evidence");
        break;
      }
      case "maxFileSize": {
        const size = value && isScalar(value) && (typeof value.value === "number" || typeof value.value === "string") ? parseSize(String(value.value)) : undefined;
        if (size === undefined)
          throw src.error(value, `maxFileSize must be a size such as 5MB, 512KB or a number of bytes, not ${value && isScalar(value) ? `"${String(value.value)}"` : "that"}`);
        config.maxFileSize = size;
        break;
      }
      case "locale":
        config.locale = asEnum(src, value, "locale", ["zh", "en"] as const);
        break;
    }
  }
  return config;
}

export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new AdlintError(`cannot read config (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file, line: 1, column: 1 });
  }
  return parseConfig(file, text);
}
