// SARIF 2.1.0 for code-scanning services: every rule with its docs, results with 1-based regions and fixes.
import { pathToFileURL } from 'node:url';
import type { Fix, Range, RuleMeta, Severity } from '../../core/types';
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
  /** The directory relative paths are resolved against (`%SRCROOT%`). */
  cwd: string;
}

export function toSarif(report: ScanReport, metas: readonly RuleMeta[], options: SarifOptions): Record<string, unknown> {
  const ruleIds = [...[...metas].sort((a, b) => a.id.localeCompare(b.id)).map((m) => m.id), ...Object.keys(ENGINE_DIAGNOSTICS)];
  const metaById = new Map(metas.map((m) => [m.id, m]));
  const rules = ruleIds.map((id) => {
    const meta = metaById.get(id);
    return meta ? ruleDescriptor(meta) : engineDescriptor(id as EngineDiagnosticId);
  });
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => {
      const ruleIndex = index.get(f.ruleId);
      const location = { artifactLocation: { uri: encodeUri(file.path), uriBaseId: SRCROOT }, region: region(f.range) };
      const fixes = [...(f.fix ? [f.fix] : []), ...f.suggestions].map((fix) => sarifFix(fix, file.path));
      return {
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
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
          ? { relatedLocations: f.related.map((r, id) => ({ id, physicalLocation: { artifactLocation: { uri: encodeUri(r.path), uriBaseId: SRCROOT }, region: region(r.range) }, message: { text: r.message } })) }
          : {}),
        ...(fixes.length ? { fixes } : {}),
      };
    }),
  );
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
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(options.cwd).href.replace(/\/?$/, '/')}` } },
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
    defaultConfiguration: { level: LEVEL[meta.severity], enabled: meta.enabledByDefault !== false },
    properties: {
      tags: ['security', meta.target === 'dockerfile' ? 'dockerfile' : 'kubernetes', ...meta.equivalents, ...Object.values(meta.messageEquivalents ?? {}).flatMap((v) => v ?? [])],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[meta.severity],
    },
  };
}

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

function sarifFix(fix: Fix, path: string): Record<string, unknown> {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        // A Helm finding's fix may edit values.yaml rather than the template it is reported on.
        artifactLocation: { uri: encodeUri(fix.path ?? path), uriBaseId: SRCROOT },
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

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
