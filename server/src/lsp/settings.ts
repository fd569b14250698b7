// Per-resource settings (`shipshape.enable`, `shipshape.rules`), read through workspace/configuration when the
// client supports it, else from initializationOptions.settings or pushed didChangeConfiguration settings.
import type { LintConfig, RuleSetting } from '../core/config';
import { isSeverity } from '../core/config';
import { megabytes } from '../config/load';
import type { SeveritySetting } from '../core/types';
import { DEFAULT_REGISTRY_SETTINGS, parseRegistrySettings, parseStringList, type RegistrySettings } from '../supply/settings';

export const SECTION = 'shipshape';

export interface Settings {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
  /** `shipshape.registry.*` (lookups, drift check, credentials); see supply/settings.ts. */
  registry: RegistrySettings;
  /** `shipshape.trustedRegistries`, passed to the trusted-registry rules. */
  trustedRegistries: string[];
  /** `shipshape.maxFileSizeMB`: larger files are skipped by the workspace scan (undefined: the default). */
  maxFileSizeMB?: number;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, registry: DEFAULT_REGISTRY_SETTINGS, trustedRegistries: [] };

/** Narrows whatever the client sent; bad values fall back to defaults and are reported through `warn`. */
export function parseSettings(raw: unknown, warn: (message: string) => void = () => {}): Settings {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SETTINGS, rules: {}, registry: parseRegistrySettings(undefined), trustedRegistries: [] };
  const value = raw as Record<string, unknown>;
  const enable = typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable;
  const rules: Record<string, SeveritySetting> = {};
  if (typeof value.rules === 'object' && value.rules !== null) {
    for (const [id, setting] of Object.entries(value.rules as Record<string, unknown>)) {
      if (setting === 'off' || isSeverity(setting)) rules[id] = setting;
      else warn(`shipshape.rules["${id}"]: expected error, warning, info, hint or off, got ${JSON.stringify(setting)}`);
    }
  }
  const registry = parseRegistrySettings(value.registry, warn);
  const trustedRegistries = parseStringList(value.trustedRegistries, 'shipshape.trustedRegistries', warn);
  const max = value.maxFileSizeMB;
  if (max !== undefined && !(typeof max === 'number' && max > 0)) warn(`shipshape.maxFileSizeMB: expected a positive number, got ${JSON.stringify(max)}`);
  return { enable, rules, registry, trustedRegistries, ...(typeof max === 'number' && max > 0 ? { maxFileSizeMB: max } : {}) };
}

export function toLintConfig(settings: Settings): LintConfig {
  const rules: Record<string, RuleSetting> = { ...settings.rules };
  return {
    rules,
    ...(settings.trustedRegistries.length ? { trustedRegistries: settings.trustedRegistries } : {}),
    ...(settings.maxFileSizeMB !== undefined ? { maxFileBytes: megabytes(settings.maxFileSizeMB) } : {}),
  };
}

export interface SettingsSource {
  /** Whether the client answers workspace/configuration. */
  readonly pull: boolean;
  fetch(scopeUri: string): Promise<unknown>;
}

/** Caches one settings promise per resource; `clear` on didChangeConfiguration, `forget` on close. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: Settings;

  constructor(
    private readonly source: SettingsSource,
    initial: unknown,
    private readonly warn: (message: string) => void,
  ) {
    this.pushed = parseSettings(initial, warn);
  }

  get(resource: string): Promise<Settings> {
    if (!this.source.pull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(resource);
    if (!settings) {
      settings = this.source.fetch(resource).then(
        (raw) => parseSettings(raw, this.warn),
        (err: unknown) => {
          this.warn(`workspace/configuration failed for ${resource}: ${err instanceof Error ? err.message : String(err)}`);
          this.cache.delete(resource);
          return this.pushed;
        },
      );
      this.cache.set(resource, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: pull clients are asked again; push clients send the new values along. */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    if (!this.source.pull && typeof pushedSettings === 'object' && pushedSettings !== null && SECTION in pushedSettings) {
      this.pushed = parseSettings((pushedSettings as Record<string, unknown>)[SECTION], this.warn);
    }
  }

  forget(resource: string): void {
    this.cache.delete(resource);
  }
}
