// Turns a YAML file into Kubernetes objects with positions: multi-document files, `kind: List`, templates.
import { parseAllDocuments, isMap, type Document, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { EngineDiagnosticId } from '../core/builtin';
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
    if (TEMPLATE.test(text)) {
      if (kubeish && !templatedReported) {
        templatedReported = true;
        diagnostics.push({
          id: 'shipshape/templated-yaml',
          range: file.rangeOf(start, start + (text.match(/^[^\r\n]*/)?.[0].length ?? 0)),
          message: 'Template expressions found: documents with `{{ … }}` are not checked. Lint the rendered manifests instead.',
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
    const root = asMap(doc.contents, doc);
    if (!root) return;
    collectObjects(file, root, doc, docIndex, objects);
  });
  return { docs: list, objects, diagnostics, looksLikeKubernetes };
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
