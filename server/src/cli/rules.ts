// `shipshape rules`: the rule catalogue from the registry's metadata.
import type { RuleMeta } from '../core/types';
import { docsUrl, renderIndex } from '../docs/render';

export const RULES_FORMATS = ['text', 'json', 'markdown'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

export interface JsonRule {
  id: string;
  title: string;
  target: RuleMeta['target'];
  severity: RuleMeta['severity'];
  enabledByDefault: boolean;
  fix: NonNullable<RuleMeta['fix']> | null;
  equivalents: string[];
  /** Peer ids that match one message of the rule only: messageId -> ids. */
  messageEquivalents: Record<string, string[]>;
  description: string;
  docsUrl: string;
}

export function formatRules(metas: readonly RuleMeta[], format: RulesFormat): string {
  const sorted = [...metas].sort((a, b) => a.id.localeCompare(b.id));
  if (format === 'markdown') return `${renderIndex(sorted)}\n`;
  if (format === 'json') {
    const rules: JsonRule[] = sorted.map((m) => ({
      id: m.id,
      title: m.title,
      target: m.target,
      severity: m.severity,
      enabledByDefault: m.enabledByDefault !== false,
      fix: m.fix ?? null,
      equivalents: [...m.equivalents],
      messageEquivalents: Object.fromEntries(Object.entries(m.messageEquivalents ?? {}).map(([k, v]) => [k, [...(v ?? [])]])),
      description: m.description,
      docsUrl: docsUrl(m.id),
    }));
    return `${JSON.stringify({ version: 1, rules }, null, 2)}\n`;
  }
  const idWidth = Math.max(0, ...sorted.map((m) => m.id.length));
  const severity = (m: RuleMeta): string => (m.enabledByDefault === false ? `${m.severity} (off)` : m.severity);
  const sevWidth = Math.max(0, ...sorted.map((m) => severity(m).length));
  return sorted.map((m) => `${m.id.padEnd(idWidth)}  ${severity(m).padEnd(sevWidth)}  ${m.title.replace(/`/g, '')}`).join('\n') + '\n';
}
