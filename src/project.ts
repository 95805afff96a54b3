// A project's settings made ready to lint: its config, its packs compiled into
// one rule set, and the channel each file belongs to.
import { resolve } from "node:path";
import { relativeFrom } from "./files/paths.js";
import picomatch from "picomatch";
import { defaultConfig, findConfig, isPackPath, loadConfig, type Config, type GlobValue } from "./config/config.js";
import { AdlintError } from "./core/errors.js";
import type { Channel, Level, Locale } from "./core/types.js";
import { Linter } from "./engine/linter.js";
import { RuleSet } from "./engine/rule-set.js";
import { loadEvidence, type EvidenceRegistry } from "./evidence/registry.js";
import type { Pack } from "./packs/pack.js";
import { checkDistinct, loadPack } from "./packs/registry.js";

export interface ProjectOptions {
  /** Where paths start and the config search begins; default process.cwd(). */
  cwd?: string;
  /** A config file path, or a config object; default: found from cwd upward. */
  config?: string | Config;
  /** Packs added to the config's: paths to YAML files or built-in names. */
  packs?: string[];
  /** Rule levels that override the config's. */
  rules?: Record<string, Level>;
  locale?: Locale;
}

interface GlobMatcher {
  test: (path: string) => boolean;
  value: string;
}

const matcher = ({ glob, value }: GlobValue): GlobMatcher => ({ test: picomatch(glob, { dot: true }), value });

export class Project {
  readonly linter: Linter;
  private readonly channelMatchers: GlobMatcher[];
  private readonly categoryMatchers: GlobMatcher[];
  private readonly fromRoot: (file: string) => string;

  constructor(
    readonly config: Config,
    readonly packs: Pack[],
    levels: Map<string, Level>,
    readonly locale: Locale,
    readonly evidence?: EvidenceRegistry,
    /** The options it was opened with, so a worker thread can open it again. */
    readonly origin?: ProjectOptions,
  ) {
    this.linter = new Linter(new RuleSet(packs, levels), { locale, ...(evidence ? { evidence } : {}) });
    this.channelMatchers = config.channels.map(matcher);
    this.categoryMatchers = config.categories.map(matcher);
    this.fromRoot = relativeFrom(resolve(config.root));
  }

  /** The channel config globs give a file; front matter may still override it. */
  channelOf(file: string): Channel | undefined {
    return this.lookup(this.channelMatchers, file);
  }

  /** The product category config globs give a file; front matter may still override it. */
  categoryOf(file: string): string | undefined {
    return this.lookup(this.categoryMatchers, file);
  }

  private lookup(matchers: GlobMatcher[], file: string): string | undefined {
    if (matchers.length === 0) return undefined;
    const rel = this.fromRoot(file).split("\\").join("/");
    return matchers.find((m) => m.test(rel))?.value;
  }

  /** What config says about a file, for the adapters. */
  sourceOptions(file: string): { channel?: Channel; category?: string; channelField?: string } {
    const channel = this.channelOf(file);
    const category = this.categoryOf(file);
    return {
      ...(channel !== undefined ? { channel } : {}),
      ...(category !== undefined ? { category } : {}),
      ...(this.config.channelField ? { channelField: this.config.channelField } : {}),
    };
  }
}

export function openProject(options: ProjectOptions = {}): Project {
  const cwd = options.cwd ?? process.cwd();
  const config =
    typeof options.config === "object"
      ? options.config
      : typeof options.config === "string"
        ? loadConfig(options.config)
        : (() => {
            const found = findConfig(cwd);
            return found ? loadConfig(found) : defaultConfig(cwd);
          })();
  const entries = [...config.packs, ...(options.packs ?? [])];
  const packs = [...new Set(entries)].map((entry) => loadPack(entry, isPackPath(entry)));
  checkDistinct(packs);

  const known = new Set(packs.flatMap((p) => p.rules.map((r) => r.id)));
  const levels = new Map(config.rules);
  for (const [id] of config.rules) {
    if (known.has(id)) continue;
    const at = config.ruleLocations.get(id);
    throw new AdlintError(`rules: no loaded pack defines "${id}"`, at && config.file ? { file: config.file, ...at } : undefined);
  }
  for (const [id, level] of Object.entries(options.rules ?? {})) {
    if (!known.has(id)) throw new AdlintError(`--rule: no loaded pack defines "${id}"`);
    levels.set(id, level);
  }
  const evidence = config.evidence ? loadEvidence(config.evidence) : undefined;
  return new Project(config, packs, levels, options.locale ?? config.locale ?? "zh", evidence, { ...options, cwd });
}
