// Fixes on a Compose service as minimal text edits: add a key, add a list item, remove a key, in the user's layout
// (block or flow, indentation, quoting, comments and anchors all kept).
import { isMap, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import { appendItem, insertPair, replaceNode } from '../k8s/edit';
import { contentEnd } from '../yaml/nodes';
import type { ComposeFile, ComposeService, Setting } from './model';
import { isLocal } from './service';

/** Whether edits may touch the service's own mapping (not one it shares with others through `web: *alias`). */
function ownMap(compose: ComposeFile, service: ComposeService): YAMLMap | undefined {
  return service.doc === compose.doc && service.node.range ? service.node : undefined;
}

/** Adds `key: value` to the service. */
export function addKey(compose: ComposeFile, service: ComposeService, key: string, value: string): TextEdit[] {
  const map = ownMap(compose, service);
  return map ? insertPair(compose.file, map, [key], value) : [];
}

/**
 * Makes list `key` contain `item`: appends to the list where it is written when that is in this file (an anchor
 * shared through a merge key included, so the merge still applies), otherwise adds the key to the service (Compose
 * unions these lists across `extends`).
 */
export function addListItem(compose: ComposeFile, service: ComposeService, key: string, item: string, current: Setting | undefined): TextEdit[] {
  if (current && isLocal(compose, current) && isSeq(current.value) && current.value.range) return appendItem(compose.file, current.value, item);
  if (current && isLocal(compose, current) && !current.via && (current.value === undefined || !isMap(current.value))) {
    return current.value ? replaceNode(compose.file, current.value, `[${item}]`) : fillAfterColon(compose.file, current.pair, `[${item}]`);
  }
  return addKey(compose, service, key, `[${item}]`);
}

/** Sets a scalar setting: replaces it where written in this file, or adds it to the service. */
export function setScalar(compose: ComposeFile, service: ComposeService, key: string, value: string, current: Setting | undefined): TextEdit[] {
  if (current && isLocal(compose, current)) return current.value ? replaceNode(compose.file, current.value, value) : fillAfterColon(compose.file, current.pair, value);
  return addKey(compose, service, key, value);
}

function fillAfterColon(file: SourceFile, pair: Pair, value: string): TextEdit[] {
  const end = (pair.key as Node).range?.[1];
  if (end === undefined) return [];
  const colon = file.text.indexOf(':', end);
  return colon < 0 ? [] : [{ range: file.rangeOf(colon + 1, colon + 1), newText: ` ${value}` }];
}

/** Removes a `key: value` pair: its whole lines in a block map, the pair and one comma in a flow map. */
export function removePair(file: SourceFile, map: YAMLMap, pair: Pair): TextEdit[] {
  const key = pair.key as Node;
  const start = key.range?.[0];
  const end = contentEnd(file.text, (pair.value ?? key) as Node);
  if (start === undefined || end === undefined) return [];
  if (map.flow) {
    const index = map.items.indexOf(pair);
    const next = map.items[index + 1];
    if (next) return [{ range: file.rangeOf(start, (next.key as Node).range![0]), newText: '' }];
    const prev = map.items[index - 1];
    const prevEnd = prev ? contentEnd(file.text, (prev.value ?? prev.key) as Node) : undefined;
    return [{ range: file.rangeOf(prevEnd ?? start, end), newText: '' }];
  }
  if (map.items.length === 1) return [];
  const first = file.positionAt(start).line;
  const lineStart = file.lineStartOffset(first);
  if (file.text.slice(lineStart, start).trim() !== '') return [];
  const last = file.positionAt(end).line;
  const stop = last + 1 < file.lineCount ? file.lineStartOffset(last + 1) : end;
  return [{ range: file.rangeOf(lineStart, stop), newText: '' }];
}
