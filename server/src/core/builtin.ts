// Findings the engine itself produces (not rules): they explain why a file could not be fully checked.
import type { Severity } from './types';

export interface EngineDiagnosticMeta {
  title: string;
  severity: Severity;
  description: string;
  /** Reported at most once per file (the first place it applies), even when several documents qualify. */
  oncePerFile?: boolean;
}

export const ENGINE_DIAGNOSTICS = {
  'shipshape/parse-error': {
    title: 'File could not be parsed',
    severity: 'error',
    description: 'The file has a syntax error at this position. Findings for the rest of the file are still reported where the parser could recover.',
  },
  'shipshape/templated-yaml': {
    title: 'Templated YAML skipped',
    severity: 'info',
    description:
      'This document contains template expressions (for example `{{ ... }}`) outside a Helm chart Shipshape can render and was not checked, or a container image is a placeholder that build tooling fills in (`"{IMAGE}"`, `${IMAGE}`, `"{{ .Image }}"`): the rest of that document is checked, the image is not. Templates of a chart (a directory with `Chart.yaml`) are rendered and linted in place; for other templated YAML, lint the rendered manifests, for example `helm template . | shipshape scan -`.',
    oncePerFile: true,
  },
  'shipshape/helm-template': {
    title: 'Helm template could not be rendered',
    severity: 'error',
    description: 'The chart template has a syntax error, calls an undefined template, or stops rendering with `required` or `fail` under these values, as `helm template` would. The template\'s output is not checked until it renders.',
  },
  'shipshape/yaml-limit': {
    title: 'YAML document refused',
    severity: 'warning',
    description: 'The document expands to more nodes than Shipshape will evaluate (for example an alias bomb), so it was not checked.',
  },
  'shipshape/skipped-file': {
    title: 'File not linted',
    severity: 'info',
    description: 'This file was skipped: it is larger than the size limit (`maxFileSizeMB` in `.shipshape.yaml`, `shipshape.maxFileSizeMB` in the editor; default 8 MB), cannot be read, is binary, is not valid UTF-8 or UTF-16 text, or (given on the command line) is neither a Dockerfile nor Kubernetes YAML by name or content. The other files are linted as usual.',
  },
  'shipshape/internal-error': {
    title: 'A rule failed on this file',
    severity: 'warning',
    description: 'A Shipshape rule threw an error on this input. Other rules still ran. Please report the file that triggers it.',
  },
  'shipshape/config': {
    title: 'Configuration problem',
    severity: 'error',
    description: 'This entry of `.shipshape.yaml` is invalid (see docs/configuration.md) and is ignored; the rest of the file still applies, and defaults are used where it does not.',
  },
  'shipshape/suppression': {
    title: 'Suppression problem',
    severity: 'warning',
    description: 'A suppression comment or annotation is malformed, expired, lacks a required reason, or no longer suppresses anything.',
  },
} as const satisfies Record<string, EngineDiagnosticMeta>;

export type EngineDiagnosticId = keyof typeof ENGINE_DIAGNOSTICS;
