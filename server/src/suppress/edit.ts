// The "Suppress <rule> here" quick fix: one inserted comment line that the suppression pass then matches.
import { parseAllDocuments, isMap, isPair, isSeq, type Node } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { Finding } from '../core/types';
import { detectKind } from '../core/detect';
import { parseDockerfile } from '../dockerfile/model';
import { parseOwnComment } from './syntax';

/** The reason the quick fix writes; `requireReason` rejects it (it starts with TODO), so it cannot be left as is. */
export const PLACEHOLDER_REASON = 'TODO: explain why this finding is acceptable here';

export type SuppressionEditKind = 'here' | 'file';

/** Inserts `# shipshape-ignore <rule> -- <placeholder>` above the finding's instruction or YAML node, or extends an existing one. */
export function suppressionEdit(file: SourceFile, finding: Pick<Finding, 'ruleId' | 'range'>, kind: SuppressionEditKind = 'here'): TextEdit {
  const isDockerfile = detectKind(file.path, file.languageId) === 'dockerfile';
  if (kind === 'file') return fileLevelEdit(file, finding.ruleId, isDockerfile);
  const line = isDockerfile ? dockerfileLine(file, finding) : yamlLine(file, finding);
  if (line === undefined) return fileLevelEdit(file, finding.ruleId, isDockerfile);
  return extendAbove(file, line, finding.ruleId) ?? insertAbove(file, line, `# shipshape-ignore ${finding.ruleId} -- ${PLACEHOLDER_REASON}`);
}

function insertAbove(file: SourceFile, line: number, comment: string): TextEdit {
  const indent = /^[ \t]*/.exec(file.lineText(line))![0];
  const character = line === 0 && file.text.startsWith('\uFEFF') ? 1 : 0;
  const at = { line, character };
  return { range: { start: at, end: at }, newText: `${indent}${comment}${file.eol}` };
}

/** A `# shipshape-ignore a -- why` right above gets `,<rule>` rather than a second comment. */
function extendAbove(file: SourceFile, line: number, ruleId: string): TextEdit | undefined {
  if (line === 0) return undefined;
  const above = file.lineText(line - 1);
  const lead = /^[ \t]*/.exec(above)![0].length;
  const own = parseOwnComment(above.slice(lead));
  const last = own?.rules[own.rules.length - 1];
  if (!own || own.fileLevel || !last || own.problems.length) return undefined;
  if (own.rules.some((r) => r.text === ruleId)) return undefined;
  const at = { line: line - 1, character: lead + last.end };
  return { range: { start: at, end: at }, newText: `,${ruleId}` };
}

function fileLevelEdit(file: SourceFile, ruleId: string, isDockerfile: boolean): TextEdit {
  let line = 0;
  if (isDockerfile) {
    // Parser directives must stay first: a comment above them would turn them into plain comments.
    const directives = parseDockerfile(file).directives;
    const last = directives[directives.length - 1];
    if (last) line = file.positionAt(last.span.start).line + 1;
  }
  if (line >= file.lineCount) {
    const end = file.positionAt(file.text.length);
    const lead = file.text.length && !/[\r\n]$/.test(file.text) ? file.eol : '';
    return { range: { start: end, end }, newText: `${lead}# shipshape-ignore-file ${ruleId} -- ${PLACEHOLDER_REASON}${file.eol}` };
  }
  return insertAbove(file, line, `# shipshape-ignore-file ${ruleId} -- ${PLACEHOLDER_REASON}`);
}

/** The first line of the instruction holding the finding: continuation lines (with any escape character) belong to it. */
function dockerfileLine(file: SourceFile, finding: Pick<Finding, 'range'>): number | undefined {
  const line = finding.range.start.line;
  const node = parseDockerfile(file).nodes.find((n) => file.positionAt(n.start).line <= line && line <= file.positionAt(n.end).line);
  return node ? file.positionAt(node.start).line : undefined;
}

/**
 * The line of the innermost key or list item holding the finding that starts its line in block context. Inside a flow
 * collection a comment line would have to sit between flow items, so it goes above the line where the flow node starts.
 */
function yamlLine(file: SourceFile, finding: Pick<Finding, 'range'>): number | undefined {
  const offset = file.offsetAt(finding.range.start);
  const docs = parseAllDocuments(file.text, { prettyErrors: false, uniqueKeys: false, strict: false });
  const doc = (Array.isArray(docs) ? docs : [docs]).find((d) => d.range && d.range[0] <= offset && offset <= d.range[2]);
  if (!doc) return undefined;
  let best: number | undefined;
  const consider = (start: number): void => {
    const pos = file.positionAt(start);
    if (/^[ \t]*(?:-[ \t]+)*$/.test(file.lineText(pos.line).slice(0, pos.character))) best = pos.line;
  };
  let node: unknown = doc.contents;
  const root = doc.contents as Node | null;
  if (root?.range) consider(root.range[0]);
  for (let depth = 0; depth < 200; depth++) {
    if (isMap(node) || isSeq(node)) {
      if (node.flow) break;
      let next: unknown;
      for (const item of node.items) {
        if (isPair(item)) {
          const key = item.key as Node | null;
          const value = item.value as Node | null;
          const start = key?.range?.[0];
          const end = value?.range?.[1] ?? key?.range?.[1];
          if (start === undefined || end === undefined || offset < start || offset > end) continue;
          consider(start);
          next = value;
          break;
        }
        const r = (item as Node | null)?.range;
        if (r && r[0] <= offset && offset <= r[1]) {
          consider(r[0]);
          next = item;
          break;
        }
      }
      if (next === undefined) break;
      node = next;
    } else {
      break;
    }
  }
  return best;
}
