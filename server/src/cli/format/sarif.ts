// SARIF 2.1.0 for code-scanning services: every rule with its docs, results with 1-based regions, fixes and
// fingerprints that follow a finding across commits.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Fix, Range, RuleMeta, Severity } from '../../core/types';
import { ENGINE_DIAGNOSTICS, type EngineDiagnosticId } from '../../core/builtin';
import { DOCS_BASE_URL, docsUrl, renderEngineHover, renderPage } from '../../docs/render';
import type { ScanReport } from '../report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = DOCS_BASE_URL.replace(/\/blob\/.*$/, '');
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** GitHub code scanning ranks security alerts by this CVSS-like score. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '2.0', hint: '1.0' };

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifOptions {
  toolVersion: string;
  /** The directory the report's relative paths are relative to; normally also `%SRCROOT%` (see `sarifRoot`). */
  cwd: string;
  /** A reported file's text by its report path, for fingerprints (default: read it from disk). */
  readText?: (path: string) => string | undefined;
}

/** The `partialFingerprints` key; bump the version if the hashed fields ever change. */
export const FINGERPRINT_KEY = 'shipshapeFindingHash/v1';

export function toSarif(report: ScanReport, metas: readonly RuleMeta[], options: SarifOptions): Record<string, unknown> {
  const ruleIds = [...[...metas].sort((a, b) => a.id.localeCompare(b.id)).map((m) => m.id), ...Object.keys(ENGINE_DIAGNOSTICS)];
  const metaById = new Map(metas.map((m) => [m.id, m]));
  const rules = ruleIds.map((id) => {
    const meta = metaById.get(id);
    return meta ? ruleDescriptor(meta) : engineDescriptor(id as EngineDiagnosticId);
  });
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const root = sarifRoot(options.cwd, report.files.map((f) => f.path));
  const readText = options.readText ?? ((path: string) => readTextFile(resolve(options.cwd, path)));
  const uriOf = (path: string) => encodeUri(relative(root, resolve(options.cwd, path)).split(sep).join('/'));
  const results = report.files.flatMap((file) => {
    const uri = uriOf(file.path);
    const prints = fingerprints(file.path, file.findings, file.text ?? (file.findings.length ? readText(file.path) : undefined));
    return file.findings.map((f, i) => {
      const ruleIndex = index.get(f.ruleId);
      const location = { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(f.range) };
      const fixes = [...(f.fix ? [f.fix] : []), ...f.suggestions].map((fix) => sarifFix(fix, fix.path ? uriOf(fix.path) : uri));
      return {
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message, ...(f.messageId ? { id: f.messageId } : {}) },
        locations: [
          {
            physicalLocation: location,
            ...(f.object
              ? {
                  logicalLocations: [
                    {
                      name: f.object.container ?? f.object.name,
                      fullyQualifiedName: [f.object.namespace, f.object.kind, f.object.name, f.object.container].filter(Boolean).join('/'),
                      kind: f.object.container ? 'member' : 'object',
                    },
                  ],
                }
              : {}),
          },
        ],
        ...(f.related?.length
          ? { relatedLocations: f.related.map((r, id) => ({ id, physicalLocation: { artifactLocation: { uri: uriOf(r.path), uriBaseId: SRCROOT }, region: region(r.range) }, message: { text: r.message } })) }
          : {}),
        partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
        ...(fixes.length ? { fixes } : {}),
      };
    });
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Shipshape',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(report: ScanReport, metas: readonly RuleMeta[], options: SarifOptions): string {
  return `${JSON.stringify(toSarif(report, metas, options), null, 2)}\n`;
}

/** LSP ranges are 0-based with an exclusive end; SARIF is 1-based, and its endColumn is also exclusive. */
export function region(range: Range): SarifRegion {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function ruleDescriptor(meta: RuleMeta): Record<string, unknown> {
  const url = docsUrl(meta.id);
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: plain(meta.title) },
    fullDescription: { text: plain(meta.description) },
    help: {
      text: `${plain(meta.rationale)}\n\nHow to fix: ${plain(meta.remediation)}\n\n${url}`,
      markdown: renderPage(meta),
    },
    helpUri: url,
    // Keyed by messageId, which results name in `message.id`; `{{name}}` becomes SARIF's positional `{0}`.
    messageStrings: Object.fromEntries(Object.entries<string>(meta.messages).map(([id, text]) => [id, { text: sarifTemplate(text) }])),
    defaultConfiguration: { level: LEVEL[meta.severity], enabled: meta.enabledByDefault !== false },
    properties: {
      tags: ['security', TARGET_TAG[meta.target] ?? meta.target, ...meta.equivalents, ...Object.values(meta.messageEquivalents ?? {}).flatMap((v) => v ?? [])],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[meta.severity],
    },
  };
}

