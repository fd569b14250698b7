// What rules ask of a service: a setting's effective value, where a finding about it goes in the linted file, and
// words saying where an inherited setting comes from.
import { isScalar, type Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { asMap, nodeRange } from '../yaml/nodes';
import { interpolate } from './interpolate';
import { fieldOf, scalarString, type ComposeFile, type ComposeService, type Entry, type Setting } from './model';
import { relativePath } from '../core/paths';

/** The setting in force for `key`: the service's own or merged one, else the nearest `extends` base's. */
export function setting(service: ComposeService, key: string): Setting | undefined {
  return service.settings.get(key)?.[0];
}

/**
 * A nested field under a mapping-valued setting (`deploy.resources.limits.memory`), looked up through merge keys and,
 * as Compose merges mappings across `extends`, through every base in precedence order.
 */
export function lookup(service: ComposeService, path: readonly string[]): { entry: Entry; setting: Setting } | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  for (const s of service.settings.get(head) ?? []) {
    if (rest.length === 0) return { entry: { key: s.key, pair: s.pair, value: s.value, map: s.map, ...(s.via ? { via: s.via } : {}) }, setting: s };
    let node: Node | undefined = s.value;
    let entry: Entry | undefined;
    for (const key of rest) {
      entry = fieldOf(asMap(node, s.source.doc), key, s.source.doc);
      node = entry?.value;
      if (!entry) break;
    }
    if (entry) return { entry, setting: s };
  }
  return undefined;
}

/** A scalar's value after interpolation: undefined when absent, not a scalar, or depending on an unknown variable. */
export function scalarOf(compose: ComposeFile, node: Node | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const text = scalarString(node);
  if (text === undefined) return undefined;
  return typeof node.value === 'string' ? interpolate(text, compose.env) : text;
}

/** `true`, `"true"`, `yes`: Compose accepts booleans as YAML booleans and as strings. */
export function isTrue(compose: ComposeFile, node: Node | undefined): boolean {
  if (isScalar(node) && node.value === true) return true;
  return /^(true|yes|on)$/i.test(scalarOf(compose, node) ?? '');
}

/** Whether the setting's text lives in the linted file (not in a file reached through `extends.file`). */
export function isLocal(compose: ComposeFile, s: Setting): boolean {
  return s.source.file === compose.file;
}

/**
 * Where a finding about `node` (part of setting `s`) goes: the node itself when it is in this file, even inside an
 * anchor another service merges; the service's `extends` when it comes from another file.
 */
export function rangeFor(compose: ComposeFile, service: ComposeService, s: Setting, node: Node | undefined = s.value): Range {
  if (isLocal(compose, s)) return (node && nodeRange(compose.file, node)) ?? nodeRange(compose.file, s.pair.key as Node) ?? service.keyRange;
  return service.extendsRange ?? service.keyRange;
}

/** Words for an inherited setting, appended to messages: `` (from `x-base` merged in)``, `` (inherited from `base` in base.yml)``. */
export function via(s: Setting | undefined): string {
  const v = s?.via;
  if (!v) return '';
  if (v.kind === 'merge') return ', through a merge key';
  return `, inherited from service \`${v.service}\`${v.file ? ` in ${v.file}` : ''}`;
}

/** Edits are only offered where the setting's text is in this file. */
export function canEdit(compose: ComposeFile, s: Setting | undefined): boolean {
  return s === undefined || isLocal(compose, s);
}

/**
 * A service of the project by name: this file's own, or one a file pulled in with `include:` (with the model its
 * values interpolate in, and the include path as written, for messages).
 */
export function projectService(compose: ComposeFile, name: string): { service: ComposeService; compose: ComposeFile; from?: string } | undefined {
  const own = compose.services.find((s) => s.name === name);
  if (own) return { service: own, compose };
  const included = compose.included.find((i) => i.service.name === name);
  return included ? { service: included.service, compose: included.compose, from: relativePath(compose.file.path, included.compose.file.path) } : undefined;
}
