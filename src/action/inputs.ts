// The action's inputs, read and checked once: a mistake in the workflow file
// fails the step with the input's name, before anything is linted.
import { AdlintError } from "../core/errors.js";

export const FAIL_LEVELS = ["error", "warning", "never"] as const;
export const FILTER_MODES = ["added", "diff_context", "file", "nofilter"] as const;
export const TRUSTED_CONFIGS = ["base", "head"] as const;

export type FailLevel = (typeof FAIL_LEVELS)[number];
export type FilterMode = (typeof FILTER_MODES)[number];
export type TrustedConfig = (typeof TRUSTED_CONFIGS)[number];

export interface ActionInputs {
  paths: string[];
  config?: string;
  failLevel: FailLevel;
  filterMode: FilterMode;
  /** Undefined: base on pull requests, head otherwise. */
  trustedConfig?: TrustedConfig;
  sarifFile?: string;
  baseline?: string;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T;
function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T | undefined;
function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback?: T): T | undefined {
  if (value === "") return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AdlintError(`input ${name} must be one of ${allowed.join(", ")}, not "${value}"`);
}

/** Reads inputs through `get` (core.getInput, trimmed, "" when unset). */
export function readInputs(get: (name: string) => string): ActionInputs {
  const paths = get("paths")
    .split(/\s+/)
    .filter(Boolean);
  const optional = (name: string) => get(name) || undefined;
  const config = optional("config");
  const sarifFile = optional("sarif-file");
  const baseline = optional("baseline");
  const trustedConfig = oneOf("trusted-config", get("trusted-config"), TRUSTED_CONFIGS);
  return {
    paths: paths.length ? paths : ["."],
    failLevel: oneOf("fail-level", get("fail-level"), FAIL_LEVELS, "error"),
    filterMode: oneOf("filter-mode", get("filter-mode"), FILTER_MODES, "added"),
    ...(config ? { config } : {}),
    ...(trustedConfig ? { trustedConfig } : {}),
    ...(sarifFile ? { sarifFile } : {}),
    ...(baseline ? { baseline } : {}),
  };
}
