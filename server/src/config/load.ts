// Parses and validates one config file's text into a LintConfig plus ignore patterns; every problem becomes a
// diagnostic with a range in the config file, and the invalid parts fall back to defaults while the rest applies.
import { parseDocument, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { SourceFile } from '../core/source';
import { dirname, resolve as resolvePath } from 'node:path';
import type { LintConfig, RuleSetting, SignaturePolicy, SignaturePolicyEntry, SuppressionPolicy, HelmSettings } from '../core/config';
import type { RuleMeta } from '../core/types';
import { configSchema, type JsonSchema } from './schema';
import { validate, type SchemaError } from './validate';

export const CONFIG_FILE_NAMES = ['.shipshape.yaml', '.shipshape.yml', '.shipshape.json'] as const;

export interface ConfigDiagnostic {
  range: Range;
  severity: 'error' | 'warning';
  message: string;
}

export interface FileConfig {
  /** Absolute path of the config file. */
  path: string;
  lint: LintConfig;
  /** .gitignore-style patterns, relative to the config file's directory. */
  ignore: string[];
  /** .gitignore-style patterns of files to lint as Dockerfiles whatever their name, relative to the config file. */
  dockerfiles: string[];
  diagnostics: ConfigDiagnostic[];
}

const schemas = new WeakMap<readonly RuleMeta[], JsonSchema>();

function schemaFor(metas: readonly RuleMeta[]): JsonSchema {
  let schema = schemas.get(metas);
  if (!schema) {
    schema = configSchema(metas);
    schemas.set(metas, schema);
  }
  return schema;
}

export function parseConfig(path: string, text: string, metas: readonly RuleMeta[]): FileConfig {
  const file = new SourceFile(path, text);
  // JSON is YAML 1.2, so one parser gives ranges for both formats.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const diagnostics: ConfigDiagnostic[] = doc.errors.map((e) => ({
    range: file.rangeOf(e.pos[0], e.pos[1]),
    severity: 'error' as const,
    message: `Config not read: ${e.message.split('\n')[0]}. Shipshape uses its defaults until this is fixed.`,
  }));
  if (doc.errors.length) return { path, lint: {}, ignore: [], dockerfiles: [], diagnostics };
  const value: unknown = doc.toJS() ?? {};
  const errors = validate(value, schemaFor(metas));
  for (const error of errors) {
    diagnostics.push({ range: rangeAt(file, doc.contents, error) ?? file.rangeOf(0, 0), severity: error.at === 'key' ? 'warning' : 'error', message: `${error.message} This entry is ignored.` });
  }
  const clean = prune(value, errors);
  return { path, ...toConfig(clean, dirname(path), metas), diagnostics };
}

/** Drops every value that failed validation, so the valid rest of the file still applies. */
function prune(value: unknown, errors: SchemaError[]): unknown {
  if (typeOf(value) !== 'object' && errors.some((e) => e.path.length === 0)) return {};
  const copy = structuredClone(value) as Record<string | number, unknown>;
  for (const { path } of errors) {
    if (path.length === 0) return {};
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | undefined)?.[key];
    if (parent && typeof parent === 'object') (parent as Record<string | number, unknown>)[path[path.length - 1]!] = undefined;
  }
  return copy;
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function toConfig(value: unknown, dir: string, metas: readonly RuleMeta[]): { lint: LintConfig; ignore: string[]; dockerfiles: string[] } {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const lint: LintConfig = {};
  if (v.rules && typeof v.rules === 'object') {
    const rules: Record<string, RuleSetting> = {};
    const renamed = new Map(metas.flatMap((m) => (m.formerIds ?? []).map((former): [string, string] => [former, m.id])));
    const written = v.rules as Record<string, RuleSetting | undefined>;
    for (const [id, setting] of Object.entries(written)) {
      if (setting === undefined) continue;
      // A rule's former id applies to the rule, unless its current id is set too.
      const current = renamed.get(id);
      if (current === undefined) rules[id] = setting;
      else if (written[current] === undefined) rules[current] = setting;
    }
    lint.rules = rules;
  }
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : undefined);
  const registries = strings(v.trustedRegistries);
  if (registries) lint.trustedRegistries = registries;
  if (v.suppressions && typeof v.suppressions === 'object') {
    const s = v.suppressions as Record<string, unknown>;
    const policy: SuppressionPolicy = {};
    for (const key of ['peers', 'requireReason', 'reportUnused'] as const) if (typeof s[key] === 'boolean') policy[key] = s[key];
    lint.suppressions = policy;
  }
  if (v.helm && typeof v.helm === 'object') {
    const h = v.helm as Record<string, unknown>;
    const helm: HelmSettings = {};
    const valuesFiles = strings(h.valuesFiles);
    if (valuesFiles) helm.valuesFiles = valuesFiles;
    const apiVersions = strings(h.apiVersions);
    if (apiVersions) helm.apiVersions = apiVersions;
    for (const key of ['releaseName', 'namespace', 'kubeVersion'] as const) if (typeof h[key] === 'string') helm[key] = h[key];
    lint.helm = helm;
  }
  const signatures = signaturePolicy(v.signatures, dir);
  if (signatures) lint.signatures = signatures;
  if (typeof v.maxFileSizeMB === 'number' && v.maxFileSizeMB > 0) lint.maxFileBytes = megabytes(v.maxFileSizeMB);
  return { lint, ignore: strings(v.ignore) ?? [], dockerfiles: strings(v.dockerfiles) ?? [] };
}

/** `maxFileSizeMB` (editor setting or config key) in bytes. */
export function megabytes(mb: number): number {
  return Math.round(mb * 1024 * 1024);
}

/** The validated `signatures` section, with key and root paths made absolute (relative to the config file). */
function signaturePolicy(raw: unknown, dir: string): SignaturePolicy | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as { trustedRoot?: unknown; policy?: unknown };
  const entries: SignaturePolicyEntry[] = [];
  for (const item of Array.isArray(s.policy) ? s.policy : []) {
    if (!item || typeof item !== 'object') continue;
    const e = item as Record<string, unknown>;
    if (typeof e.images !== 'string') continue;
    const keys = Array.isArray(e.keys) ? e.keys.filter((k): k is string => typeof k === 'string').map((k) => resolvePath(dir, k)) : [];
    const identities = (Array.isArray(e.identities) ? e.identities : []).flatMap((id: unknown) => {
      const i = (id ?? {}) as { issuer?: unknown; subject?: unknown };
      return typeof i.issuer === 'string' && typeof i.subject === 'string' ? [{ issuer: i.issuer, subject: i.subject }] : [];
    });
    entries.push({ images: e.images, keys, identities, ...(typeof e.signatureRepository === 'string' ? { signatureRepository: e.signatureRepository } : {}) });
  }
  return { policy: entries, ...(typeof s.trustedRoot === 'string' ? { trustedRoot: resolvePath(dir, s.trustedRoot) } : {}) };
}

/** The range of the key (unknown keys) or value (wrong values) an error points at. */
function rangeAt(file: SourceFile, root: unknown, error: SchemaError): Range | undefined {
  let node: unknown = root;
  let keyNode: Node | undefined;
  for (const segment of error.path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return undefined;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      return undefined;
    }
  }
  const target = (error.at === 'key' ? keyNode : (node as Node | null)) ?? keyNode;
  const r = target?.range;
  if (!r) return undefined;
  let end = r[1];
  while (end > r[0] && /\s/.test(file.text[end - 1]!)) end--;
  return file.rangeOf(r[0], end);
}
