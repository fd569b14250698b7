// Wraps one pod spec snippet in every workload kind, so each Kubernetes rule's table runs against all of them.
import type { InvalidCase, ValidCase, ExpectedError } from './ruleTester';

export interface WorkloadVariant {
  kind: string;
  code: string;
  /** Maps a `line:col-line:col` range inside the pod spec snippet to the wrapped document. */
  range(r: string): string;
  /** Maps a range inside the pod metadata snippet to the wrapped document. */
  metaRange(r: string): string;
  /** Wraps another pod spec (e.g. the expected text after a fix) the same way. */
  wrap(podSpec: string, metadata?: string): string;
}

interface Shape {
  kind: string;
  /** Lines before the pod template's `metadata:`/`spec:` keys. */
  head: string;
  /** Indentation of the pod template's keys. */
  indent: number;
}

const SHAPES: Shape[] = [
  { kind: 'Pod', head: 'apiVersion: v1\nkind: Pod\n', indent: 0 },
  ...(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] as const).map((kind) => ({
    kind,
    head: `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\nspec:\n  template:\n`,
    indent: 4,
  })),
  { kind: 'ReplicationController', head: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  template:\n', indent: 4 },
  { kind: 'Job', head: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: web\nspec:\n  template:\n', indent: 4 },
  {
    kind: 'CronJob',
    head: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: web\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n',
    indent: 8,
  },
  { kind: 'Rollout', head: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  template:\n', indent: 4 },
  { kind: 'DeploymentConfig', head: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: web\nspec:\n  template:\n', indent: 4 },
  { kind: 'Service (Knative)', head: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  template:\n', indent: 4 },
];

function indentLines(text: string, by: number): string {
  const pad = ' '.repeat(by);
  return text
    .split('\n')
    .map((l, i, all) => (l === '' && i === all.length - 1 ? '' : l === '' ? '' : pad + l))
    .join('\n');
}

function lines(text: string): number {
  return text.split('\n').length - 1;
}

function shift(r: string, dl: number, dc: number): string {
  const m = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(r);
  if (!m) throw new Error(`bad range ${r}`);
  const [, l1, c1, l2, c2] = m.map(Number) as [number, number, number, number, number];
  return `${l1 + dl}:${c1 + dc}-${l2 + dl}:${c2 + dc}`;
}

function build(shape: Shape, podSpec: string, metadata?: string): { code: string; specLine: number; metaLine: number } {
  const spec = podSpec.endsWith('\n') ? podSpec : `${podSpec}\n`;
  const t = shape.indent;
  let code = shape.head;
  // A Pod keeps its name in the same metadata block as the template's annotations.
  const metaBody = shape.kind === 'Pod' ? `name: web\n${metadata ?? ''}` : metadata;
  let metaLine = 0;
  if (metaBody !== undefined) {
    code += `${' '.repeat(t)}metadata:\n`;
    metaLine = lines(code) + (shape.kind === 'Pod' ? 1 : 0);
    code += indentLines(metaBody, t + 2);
  }
  code += `${' '.repeat(t)}spec:\n`;
  const specLine = lines(code);
  code += indentLines(spec, t + 2);
  return { code, specLine, metaLine };
}

export function workloadVariants(podSpec: string, metadata?: string): WorkloadVariant[] {
  return SHAPES.map((shape) => {
    const { code, specLine, metaLine } = build(shape, podSpec, metadata);
    return {
      kind: shape.kind,
      code,
      range: (r) => shift(r, specLine, shape.indent + 2),
      metaRange: (r) => shift(r, metaLine, shape.indent + 2),
      wrap: (p, m) => build(shape, p, m ?? metadata).code,
    };
  });
}

/** A valid case per workload kind. */
export function validEverywhere(podSpec: string, metadata?: string): ValidCase[] {
  return workloadVariants(podSpec, metadata).map((v) => ({ name: `${v.kind}: ${firstLine(podSpec)}`, code: v.code }));
}

export interface SnippetError extends Omit<ExpectedError, 'range'> {
  /** Range inside the pod spec snippet (or inside the metadata snippet with `inMetadata`). */
  range: string;
  inMetadata?: boolean;
}

/** An invalid case per workload kind; ranges and expected fix texts are given relative to the snippet. */
export function invalidEverywhere(
  name: string,
  podSpec: string,
  errors: SnippetError[],
  extra: { metadata?: string; output?: string; suggestions?: string[]; suggestionsMetadata?: (string | undefined)[] } = {},
): InvalidCase[] {
  return workloadVariants(podSpec, extra.metadata).map((v) => ({
    name: `${v.kind}: ${name}`,
    code: v.code,
    errors: errors.map(({ inMetadata, range, ...e }) => ({ ...e, range: inMetadata ? v.metaRange(range) : v.range(range) })),
    ...(extra.output !== undefined ? { output: v.wrap(extra.output) } : {}),
    ...(extra.suggestions ? { suggestions: extra.suggestions.map((s, i) => v.wrap(s, extra.suggestionsMetadata?.[i])) } : {}),
  }));
}

function firstLine(s: string): string {
  return s.split('\n').filter(Boolean).slice(0, 4).join(' | ').slice(0, 80);
}
