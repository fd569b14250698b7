// What the server should publish, computed with the same engine in-process.
import { lint, RULES, SHIPPED } from '../../server/src/api';
import type { Finding } from '../../server/src/api';
import type { LintConfig } from '../../server/src/core/config';
import { lintWorkspace } from '../../server/src/core/workspace';

export const TODAY = new Date().toISOString().slice(0, 10);

export function findingsOf(uri: string, text: string, languageId: string, config: LintConfig = {}): Finding[] {
  return lint({ path: uri, text, languageId }, { ...config, context: { today: TODAY } }).findings;
}

/** Cross-file (workspace rule) findings of a set of files, as a complete scan adds them. */
export function workspaceFindingsOf(files: { path: string; text: string }[], config: LintConfig = {}): Finding[] {
  const cfg = { ...config, context: { today: TODAY } };
  const inputs = files.flatMap(({ path, text }) => {
    const workspace = lint({ path, text }, cfg).workspace;
    return workspace ? [{ path, workspace }] : [];
  });
  return [...lintWorkspace(inputs, () => cfg, SHIPPED).values()].flatMap((o) => o.findings);
}

/** A rule's first bad example that yields a finding with a safe fix, if any rule has one yet. */
export function safeFixExample(): { ruleId: string; text: string; languageId: string; path: string } | undefined {
  for (const { meta } of RULES) {
    if (meta.fix !== 'safe' && meta.fix !== 'both') continue;
    for (const text of meta.examples.bad) {
      const languageId = meta.target === 'dockerfile' ? 'dockerfile' : 'yaml';
      const path = meta.target === 'dockerfile' ? 'file:///ws/Dockerfile' : 'file:///ws/manifest.yaml';
      if (findingsOf(path, text, languageId).some((f) => f.ruleId === meta.id && f.fix)) return { ruleId: meta.id, text, languageId, path };
    }
  }
  return undefined;
}

export const LATEST_DOCKERFILE = 'FROM node:latest\n# build\nUSER 10001\n';
/** `latest` on line 0, characters 10..16. */
export const LATEST_RANGE = { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } };

export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;
/** The `true` of `privileged: true`. */
export const PRIVILEGED_RANGE = { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } };
