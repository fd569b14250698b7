// The config resolver on the real filesystem, layered as documented: file config over the host's (editor) config.
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LintConfig } from '../core/config';
import type { RuleMeta } from '../core/types';
import { IgnoreRules } from '../scan/ignore';
import { ConfigResolver } from './find';
import { mergeConfigs } from './merge';

export const nodeConfigFs = {
  readFile(path: string): string | undefined {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists: (path: string): boolean => existsSync(path),
};

export interface WorkspaceConfig {
  resolver: ConfigResolver;
  /** Host config (editor settings) < nearest .shipshape.yaml < overrides (CLI flags). */
  configFor(path: string): LintConfig;
  configIgnore(path: string): IgnoreRules | undefined;
  /** The `dockerfiles` patterns of the config that applies to a path. */
  configDockerfiles(path: string): IgnoreRules | undefined;
}

export function workspaceConfig(metas: readonly RuleMeta[], roots: readonly string[], host: LintConfig = {}, overrides: LintConfig = {}, explicit?: string): WorkspaceConfig {
  const resolver = new ConfigResolver(nodeConfigFs, metas, roots, explicit);
  // Keyed by the parsed file, so a config re-read after `resolver.clear()` gets fresh patterns.
  const patterns = (key: 'ignore' | 'dockerfiles') => {
    const cache = new WeakMap<object, IgnoreRules>();
    return (path: string): IgnoreRules | undefined => {
      const config = resolver.forFile(path);
      if (!config || config[key].length === 0) return undefined;
      let rules = cache.get(config);
      if (!rules) {
        rules = IgnoreRules.parse(dirname(config.path), config[key]);
        cache.set(config, rules);
      }
      return rules;
    };
  };
  return {
    resolver,
    configFor: (path) => mergeConfigs(host, resolver.forFile(path)?.lint, overrides),
    configIgnore: patterns('ignore'),
    configDockerfiles: patterns('dockerfiles'),
  };
}
