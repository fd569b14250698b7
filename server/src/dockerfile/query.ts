// Questions many Dockerfile rules ask: every RUN script, commands by name, ARG/ENV/RUN variable settings.
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import { argPairs, envPairs, type DockerfileModel, type InstructionNode, type Span, type Stage } from './model';
import { parseOptions, type ParsedOptions, type ShCommand, type ShScript, type ShWord } from './shell';

export interface RunScript {
  stage: Stage;
  node: InstructionNode;
  script: ShScript;
}

const runCache = new WeakMap<DockerfileModel, RunScript[]>();

/**
 * Every RUN (and ONBUILD RUN) with a shell script, in file order. A script with incomplete syntax (an unterminated
 * quote, a pipe or `&&` with nothing after it: the normal state of a line being typed) is not enough to judge, so
 * no rule sees it until it parses.
 */
export function runScripts(model: DockerfileModel): RunScript[] {
  let cached = runCache.get(model);
  if (!cached) {
    cached = [];
    for (const stage of model.stages) {
      for (const node of stage.nodes) {
        const target = node.trigger ?? node;
        if (target.keyword !== 'RUN') continue;
        const script = model.scriptOf(node);
        if (script && script.incomplete === undefined) cached.push({ stage, node, script });
      }
    }
    runCache.set(model, cached);
  }
  return cached;
}

export interface FoundCommand extends RunScript {
  cmd: ShCommand;
}

const commandCache = new WeakMap<DockerfileModel, FoundCommand[]>();

/** Every command of every RUN script, in file order: the loop most RUN rules start with. */
export function runCommands(model: DockerfileModel): FoundCommand[] {
  let cached = commandCache.get(model);
  if (!cached) {
    cached = runScripts(model).flatMap((run) => run.script.commands.map((cmd) => ({ ...run, cmd })));
    commandCache.set(model, cached);
  }
  return cached;
}

export function commandsNamed(model: DockerfileModel, names: ReadonlySet<string>): FoundCommand[] {
  return runCommands(model).filter(({ cmd }) => names.has(cmd.name));
}

export function rangeOf(file: SourceFile, s: Span): Range {
  return file.rangeOf(s.start, s.end);
}

/** The first operand after argv[0] (a subcommand such as `install`), skipping options. */
export function subcommand(cmd: ShCommand, withValue: ReadonlySet<string> = new Set()): { name: string; index: number } | undefined {
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i]!.value;
    if (v.startsWith('-')) {
      if (withValue.has(v)) i++;
      continue;
    }
    return { name: v, index: i };
  }
  return undefined;
}

export function options(cmd: ShCommand, withValue?: ReadonlySet<string>): ParsedOptions {
  return parseOptions(cmd.argv.slice(1), withValue);
}

export interface Setting {
  key: string;
  value?: string;
  keySpan: Span;
  valueSpan?: Span;
  node: InstructionNode;
  kind: 'ENV' | 'ARG' | 'RUN';
}

const settingsCache = new WeakMap<DockerfileModel, Setting[]>();

/** ARG/ENV pairs (global and per stage) and RUN assignments/`export`s, in file order. */
export function settings(model: DockerfileModel): Setting[] {
  let cached = settingsCache.get(model);
  if (cached) return cached;
  cached = [];
  for (const node of model.nodes) {
    const target = node.trigger ?? node;
    if (target.keyword === 'ENV' || target.keyword === 'ARG') {
      for (const kv of target.keyword === 'ENV' ? envPairs(target) : argPairs(target)) {
        cached.push({ key: kv.key, ...(kv.value !== undefined ? { value: kv.value } : {}), keySpan: kv.keySpan, ...(kv.valueSpan ? { valueSpan: kv.valueSpan } : {}), node, kind: target.keyword });
      }
    }
  }
  for (const run of runScripts(model)) {
    for (const cmd of run.script.commands) {
      const words = [...cmd.assignments, ...(cmd.name === 'export' || cmd.name === 'env' || cmd.name === 'declare' || cmd.name === 'local' ? cmd.words.slice(1) : [])];
      for (const w of words) {
        const eq = w.value.indexOf('=');
        if (eq <= 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(w.value.slice(0, eq))) continue;
        cached.push({
          key: w.value.slice(0, eq),
          value: w.value.slice(eq + 1),
          keySpan: { start: w.offsetOfValue(0), end: w.offsetOfValue(eq) },
          valueSpan: { start: w.offsetOfValue(eq + 1), end: w.end },
          node: run.node,
          kind: 'RUN',
        });
      }
    }
  }
  cached.sort((a, b) => a.keySpan.start - b.keySpan.start);
  settingsCache.set(model, cached);
  return cached;
}

/** A word's range in the document. */
export function wordRange(file: SourceFile, w: ShWord | Span): Range {
  return file.rangeOf(w.start, w.end);
}

/** Range of characters [from, to) of a word's value. */
export function valueRange(file: SourceFile, w: ShWord, from: number, to: number): Range {
  return file.rangeOf(w.offsetOfValue(from), to >= w.value.length ? (w.quoted ? w.offsetOfValue(to - 1) + 1 : w.end) : w.offsetOfValue(to));
}

/** Deletes a word and the blank before it (or after it, at the start of a command). */
export function deleteWordEdit(file: SourceFile, w: Span): { range: Range; newText: string } {
  const text = file.text;
  let start = w.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = w.end;
  if (start === w.start) while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { range: file.rangeOf(start, end), newText: '' };
}

/** The words of a command that look like downloads of a URL. */
export const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'aria2c']);

export function isUrl(value: string): boolean {
  return /^(https?|ftp):\/\//i.test(value);
}
