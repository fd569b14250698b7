// Finds suppressions in Kubernetes YAML: comments (ours, Checkov, Trivy) and annotations (ours, Checkov, kube-linter).
import { Parser, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import type { RuleCatalog } from '../core/types';
import type { SourceFile } from '../core/source';
import type { Directive } from '../core/directive';
import type { K8sFile, K8sObject } from './model';
import { podSpecOf } from './podspec';
import { keyText, mapIn, nodeRange } from './yaml';
import { ownTargets, peerTargets } from '../suppress/directive';
import { parseCheckovAnnotation, parseCheckovComment, parseOwnBody, parseOwnComment, parseTrivy } from '../suppress/syntax';

/** Peers whose Kubernetes suppressions we read (mapped through each rule's `equivalents`). */
export const K8S_PEERS = ['checkov', 'kube-linter', 'trivy'] as const;

/** Our annotation key; `shipshape.dev/ignore-<anything>` adds more, each with its own reason (as Checkov's skip1..N). */
export const OWN_ANNOTATION = 'shipshape.dev/ignore';
const OWN_ANNOTATION_KEY = /^shipshape\.dev\/ignore(?:-[A-Za-z0-9_.-]+)?$/;
const CHECKOV_ANNOTATION_KEY = /^(?:checkov\.io|bridgecrew\.io|cortex\.io)\/skip\d+$/;
const KUBE_LINTER_CHECK = 'ignore-check.kube-linter.io/';
const KUBE_LINTER_ALL = 'kube-linter.io/ignore-all';
/** Text any of our or peers' suppression comments contains (a cheap test before walking the comments). */
export const COMMENT_MARKERS = /shipshape-ignore|checkov:skip|bridgecrew:skip|cortex:skip|trivy:ignore/;

export function yamlDirectives(file: SourceFile, k8s: K8sFile, registry: RuleCatalog): Directive[] {
  const out: Directive[] = [];
  if (COMMENT_MARKERS.test(file.text)) {
    for (const comment of yamlComments(file.text)) {
      const directive = commentDirective(file, k8s, comment, registry);
      if (directive) out.push(directive);
    }
  }
  for (const object of k8s.objects) out.push(...annotationDirectives(file, object, registry));
  return out;
}

interface Comment {
  offset: number;
  text: string;
}

/** Comments from the CST, so `#` inside block scalars and quoted strings is never mistaken for one. */
export function yamlComments(text: string): Comment[] {
  const out: Comment[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (value && typeof value === 'object') {
      const token = value as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
        out.push({ offset: token.offset, text: token.source });
        return;
      }
      for (const [key, v] of Object.entries(value)) if (key !== 'source') walk(v);
    }
  };
  for (const token of new Parser().parse(text)) walk(token);
  return out.sort((a, b) => a.offset - b.offset);
}

function commentDirective(file: SourceFile, k8s: K8sFile, comment: Comment, registry: RuleCatalog): Directive | undefined {
  const range = file.rangeOf(comment.offset, comment.offset + comment.text.length);
  const own = parseOwnComment(comment.text);
  if (own) {
    const where = own.fileLevel ? { scopeLabel: 'the whole file', problems: [] as string[] } : nodeScope(file, k8s, comment);
    return {
      source: 'shipshape',
      form: own.fileLevel ? '# shipshape-ignore-file' : '# shipshape-ignore',
      range,
      targets: ownTargets(file, comment.offset, own.rules, registry),
      ...where,
      problems: [...own.problems, ...where.problems],
      ...(own.reason !== undefined ? { reason: own.reason } : {}),
      ...(own.until ? { until: own.until.text } : {}),
    };
  }
  const trivy = parseTrivy(comment.text);
  if (trivy) {
    return { source: 'trivy', form: '#trivy:ignore:', range, targets: peerTargets(file, comment.offset, 'trivy', trivy, registry), ...nodeScope(file, k8s, comment), ...(trivy.until ? { until: trivy.until } : {}) };
  }
  const checkov = parseCheckovComment(comment.text);
  if (checkov) {
    // Checkov applies a skip comment to the resource it sits in; above a resource, to that document's resource.
    const object =
      k8s.objects.find((o) => o.node.range && o.node.range[0] <= comment.offset && comment.offset < o.node.range[1]) ??
      k8s.objects.find((o) => docOf(k8s, comment.offset) === o.doc);
    return {
      source: 'checkov',
      form: '#checkov:skip=',
      range,
      targets: peerTargets(file, comment.offset, 'checkov', checkov, registry),
      ...(object ? objectScope(file, object) : { scopeLabel: 'the resource it belongs to' }),
      problems: object ? [] : ['it is not inside or above a Kubernetes object'],
      ...(checkov.reason !== undefined ? { reason: checkov.reason } : {}),
    };
  }
  return undefined;
}

function objectScope(file: SourceFile, object: K8sObject): Pick<Directive, 'scope' | 'scopeLabel'> {
  const scope = nodeRange(file, object.node);
  return { ...(scope ? { scope } : {}), scopeLabel: `${object.kind} \`${object.name}\`` };
}

function docOf(k8s: K8sFile, offset: number): Document | undefined {
  return k8s.docs.find((d) => d.range && d.range[0] <= offset && offset < d.range[2]) ?? k8s.docs[k8s.docs.length - 1];
}

/**
 * The node a line comment is about: the node that starts on the next content line (or on the comment's own line for a
 * trailing comment). An object or list item wins over the key it starts with, so a comment above `- name: app` covers
 * the whole container.
 */
