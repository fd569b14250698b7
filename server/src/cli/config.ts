// Loads `--config FILE` (YAML or JSON) into a LintConfig with minimal validation; errors name the offending key.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { LintConfig, RuleSetting, SuppressionPolicy } from '../core/config';
import { isSeverity } from '../core/config';
import type { RuleRegistry } from '../core/registry';

export class ConfigError extends Error {}

const TOP_LEVEL = ['rules', 'trustedRegistries', 'suppressions'] as const;
const SUPPRESSION_KEYS = ['peers', 'requireReason', 'reportUnused'] as const;

export function loadConfigFile(path: string, registry: RuleRegistry): LintConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: false });
  } catch (err) {
    throw new ConfigError(`${path}: not valid YAML or JSON: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  return validateConfig(raw ?? {}, registry, path);
}

export function validateConfig(raw: unknown, registry: RuleRegistry, where: string): LintConfig {
  const fail = (message: string): never => {
    throw new ConfigError(`${where}: ${message}`);
  };
  if (!isRecord(raw)) return fail('the config must be a mapping');
  for (const key of Object.keys(raw)) {
    if (!(TOP_LEVEL as readonly string[]).includes(key)) fail(`unknown key '${key}' (expected ${TOP_LEVEL.join(', ')})`);
  }
  const config: LintConfig = {};
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) return fail("'rules' must map rule ids to a severity or { severity, options }");
    const rules: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(raw.rules)) {
      if (!registry.has(id)) fail(`rules: unknown rule '${id}' (see \`shipshape rules\`)`);
      rules[id] = ruleSetting(setting, `rules.${id}`, fail);
    }
    config.rules = rules;
  }
  if (raw.trustedRegistries !== undefined) {
    const list = raw.trustedRegistries;
    if (!Array.isArray(list) || !list.every((x): x is string => typeof x === 'string')) return fail("'trustedRegistries' must be a list of strings");
    config.trustedRegistries = list;
  }
  if (raw.suppressions !== undefined) {
    const s = raw.suppressions;
    if (!isRecord(s)) return fail("'suppressions' must be a mapping");
    const policy: SuppressionPolicy = {};
    for (const [key, value] of Object.entries(s)) {
      if (!(SUPPRESSION_KEYS as readonly string[]).includes(key)) fail(`suppressions: unknown key '${key}' (expected ${SUPPRESSION_KEYS.join(', ')})`);
      if (typeof value !== 'boolean') fail(`suppressions.${key} must be true or false`);
      policy[key as (typeof SUPPRESSION_KEYS)[number]] = value as boolean;
    }
    config.suppressions = policy;
  }
  return config;
}

function ruleSetting(value: unknown, where: string, fail: (message: string) => never): RuleSetting {
  const isLevel = (v: unknown): v is 'off' | 'error' | 'warning' | 'info' | 'hint' => v === 'off' || isSeverity(v);
  if (isLevel(value)) return value;
  if (!isRecord(value)) return fail(`${where} must be error, warning, info, hint, off or { severity, options }`);
  for (const key of Object.keys(value)) if (key !== 'severity' && key !== 'options') fail(`${where}: unknown key '${key}'`);
  const { severity, options } = value;
  if (severity !== undefined && !isLevel(severity)) return fail(`${where}.severity must be error, warning, info, hint or off`);
  if (options !== undefined && !isRecord(options)) return fail(`${where}.options must be a mapping`);
  return { ...(severity !== undefined ? { severity } : {}), ...(options !== undefined ? { options } : {}) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
