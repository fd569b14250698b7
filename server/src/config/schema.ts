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
  required?: string[];
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

const SIGNATURES_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    'Which images must be signed, and by whom. Checked by `registry/image-signature` in the editor (trusted workspaces), `shipshape scan --resolve` and `shipshape verify`; images no entry names are not checked.',
  additionalProperties: false,
  properties: {
    trustedRoot: {
      type: 'string',
      description: "A Sigstore `trusted_root.json` for a private Sigstore deployment, relative to this file. Default: Sigstore's public-good root, shipped with Shipshape.",
    },
    policy: {
      type: 'array',
      description: 'Entries of images and their trusted signers. Every entry whose `images` matches adds its keys and identities; one valid signature from any of them is enough.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['images'],
        properties: {
          images: {
            type: 'string',
            description: 'Glob over the image name without tag or digest, as `registry/repository` or as written for Docker Hub: `ghcr.io/acme/*` (`*` stays within one path segment), `registry.example.com/**`, `nginx`.',
          },
          keys: { type: 'array', items: { type: 'string' }, description: 'PEM public keys (`cosign.pub`: ECDSA, RSA or Ed25519), relative to this file.' },
          identities: {
            type: 'array',
            description: 'Keyless signers (Sigstore bundles): the certificate issuer and subject; `*` matches any run of characters.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['issuer', 'subject'],
              properties: {
                issuer: { type: 'string', description: 'OIDC issuer, e.g. `https://token.actions.githubusercontent.com`.' },
                subject: { type: 'string', description: 'Certificate subject (SAN), e.g. `https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main`.' },
              },
            },
          },
          signatureRepository: {
            type: 'string',
            description: "Repository holding these images' signatures when not the image's own (cosign's COSIGN_REPOSITORY), e.g. `registry.example.com/signatures`. Signatures are never read from another repository or registry unless named here.",
          },
        },
      },
    },
  },
};

export function configSchema(metas: readonly RuleMeta[]): JsonSchema {
  const rules: Record<string, JsonSchema> = {};
  for (const meta of [...metas].sort((a, b) => a.id.localeCompare(b.id))) {
    rules[meta.id] = ruleEntry(`${meta.title} (default: ${meta.enabledByDefault === false ? 'off' : meta.severity})`, meta);
  }
  for (const [id, meta] of Object.entries(ENGINE_DIAGNOSTICS)) rules[id] = ruleEntry(`${meta.title} (default: ${meta.severity})`);
  // Former ids keep working (config/load.ts maps them to the current one).
  for (const meta of metas) for (const former of meta.formerIds ?? []) rules[former] = ruleEntry(`Former id of \`${meta.id}\`; use that id.`, meta);
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
      dockerfiles: {
        type: 'array',
        description: 'Files to lint as Dockerfiles whatever their name, as .gitignore patterns relative to this file (`docker/*.df`, `**/build-image`). `Dockerfile`, `Dockerfile.*`, `Dockerfile-*`, `Dockerfile_*`, `*.Dockerfile`, `Containerfile` and `*.Containerfile` (any case) are always Dockerfiles.',
        items: { type: 'string' },
      },
      maxFileSizeMB: {
        type: 'number',
        default: 8,
        description: 'Files larger than this many megabytes are not linted; each gets one `shipshape/skipped-file` notice and the other files are linted as usual. Default 8: about 2 s of linting at the measured 4.5 MB/s for YAML, and 4 times the largest real manifest we know (argo-cd\'s 1.9 MB install.yaml); anything bigger is a generated bundle or data.',
      },
      signatures: SIGNATURES_SCHEMA,
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
