// Suppressions in a Compose file: ours (`# shipshape-ignore`, `# shipshape-ignore-file`) and KICS's comments
// (`# kics-scan ignore`, `ignore-line`, `ignore-block`, `disable=<id>`, `enable=<id>`), whose query ids reach our
// rules through each rule's `kics:<query id>` equivalents.
import { isMap, isPair, isSeq, type Document, type Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { Directive, DirectiveTarget } from '../core/directive';
import type { RuleCatalog } from '../core/types';
import type { SourceFile } from '../core/source';
import { ownTargets, peerTargets } from '../suppress/directive';
import { peerIndex } from '../suppress/peers';
import { parseOwnComment, type Token } from '../suppress/syntax';
import { yamlComments } from '../k8s/suppress';
import { keyText } from '../yaml/nodes';
import type { ComposeFile } from './model';

export const COMPOSE_PEERS = ['kics'] as const;

const MARKERS = /shipshape-ignore|kics-scan/;

export interface KicsComment {
  command: 'ignore' | 'ignore-line' | 'ignore-block' | 'disable' | 'enable';
  /** Query ids of `disable=`/`enable=`, with offsets in the comment. */
  ids: Token[];
}

/** `# kics-scan <command>[=<id>,<id>]`; undefined for any other comment. */
export function parseKics(comment: string): KicsComment | undefined {
  const m = /^#[ \t]*kics-scan[ \t]+(ignore-line|ignore-block|ignore|disable|enable)\b(?:[ \t]*=[ \t]*([^\s#]*))?/.exec(comment);
  if (!m) return undefined;
  const command = m[1] as KicsComment['command'];
  const ids: Token[] = [];
  if (m[2] !== undefined) {
    let offset = m[0].length - m[2].length;
    for (const part of m[2].split(',')) {
      if (part) ids.push({ text: part, start: offset, end: offset + part.length });
      offset += part.length + 1;
    }
  }
  return { command, ids };
}

export function composeDirectives(file: SourceFile, compose: ComposeFile, rules: RuleCatalog): Directive[] {
  if (!MARKERS.test(file.text)) return [];
  const out: Directive[] = [];
  for (const comment of yamlComments(file.text)) {
    const range = file.rangeOf(comment.offset, comment.offset + comment.text.length);
    const own = parseOwnComment(comment.text);
    if (own) {
      const where = own.fileLevel ? { scopeLabel: 'the whole file', problems: [] as string[] } : nodeScope(file, compose.doc, comment.offset);
      out.push({
        source: 'shipshape',
        form: own.fileLevel ? '# shipshape-ignore-file' : '# shipshape-ignore',
        range,
        targets: ownTargets(file, comment.offset, own.rules, rules),
        ...where,
        problems: [...own.problems, ...where.problems],
        ...(own.reason !== undefined ? { reason: own.reason } : {}),
        ...(own.until ? { until: own.until.text } : {}),
      });
      continue;
    }
    const kics = parseKics(comment.text);
    if (kics) out.push(kicsDirective(file, compose, comment.offset, range, kics, rules));
  }
  return out;
}

function kicsDirective(file: SourceFile, compose: ComposeFile, offset: number, range: Range, kics: KicsComment, rules: RuleCatalog): Directive {
  const form = `# kics-scan ${kics.command}`;
  const base = { source: 'kics', form, range };
  switch (kics.command) {
    case 'ignore':
      return { ...base, targets: peerTargets(file, offset, 'kics', { tokens: [], all: true }, rules, range), scopeLabel: 'the whole file', problems: [] };
    case 'disable':
      return { ...base, targets: peerTargets(file, offset, 'kics', { tokens: kics.ids }, rules), scopeLabel: 'the whole file', problems: kics.ids.length ? [] : ['it names no query id'] };
    case 'enable': {
      // Only the named queries run: every other query we have an equivalent of is silenced.
      const peers = peerIndex(rules);
      const kept = new Set(kics.ids.flatMap((t) => peers.rulesFor('kics', t.text)));
      const target: DirectiveTarget = { token: 'all', range, ruleIds: peers.allFor('kics').filter((id) => !kept.has(id)) };
      return { ...base, targets: [target], scopeLabel: 'the whole file', problems: kics.ids.length ? [] : ['it names no query id'] };
    }
    case 'ignore-line': {
      const line = targetLine(file, offset);
      const scope = line === undefined ? undefined : { start: { line, character: 0 }, end: { line, character: file.lineText(line).length } };
      return {
        ...base,
        targets: peerTargets(file, offset, 'kics', { tokens: [], all: true }, rules, range),
        ...(scope ? { scope, scopeLabel: `line ${scope.start.line + 1}`, problems: [] } : { scopeLabel: 'the line below it', problems: ['no line follows it'] }),
      };
    }
    case 'ignore-block':
      return { ...base, targets: peerTargets(file, offset, 'kics', { tokens: [], all: true }, rules, range), ...nodeScope(file, compose.doc, offset) };
  }
}

/** The line a line comment is about: its own for a trailing comment, else the next line with content. */
function targetLine(file: SourceFile, offset: number): number | undefined {
  const pos = file.positionAt(offset);
  if (file.lineText(pos.line).slice(0, pos.character).trim() !== '') return pos.line;
  let line = pos.line + 1;
  while (line < file.lineCount && /^\s*(#.*)?$/.test(file.lineText(line))) line++;
  return line < file.lineCount ? line : undefined;
}

/**
 * The block a comment is about: the mapping entry or list item that starts on its line (trailing) or the next content
 * line, with everything nested under it, so a comment above `web:` covers the whole service.
 */
function nodeScope(file: SourceFile, doc: Document | undefined, offset: number): Pick<Directive, 'scope' | 'scopeLabel' | 'problems'> {
  const line = targetLine(file, offset);
  const start = line === undefined ? undefined : file.lineStartOffset(line);
  const found = doc && start !== undefined && line !== undefined ? blockStartingIn(doc.contents, start, start + file.lineText(line).length) : undefined;
  if (!found) return { scopeLabel: 'the block below it', problems: ['no YAML node follows it'] };
  let end = found.end;
  while (end > found.start && /\s/.test(file.text[end - 1]!)) end--;
  const scope = file.rangeOf(found.start, end);
  return { scope, scopeLabel: `${found.label} on line ${scope.start.line + 1}`, problems: [] };
}

function blockStartingIn(node: unknown, start: number, end: number): { start: number; end: number; label: string } | undefined {
  if (!isMap(node) && !isSeq(node)) return undefined;
  for (const item of node.items) {
    if (isPair(item)) {
      const key = item.key as Node | null;
      const value = item.value as Node | null;
      const from = key?.range?.[0];
      const to = value?.range?.[1] ?? key?.range?.[1];
      if (from === undefined || to === undefined || to < start || from > end) continue;
      if (from >= start) return { start: from, end: to, label: `\`${keyText(key) ?? 'key'}\`` };
      const inner = blockStartingIn(value, start, end);
      if (inner) return inner;
    } else {
      const r = (item as Node | null)?.range;
      if (!r || r[1] < start || r[0] > end) continue;
      if (r[0] >= start) return { start: r[0], end: r[1], label: 'the list item' };
      const inner = blockStartingIn(item, start, end);
      if (inner) return inner;
    }
  }
  return undefined;
}
