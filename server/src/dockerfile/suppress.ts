// Finds suppressions in a Dockerfile: our comments, hadolint pragmas, BuildKit `# check=skip=`, Checkov and Trivy comments.
import type { Range } from 'vscode-languageserver-types';
import type { RuleCatalog } from '../core/types';
import type { SourceFile } from '../core/source';
import { contains, type Directive } from '../core/directive';
import type { DockerfileModel, InstructionNode, Span } from './model';
import { ownTargets, peerTargets } from '../suppress/directive';
import { parseBuildkitCheck, parseCheckovComment, parseHadolint, parseOwnComment, parseTrivy } from '../suppress/syntax';

/** Peers whose Dockerfile suppressions we read (mapped through each rule's `equivalents`). */
export const DOCKERFILE_PEERS = ['hadolint', 'buildkit', 'checkov', 'trivy'] as const;

export function dockerfileDirectives(file: SourceFile, model: DockerfileModel, registry: RuleCatalog): Directive[] {
  const out: Directive[] = [];
  // The model's own lexer (BuildKit's line rules) supplies comments and directives: no second parse.
  const directiveLines = new Set(model.directives.map((d) => d.span.start));
  const comments: Range[] = [];
  for (const span of model.comments) {
    if (!directiveLines.has(span.start)) comments.push(file.rangeOf(span.start, span.end));
  }
  for (const directive of model.directives) {
    const range = file.rangeOf(directive.span.start, directive.span.end);
    const base = directive.span.start;
    const line = file.text.slice(base, directive.span.end);
    if (directive.name !== 'check') continue;
    const m = /^#[ \t]*check[ \t]*=[ \t]*/i.exec(line);
    if (!m) continue;
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
  const instructions = model.nodes.map((node) => ({ node, range: nodeRange(file, node) }));
  for (const range of comments) {
    // A comment between continuation lines belongs to its instruction; it is not a pragma.
    if (instructions.some((i) => contains(i.range, range))) continue;
    const base = file.offsetAt(range.start);
    const text = file.text.slice(base, file.offsetAt(range.end));
    const next = instructions.find((i) => i.range.start.line > range.start.line);
    const nextInstruction = (): Pick<Directive, 'scope' | 'scopeLabel' | 'problems'> =>
      next
        ? { scope: next.range, scopeLabel: `the next instruction (\`${next.node.keyword}\`, line ${next.range.start.line + 1})`, problems: [] }
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
            ? nextStage(file, model, range.start.line)
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

function nextStage(file: SourceFile, model: DockerfileModel, line: number): Pick<Directive, 'scope' | 'scopeLabel' | 'problems'> {
  const stage = model.stages.find((s) => s.firstNode.line > line);
  if (!stage) return { scopeLabel: 'the next stage', problems: ['no stage follows it'] };
  const last: InstructionNode = stage.nodes[stage.nodes.length - 1] ?? stage.firstNode;
  const scope: Range = { start: file.positionAt(stage.firstNode.start), end: file.positionAt(last.end) };
  return { scope, scopeLabel: `the stage starting on line ${scope.start.line + 1}`, problems: [] };
}

function nodeRange(file: SourceFile, span: Span): Range {
  return file.rangeOf(span.start, span.end);
}
