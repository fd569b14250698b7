// Lints an open `.shipshape.yaml` itself: its validation problems become findings in that file.
import type { LintResult } from '../core/engine';
import { SourceFile } from '../core/source';
import { basename } from '../core/detect';
import type { RuleMeta } from '../core/types';
import { ENGINE_DIAGNOSTICS } from '../core/builtin';
import { CONFIG_FILE_NAMES, parseConfig } from './load';

export function isConfigFile(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));
}

export function lintConfigFile(path: string, text: string, metas: readonly RuleMeta[]): LintResult {
  const file = new SourceFile(path, text);
  const findings = parseConfig(path, text, metas).diagnostics.map((d) => ({
    ruleId: 'shipshape/config' as const,
    severity: d.severity === 'error' ? ENGINE_DIAGNOSTICS['shipshape/config'].severity : ('warning' as const),
    message: d.message,
    range: d.range,
    suggestions: [],
  }));
  return { kind: 'other', findings, suppressed: [], file };
}
