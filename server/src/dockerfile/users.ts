// The effective USER of a stage (following `FROM <earlier stage>`), and where a USER line can be inserted.
import type { SourceFile } from '../core/source';
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionNode, Stage } from './model';

export interface EffectiveUser {
  node: InstructionNode;
  /** The user as written (variables substituted when known). */
  value: string;
  user: string;
  group?: string;
}

export function effectiveUser(model: DockerfileModel, stage: Stage): EffectiveUser | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const users = s.nodes.filter((n) => n.keyword === 'USER' && n.args.length > 0);
    const last = users[users.length - 1];
    if (!last) continue;
    const raw = last.args[0]!.value;
    const value = model.expand(last, raw) ?? raw;
    const [user, group] = value.split(':');
    return { node: last, value, user: user ?? '', ...(group !== undefined ? { group } : {}) };
  }
  return undefined;
}

export function isRootUser(user: string, windows: boolean): boolean {
  const u = user.toLowerCase();
  return u === 'root' || /^0+$/.test(u) || (windows && (u === 'containeradministrator' || u === 'administrator'));
}

/** The image name says it runs as a non-root user (distroless `:nonroot`, `…-rootless`). */
export function imageImpliesNonRoot(stage: Stage): boolean {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const text = (s.image?.resolved ?? s.image?.text ?? '').toLowerCase();
    if (/nonroot|non-root|rootless/.test(text)) return true;
  }
  return false;
}

/** Inserts `USER <id>` before the final stage's trailing CMD/ENTRYPOINT, or at the end of the file. */
export function insertUserEdit(file: SourceFile, stage: Stage, uid: string): TextEdit {
  const nodes = stage.nodes;
  let at: InstructionNode | undefined;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const k = nodes[i]!.keyword;
    if (k === 'CMD' || k === 'ENTRYPOINT') at = nodes[i];
    else if (at && k !== 'EXPOSE' && k !== 'LABEL' && k !== 'HEALTHCHECK' && k !== 'STOPSIGNAL') break;
  }
  if (at) {
    const lineStart = file.lineStartOffset(at.line);
    const indent = file.text.slice(lineStart, at.start);
    return { range: file.rangeOf(lineStart, lineStart), newText: `${indent}USER ${uid}${file.eol}` };
  }
  const end = file.text.length;
  const needsBreak = end > 0 && !file.text.endsWith('\n');
  return { range: file.rangeOf(end, end), newText: `${needsBreak ? file.eol : ''}USER ${uid}${file.eol}` };
}