function nodeScope(file: SourceFile, k8s: K8sFile, comment: Comment): Pick<Directive, 'scope' | 'scopeLabel' | 'problems'> {
  const commentPos = file.positionAt(comment.offset);
  const trailing = file.lineText(commentPos.line).slice(0, commentPos.character).trim() !== '';
  let line = commentPos.line;
  if (!trailing) {
    line++;
    while (line < file.lineCount && /^\s*(#.*)?$|^(---|\.\.\.|%)/.test(file.lineText(line))) line++;
  }
  const start = file.lineStartOffset(line);
  const end = start + file.lineText(line).length;
  const doc = line < file.lineCount ? docOf(k8s, start) : undefined;
  const found = doc ? nodeStartingIn(doc, doc.contents, start, end, 'root') : undefined;
  if (!found) return { scopeLabel: 'the node below it', problems: ['no YAML node follows it'] };
  const scope = file.rangeOf(found.start, trimEnd(file.text, found.start, found.end));
  return { scope, scopeLabel: `${found.label} on line ${scope.start.line + 1}`, problems: [] };
}

interface Found {
  start: number;
  end: number;
  label: string;
}

function nodeStartingIn(doc: Document, node: unknown, start: number, end: number, role: 'root' | 'item' | 'value'): Found | undefined {
  if (!isMap(node) && !isSeq(node) && !isScalar(node)) return undefined;
  const r = (node as Node).range;
  if (!r || r[1] < start || r[0] > end) return undefined;
  if (role !== 'value' && r[0] >= start && r[0] <= end) return { start: r[0], end: r[1], label: role === 'root' ? 'the object' : 'the list item' };
  if (isMap(node)) {
    for (const pair of node.items) {
      const found = pairStartingIn(doc, pair, start, end);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const found = nodeStartingIn(doc, item, start, end, 'item');
      if (found) return found;
    }
  }
  return undefined;
}

function pairStartingIn(doc: Document, pair: Pair, start: number, end: number): Found | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const keyStart = key?.range?.[0];
  const valueEnd = value?.range?.[1] ?? key?.range?.[1];
  if (keyStart === undefined || valueEnd === undefined) return undefined;
  if (keyStart >= start && keyStart <= end) return { start: keyStart, end: valueEnd, label: `\`${keyText(key) ?? 'key'}\`` };
  if (valueEnd < start || keyStart > end) return undefined;
  return nodeStartingIn(doc, value, start, end, 'value');
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Annotations of the object and of its pod template (Helm and kustomize users put them there, cf. checkov#6469). */
function annotationDirectives(file: SourceFile, object: K8sObject, registry: RuleCatalog): Directive[] {
  const out: Directive[] = [];
  const maps = [mapIn(object.node, ['metadata', 'annotations'], object.doc)];
  const pod = podSpecOf(object);
  if (pod && pod.path.length > 1) maps.push(mapIn(object.node, [...pod.path.slice(0, -1), 'metadata', 'annotations'], object.doc));
  const where = objectScope(file, object);
  for (const map of maps) {
    for (const pair of map?.items ?? []) {
      if (!isPair(pair)) continue;
      const key = keyText(pair.key);
      const valueNode = asScalarNode(pair.value);
      if (key === undefined) continue;
      const value = valueNode && valueNode.value !== null ? String(valueNode.value) : '';
      const keyNode = pair.key as Node;
      const range = file.rangeOf(keyNode.range![0], trimEnd(file.text, keyNode.range![0], (valueNode?.range ?? keyNode.range!)[1]));
      const valueRange = (valueNode && nodeRange(file, valueNode)) ?? range;
      const form = `\`${key}\` annotation`;
      if (OWN_ANNOTATION_KEY.test(key)) {
        const own = parseOwnBody(value);
        const base = valueBase(file, valueNode, value);
        out.push({
          source: 'shipshape',
          form,
          range,
          targets: ownTargets(file, base ?? 0, own.rules, registry, base === undefined ? valueRange : undefined),
          ...where,
          problems: own.problems,
          ...(own.reason !== undefined ? { reason: own.reason } : {}),
          ...(own.until ? { until: own.until.text } : {}),
        });
      } else if (CHECKOV_ANNOTATION_KEY.test(key)) {
        const syntax = parseCheckovAnnotation(value);
        if (!syntax) continue;
        const base = valueBase(file, valueNode, value);
        out.push({ source: 'checkov', form, range, targets: peerTargets(file, base ?? 0, 'checkov', syntax, registry, base === undefined ? valueRange : undefined), ...where, problems: [], ...reason(syntax.reason) });
      } else if (key.startsWith(KUBE_LINTER_CHECK) || key === KUBE_LINTER_ALL) {
        const all = key === KUBE_LINTER_ALL;
        const check = key.slice(KUBE_LINTER_CHECK.length);
        const keyStart = keyNode.range![0] + (isQuoted(file, keyNode) ? 1 : 0);
        const syntax = all ? { tokens: [{ text: 'all', start: 0, end: key.length }], all: true } : { tokens: [{ text: check, start: KUBE_LINTER_CHECK.length, end: key.length }] };
        out.push({ source: 'kube-linter', form, range, targets: peerTargets(file, keyStart, 'kube-linter', syntax, registry), ...where, problems: [], ...reason(value.trim() || undefined) });
      }
    }
  }
  return out;
}

function reason(text: string | undefined): { reason?: string } {
  return text !== undefined ? { reason: text } : {};
}

function asScalarNode(node: unknown): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

function isQuoted(file: SourceFile, node: Node): boolean {
  const c = file.text[node.range![0]];
  return c === '"' || c === "'";
}

/** Offset of the scalar's first character when its source spells the value verbatim (plain or simply quoted). */
function valueBase(file: SourceFile, node: Scalar | undefined, value: string): number | undefined {
  if (!node?.range) return undefined;
  const base = node.range[0] + (isQuoted(file, node) ? 1 : 0);
  return file.text.startsWith(value, base) ? base : undefined;
}

