// Suppression pass, run once after all rules. Placeholder-free minimal version: no suppressions yet.
import type { SourceFile } from './source';
import type { Finding } from './types';
import type { LintConfig } from './config';
import type { RuleRegistry } from './registry';
import type { DockerfileModel } from '../dockerfile/model';
import type { K8sFile } from '../k8s/model';

export interface SuppressionInput {
  file: SourceFile;
  kind: 'dockerfile' | 'k8s';
  dockerfile?: DockerfileModel;
  k8s?: K8sFile;
  findings: Finding[];
  config: LintConfig;
  registry: RuleRegistry;
}

export interface Suppressed {
  finding: Finding;
  /** Which syntax silenced it, e.g. `shipshape`, `hadolint`, `checkov`. */
  by: string;
  reason?: string;
}

export function applySuppressions(input: SuppressionInput): { findings: Finding[]; suppressed: Suppressed[] } {
  return { findings: input.findings, suppressed: [] };
}