/** The tag naming the kind of file a rule checks. */
const TARGET_TAG: Record<string, string> = { dockerfile: 'dockerfile', k8s: 'kubernetes', compose: 'compose', workspace: 'workspace' };

function engineDescriptor(id: EngineDiagnosticId): Record<string, unknown> {
  const meta = ENGINE_DIAGNOSTICS[id];
  return {
    id,
    name: pascal(id),
    shortDescription: { text: meta.title },
    fullDescription: { text: plain(meta.description) },
    help: { text: plain(meta.description), markdown: renderEngineHover(id) },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: ['shipshape-engine'] },
  };
}

function sarifFix(fix: Fix, uri: string): Record<string, unknown> {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: { uri, uriBaseId: SRCROOT },
        replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      },
    ],
  };
}

/** `k8s/no-privileged` -> `K8sNoPrivileged`: SARIF's `name` is an identifier, unique across targets. */
function pascal(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function plain(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1').trim();
}

/**
 * The folder `%SRCROOT%` names: the working directory when every reported file is inside it (a CI job scans its
 * checkout from the top), otherwise the deepest folder holding them all, so that no URI climbs out with `../`.
 */
export function sarifRoot(cwd: string, paths: readonly string[]): string {
  const files = paths.map((p) => resolve(cwd, p));
  const inside = (dir: string, file: string): boolean => {
    const rel = relative(dir, file);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  };
  if (files.every((f) => inside(cwd, f))) return cwd;
  let root = dirname(files[0]!);
  while (!files.every((f) => inside(root, f)) && dirname(root) !== root) root = dirname(root);
  return root;
}

/**
 * One fingerprint per finding that survives edits elsewhere in the file: what was found (rule, message id, message,
 * Kubernetes object) and the text of the line it starts on, never its line number. Findings that share all of
 * that are told apart by their order (`:0`, `:1`, ...), as GitHub does for its own line hashes.
 */
export function fingerprints(path: string, findings: readonly Finding[], text: string | undefined): string[] {
  const lines = text?.split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const line = (lines?.[f.range.start.line] ?? '').trim().replace(/\s+/g, ' ');
    const object = f.object ? [f.object.apiVersion, f.object.kind, f.object.namespace ?? '', f.object.name, f.object.container ?? ''].join('/') : '';
    const hash = createHash('sha256').update([f.ruleId, f.messageId ?? '', f.message, object, path, line].join('\0')).digest('hex').slice(0, 32);
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return `${hash}:${n}`;
  });
}

function readTextFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `Image {{image}} has {{count}}` -> `Image {0} has {1}`; literal braces are doubled, as SARIF requires. */
function sarifTemplate(template: string): string {
  const names: string[] = [];
  return template.replace(/\{\{\s*(\w+)\s*\}\}|[{}]/g, (m, name: string | undefined) => {
    if (name === undefined) return m + m;
    if (!names.includes(name)) names.push(name);
    return `{${names.indexOf(name)}}`;
  });
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
