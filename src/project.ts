// A project's settings made ready to lint: its config, its packs compiled into
// one rule set, and the channel each file belongs to.
import { relative } from "node:path";
import picomatch from "picomatch";
import { defaultConfig, findConfig, isPackPath, loadConfig, type Config } from "./config/config.js";
import { AdlintError } from "./core/errors.js";
import type { Channel, Level, Locale } from "./core/types.js";
import { Linter } from "./engine/linter.js";
import { RuleSet } from "./engine/rule-set.js";
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

export class Project {
  readonly linter: Linter;
  private readonly channelMatchers: Array<{ test: (path: string) => boolean; channel: Channel }>;

  constructor(
    readonly config: Config,
    readonly packs: Pack[],
    levels: Map<string, Level>,
    readonly locale: Locale,
  ) {
    this.linter = new Linter(new RuleSet(packs, levels), locale);
    this.channelMatchers = config.channels.map(({ glob, channel }) => ({ test: picomatch(glob, { dot: true }), channel }));
  }

  /** The channel config globs give a file; front matter may still override it. */
  channelOf(file: string): Channel | undefined {
    const rel = relative(this.config.root, file).split("\\").join("/");
    return this.channelMatchers.find((m) => m.test(rel))?.channel;
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
  return new Project(config, packs, levels, options.locale ?? config.locale ?? "zh");
}
