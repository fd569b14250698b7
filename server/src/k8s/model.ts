// Turns a YAML file into Kubernetes objects with positions: multi-document files, `kind: List`, templates.
import { parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Scalar, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { EngineDiagnosticId } from '../core/builtin';
import { isImagePlaceholder } from '../images/reference';
import { asMap, get, keyRange, mapIn, nodeRange, seqIn, stringValue } from './yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The object's mapping node. */
  node: YAMLMap;
  doc: Document;
  docIndex: number;
  /** Where to report about the object as a whole: its `metadata.name` value, else its `kind`. */
  anchorRange: Range;
}

export interface K8sDiagnostic {
  id: EngineDiagnosticId;
  range: Range;
  message: string;
}

export interface K8sFile {
  docs: Document[];
  objects: K8sObject[];
  diagnostics: K8sDiagnostic[];
  /** Some document has `apiVersion` and `kind`, even if it failed to parse. */
  looksLikeKubernetes: boolean;
}

const TEMPLATE = /\{\{|\{%/;
/** An alias bomb expands a few lines into millions of nodes; beyond this many we refuse the document. */
export const MAX_EXPANDED_NODES = 100_000;

export function parseK8s(file: SourceFile): K8sFile {
  const docs = parseAllDocuments(file.text, { prettyErrors: false, uniqueKeys: false, strict: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: K8sObject[] = [];
  const diagnostics: K8sDiagnostic[] = [];
  let looksLikeKubernetes = false;
  let templatedReported = false;
  list.forEach((doc, docIndex) => {
    const [start = 0, , end = file.text.length] = doc.range ?? [];
    const text = file.text.slice(start, end);
    const kubeish = /^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text);
    if (kubeish) looksLikeKubernetes = true;
    if (TEMPLATE.test(text) && isTemplated(doc, text, start)) {
      if (kubeish && !templatedReported) {
        templatedReported = true;
        diagnostics.push({
          id: 'shipshape/templated-yaml',
          range: firstLineRange(file, start, text),
          message: 'Template expressions found: documents with `{{ … }}` outside a Helm chart are not checked. Lint the rendered manifests instead.',
        });
      }
      return;
    }
    if (doc.errors.length) {
      if (kubeish) {
        const err = doc.errors[0]!;
        diagnostics.push({ id: 'shipshape/parse-error', range: file.rangeOf(err.pos[0], err.pos[1]), message: `YAML syntax error: ${err.message.split('\n')[0]}` });
      }
      // A broken document yields no objects; the other documents are still checked.
      return;
    }
    if (text.includes('&') && text.includes('*') && expandedSize(doc) > MAX_EXPANDED_NODES) {
      if (kubeish) {
        diagnostics.push({
          id: 'shipshape/yaml-limit',
          range: firstLineRange(file, start, text),
          message: `This document's aliases expand to more than ${MAX_EXPANDED_NODES} nodes; it was not checked.`,
        });
      }
      return;
    }
    const root = asMap(doc.contents, doc);
    if (!root) return;
    const before = objects.length;
    collectObjects(file, root, doc, docIndex, objects);
    if (!templatedReported && objects.length > before) {
      const placeholder = imagePlaceholder(doc);
      if (placeholder) {
        templatedReported = true;
        diagnostics.push({
          id: 'shipshape/templated-yaml',
          range: nodeRange(file, placeholder.node) ?? firstLineRange(file, start, text),
          message: `Image \`${placeholder.value}\` is a placeholder that build tooling fills in: image checks skip it. Lint the rendered manifests to check the image.`,
        });
      }
    }
  });
  return { docs: list, objects, diagnostics, looksLikeKubernetes };
}

/** The first `image:` value that build or deploy tooling substitutes (`{IMAGE}`, `${IMAGE}`, `{{ .Image }}`). */
function imagePlaceholder(doc: Document): { value: string; node: Scalar } | undefined {
  let found: { value: string; node: Scalar } | undefined;
  visit(doc, {
    Pair(_, pair) {
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (isScalar(pair.key) && pair.key.value === 'image' && typeof value === 'string' && isImagePlaceholder(value)) {
        found = { value: value.trim(), node: pair.value as Scalar };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstLineRange(file: SourceFile, start: number, text: string): Range {
  const lead = text.match(/^(?:\s*(?:#[^\r\n]*|---[^\r\n]*)?(?:\r?\n|\r))*/)?.[0].length ?? 0;
  const line = text.slice(lead).match(/^[^\r\n]*/)?.[0].length ?? 0;
  return file.rangeOf(start + lead, start + lead + line);
}

/**
 * A document is a template when a `{{` sits outside every scalar: Helm control lines (`{{- if }}`) or an
 * unquoted `{{ .Values.x }}` that YAML reads as a flow map. Go templates inside quoted or block strings
 * (ConfigMaps, CRD descriptions, alert rules) are ordinary data, and such documents are still checked.
 */
function isTemplated(doc: Document, text: string, start: number): boolean {
  if (doc.errors.length) return true;
  const scalars: [number, number][] = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.range) scalars.push([node.range[0], node.range[1]]);
    },
  });
  scalars.sort((a, b) => a[0] - b[0]);
  const re = /\{\{|\{%/g;
  let i = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = start + m.index;
    while (i < scalars.length && scalars[i]![1] <= at) i++;
    const inside = i < scalars.length && scalars[i]![0] <= at;
    if (inside) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (/(^|\s)#/.test(text.slice(lineStart, m.index))) continue;
    return true;
  }
  return false;
}

/** Node count with every alias expanded, memoised per node, so a bomb is measured without being built. */
function expandedSize(doc: Document): number {
  const memo = new Map<unknown, number>();
  const size = (node: unknown, depth: number): number => {
    if (depth > 64 || node === null || node === undefined) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    memo.set(node, 1); // a cycle through an alias counts once
    let n = 1;
    if (isAlias(node)) n = size(node.resolve(doc), depth + 1);
    else if (isPair(node)) n = size(node.key, depth + 1) + size(node.value, depth + 1);
    else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        n += size(item, depth + 1);
        if (n > MAX_EXPANDED_NODES) break;
      }
    }
    memo.set(node, n);
    return n;
  };
  return size(doc.contents, 0);
}

function collectObjects(file: SourceFile, map: YAMLMap, doc: Document, docIndex: number, out: K8sObject[]): void {
  const apiVersion = stringValue(get(map, 'apiVersion', doc), doc);
  const kind = stringValue(get(map, 'kind', doc), doc);
  if (!apiVersion || !kind) return;
  if (/List$/.test(kind)) {
    const items = seqIn(map, ['items'], doc);
    for (const item of items?.items ?? []) {
      const itemMap = asMap(item, doc);
      if (itemMap) collectObjects(file, itemMap, doc, docIndex, out);
    }
    if (kind === 'List' || items) return;
  }
  const metadata = mapIn(map, ['metadata'], doc);
  const name = stringValue(get(metadata, 'name', doc), doc) ?? stringValue(get(metadata, 'generateName', doc), doc) ?? '';
  const namespace = stringValue(get(metadata, 'namespace', doc), doc);
  const anchorRange =
    (metadata && (nodeRange(file, get(metadata, 'name', doc)) ?? keyRange(file, metadata, 'name'))) ??
    keyRange(file, map, 'kind') ??
    nodeRange(file, map)!;
  out.push({ apiVersion, kind, name, ...(namespace !== undefined ? { namespace } : {}), node: map, doc, docIndex, anchorRange });
}

export function isMapNode(node: unknown): node is YAMLMap {
  return isMap(node);
}
