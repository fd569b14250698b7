// The JSON Schema of `.shipshape.yaml`, built from rule metadata: shipped as schemas/shipshape.schema.json by
// scripts/gen-docs.ts and used at runtime by the validator, so editor validation and ours never disagree.
import type { RuleMeta } from '../core/types';
import { ENGINE_DIAGNOSTICS } from '../core/builtin';

export type JsonSchema = {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: 'object' | 'array' | 'string' | 'boolean' | 'number';
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  default?: unknown;
};

export const SCHEMA_ID = 'https://shipshape.dev/schemas/shipshape.schema.json';
const SEVERITY_VALUES = ['error', 'warning', 'info', 'hint', 'off'] as const;

const OPTION_TYPES: Record<string, JsonSchema> = {
  'string[]': { type: 'array', items: { type: 'string' } },
  string: { type: 'string' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
};

function ruleEntry(description: string, meta?: RuleMeta): JsonSchema {
  const options: Record<string, JsonSchema> = {};
  for (const [name, spec] of Object.entries(meta?.options ?? {})) {
    options[name] = { ...OPTION_TYPES[spec.type], description: spec.description, default: spec.default };
  }
  return {
    description,
    anyOf: [
      { $ref: '#/definitions/severity' },
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          severity: { $ref: '#/definitions/severity' },
          ...(meta?.options ? { options: { type: 'object', description: 'Options of this rule.', additionalProperties: false, properties: options } } : {}),
        },
      },
    ],
  };
}

export function configSchema(metas: readonly RuleMeta[]): JsonSchema {
  const rules: Record<string, JsonSchema> = {};
  for (const meta of [...metas].sort((a, b) => a.id.localeCompare(b.id))) {
    rules[meta.id] = ruleEntry(`${meta.title} (default: ${meta.enabledByDefault === false ? 'off' : meta.severity})`, meta);
  }
  for (const [id, meta] of Object.entries(ENGINE_DIAGNOSTICS)) rules[id] = ruleEntry(`${meta.title} (default: ${meta.severity})`);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'Shipshape configuration (.shipshape.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Per-rule severity (`error`, `warning`, `info`, `hint`, `off`) or `{severity, options}`.',
        additionalProperties: false,
        properties: rules,
      },
      trustedRegistries: {
        type: 'array',
        description: 'Registries images may come from, e.g. `registry.example.com` or `*.gcr.io`; passed to every rule with a `trustedRegistries` option.',
        items: { type: 'string' },
      },
      ignore: {
        type: 'array',
        description: 'Paths not to lint, as .gitignore patterns relative to this file (`vendor/`, `**/charts/**/templates/`, `!keep.yaml`).',
        items: { type: 'string' },
      },
      helm: {
        type: 'object',
        description: 'How Helm charts are rendered for linting (no helm binary is run).',
        additionalProperties: false,
        properties: {
          valuesFiles: { type: 'array', items: { type: 'string' }, description: 'Values files, relative to each chart, linted as extra scenarios on top of values.yaml (charts without the file skip it). A finding only one scenario produces names it.' },
          releaseName: { type: 'string', default: 'release-name', description: '`.Release.Name`.' },
          namespace: { type: 'string', default: 'default', description: '`.Release.Namespace`.' },
          kubeVersion: { type: 'string', default: 'v1.31.0', description: '`.Capabilities.KubeVersion`.' },
          apiVersions: { type: 'array', items: { type: 'string' }, description: 'Extra `.Capabilities.APIVersions` entries (`group/version` or `group/version/Kind`), added to the built-in ones.' },
        },
      },
      suppressions: {
        type: 'object',
        additionalProperties: false,
        properties: {
          peers: { type: 'boolean', default: true, description: "Honour hadolint, BuildKit, Checkov, kube-linter and Trivy suppressions through each rule's equivalents." },
          requireReason: { type: 'boolean', default: false, description: 'A `shipshape-ignore` without `-- <reason>` (or with the TODO placeholder) suppresses nothing and is reported.' },
          reportUnused: { type: 'boolean', default: true, description: 'Report `shipshape-ignore` suppressions that no longer suppress anything.' },
        },
      },
    },
    definitions: { severity: { enum: SEVERITY_VALUES } },
  };
}
