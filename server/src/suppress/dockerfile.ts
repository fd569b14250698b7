// Finds suppressions in a Dockerfile: our comments, hadolint pragmas, BuildKit `# check=skip=`, Checkov and Trivy comments.
import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { RuleRegistry } from '../core/registry';
import type { SourceFile } from '../core/source';
import type { DockerfileModel } from '../dockerfile/model';
import { contains, ownTargets, peerTargets, type Directive } from './directive';
import { parseBuildkitCheck, parseCheckovComment, parseHadolint, parseOwnComment, parseTrivy } from './syntax';

export function dockerfileDirectives(file: SourceFile, model: DockerfileModel, registry: RuleRegistry): Directive[] {
  const out: Directive[] = [];
  const comments: Range[] = model.ast.getComments().map((c) => c.getRange());
  for (const directive of model.ast.getDirectives()) {
    const range = directive.getRange();
    const base = file.offsetAt(range.start);
    const line = file.text.slice(base, file.offsetAt(range.end));
    // dockerfile-ast is lenient about what a directive is; BuildKit accepts only `# name=value` with a one-word name.
    const m = /^#[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*=[ \t]*/.exec(line);
    if (!m) {
      comments.push(range);
      continue;
    }
    if (m[1]!.toLowerCase() !== 'check') continue;
    const syntax = parseBuildkitCheck(line.slice(m[0].length), 0);
    if (!syntax) continue;
    out.push({
      source: 'buildkit',
      form: '# check=skip= parser directive',
      range,
      targets: peerTargets(file, base + m[0].length, 'buildkit', syntax, registry),
      scopeLabel: 'the whole file',
      problems: [],
    });
  }
  comments.sort((a, b) => a.start.line - b.start.line);
  const instructions = model.instructions;
  for (const range of comments) {
    // A comment between continuation lines belongs to its instruction; it is not a pragma.
    if (instructions.some((i) => contains(i.getRange(), range))) continue;
    const base = file.offsetAt(range.start);
    const text = file.text.slice(base, file.offsetAt(range.end));
    const next = instructions.find((i) => i.getRange().start.line > range.start.line);
    const nextInstruction = (): Pick<Directive, 'scope' | 'scopeLabel' | 'problems'> =>
      next
        ? { scope: next.getRange(), scopeLabel: `the next instruction (\`${next.getKeyword()}\`, line ${next.getRange().start.line + 1})`, problems: [] }
        : { scopeLabel: 'the next instruction', problems: ['no instruction follows it'] };

    const own = parseOwnComment(text);
    if (own) {
      const where = own.fileLevel ? { scopeLabel: 'the whole file', problems: [] as string[] } : nextInstruction();
      out.push({
        source: 'shipshape',
        form: own.fileLevel ? '# shipshape-ignore-file' : '# shipshape-ignore',
        range,
        targets: ownTargets(file, base, own.rules, registry),
        ...where,
        problems: [...own.problems, ...where.problems],
        ...(own.reason !== undefined ? { reason: own.reason } : {}),
        ...(own.until ? { until: own.until.text } : {}),
      });
      continue;
    }
    const hadolint = parseHadolint(text);
    if (hadolint) {
      const where =
        hadolint.scope === 'file'
          ? { scopeLabel: 'the whole file', problems: [] }
          : hadolint.scope === 'stage'
            ? nextStage(model, range.start.line)
            : nextInstruction();
      const form = hadolint.scope === 'file' ? '# hadolint global ignore=' : hadolint.scope === 'stage' ? '# hadolint stage ignore=' : '# hadolint ignore=';
      out.push({ source: 'hadolint', form, range, targets: peerTargets(file, base, 'hadolint', hadolint, registry), ...where, ...reasonOf(hadolint.reason) });
      continue;
    }
    const trivy = parseTrivy(text);
    if (trivy) {
      out.push({ source: 'trivy', form: '#trivy:ignore:', range, targets: peerTargets(file, base, 'trivy', trivy, registry), ...nextInstruction(), ...(trivy.until ? { until: trivy.until } : {}) });
      continue;
    }
    const checkov = parseCheckovComment(text);
    if (checkov) {
      // Checkov reads skip comments anywhere in a Dockerfile and applies them to the whole file.
      out.push({ source: 'checkov', form: '#checkov:skip=', range, targets: peerTargets(file, base, 'checkov', checkov, registry), scopeLabel: 'the whole file', problems: [], ...reasonOf(checkov.reason) });
    }
  }
  return out;
}

function reasonOf(reason: string | undefined): { reason?: string } {
  return reason !== undefined ? { reason } : {};
}

function nextStage(model: DockerfileModel, line: number): Pick<Directive, 'scope' | 'scopeLabel' | 'problems'> {
  const stage = model.stages.find((s) => s.from.getRange().start.line > line);
  if (!stage) return { scopeLabel: 'the next stage', problems: ['no stage follows it'] };
  const last: Instruction = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  const scope: Range = { start: stage.from.getRange().start, end: last.getRange().end };
  return { scope, scopeLabel: `the stage starting on line ${scope.start.line + 1}`, problems: [] };
}
