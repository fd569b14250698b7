// Image references of containers, split into registry, repository, tag and digest.
import type { Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { ContainerView } from './podspec';
import { get, nodeRange, stringValue } from './yaml';

export interface ImageRef {
  text: string;
  node: Node;
  range: Range;
  /** Registry host as written, or `docker.io` when the reference names none. */
  registry: string;
  explicitRegistry: boolean;
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  /** Range of the tag text (without the colon) when there is one. */
  tagRange: Range | undefined;
}

/** Values we cannot judge: empty, or filled in later by a template, Kustomize or a shell. */
export function isPlaceholder(value: string): boolean {
  return value.trim() === '' || /\{\{|\$\{|\$\(|\$[A-Za-z_]|<[A-Za-z_-]+>/.test(value);
}

export function parseImage(text: string): Omit<ImageRef, 'node' | 'range' | 'tagRange'> & { tagStart?: number } {
  let rest = text.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const explicitRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = explicitRegistry ? first : 'docker.io';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? rest.slice(colon + 1) : undefined;
  const repository = (colon >= 0 ? rest.slice(0, colon) : rest).slice(explicitRegistry ? first.length + 1 : 0);
  return { text, registry, explicitRegistry, repository, tag, digest, ...(colon >= 0 ? { tagStart: colon + 1 } : {}) };
}

/** The container's image, unless it is missing or a placeholder. */
export function imageOf(file: SourceFile, container: ContainerView): ImageRef | undefined {
  const node = get(container.node, 'image', container.pod.doc);
  const text = stringValue(node, container.pod.doc);
  if (!node || text === undefined || isPlaceholder(text)) return undefined;
  const range = nodeRange(file, node);
  if (!range) return undefined;
  const parsed = parseImage(text);
  const { tagStart, ...ref } = parsed;
  let tagRange: Range | undefined;
  // The tag's own range is only exact for a plain or quoted scalar on one line.
  const start = node.range?.[0];
  if (tagStart !== undefined && ref.tag !== undefined && start !== undefined) {
    const raw = file.text.slice(start, start + text.length + 2);
    const offset = raw.startsWith('"') || raw.startsWith("'") ? 1 : 0;
    if (raw.slice(offset, offset + text.length) === text) {
      const lead = text.length - text.trimStart().length;
      tagRange = file.rangeOf(start + offset + lead + tagStart, start + offset + lead + tagStart + ref.tag.length);
    }
  }
  return { ...ref, node, range, tagRange };
}
