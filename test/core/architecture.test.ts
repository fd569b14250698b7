// The layering ARCHITECTURE.md describes, checked on the sources: core/ reaches no target, and no import cycles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '../../..');
const src = join(root, 'server/src');

/** Every specifier a TypeScript file imports or re-exports, type-only ones included (they tie modules just as well). */
export function importSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const re of [/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g]) {
    for (const m of code.matchAll(re)) out.push(m[1]!);
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
}

/** server/src as a graph of files (relative paths), edges for every relative import. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of walk(src)) {
    const deps = importSpecifiers(readFileSync(file, 'utf8'))
      .map((spec) => resolveImport(file, spec))
      .filter((p): p is string => p !== undefined)
      .map((p) => relative(src, p));
    graph.set(relative(src, file), [...new Set(deps)]);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself): the import cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return found;
}

/**
 * Folders that hold a target (a `<folder>/target.ts`; core/target.ts is the interface), plus the rules and the
 * composition root that put targets together.
 */
function targetSide(graph: Map<string, string[]>): (file: string) => boolean {
  const folders = new Set([...graph.keys()].filter((f) => /^[^/]+\/target\.ts$/.test(f) && f !== 'core/target.ts').map((f) => f.split('/')[0]!));
  return (file) => folders.has(file.split('/')[0]!) || file.startsWith('rules/') || file === 'targets.ts' || file === 'api.ts';
}

test('the import scan reads imports of every form', () => {
  const text = [
    "import type { A } from './a';",
    "import {\n  B,\n  C,\n} from '../b';",
    "export { D } from './d';",
    "export * from './e';",
    "import './f';",
    'const g = await import(\'./g\');',
    "// import { H } from './h';",
    "/* import { I } from './i'; */",
    "import { parse } from 'yaml';",
  ].join('\n');
  assert.deepEqual(importSpecifiers(text).sort(), ['../b', './a', './d', './e', './f', './g', 'yaml']);
});

test('the import graph sees the composition root and the targets it registers', () => {
  const graph = importGraph();
  const deps = graph.get('targets.ts') ?? [];
  for (const target of ['dockerfile/target.ts', 'k8s/target.ts', 'core/ruleSet.ts']) assert.ok(deps.includes(target), `targets.ts should import ${target}`);
  const side = targetSide(graph);
  assert.ok(side('dockerfile/model.ts') && side('k8s/target.ts') && side('rules/k8s/no-privileged.ts'));
  assert.ok(!side('core/engine.ts') && !side('suppress/syntax.ts'));
});

test('core/ reaches no target: nothing it imports, directly or through other modules, is a target folder or the rules', () => {
  const graph = importGraph();
  const side = targetSide(graph);
  const bad: string[] = [];
  for (const start of [...graph.keys()].filter((f) => f.startsWith('core/'))) {
    const seen = new Set<string>([start]);
    const path = new Map<string, string>([[start, start]]);
    const queue = [start];
    while (queue.length) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (seen.has(w)) continue;
        seen.add(w);
        path.set(w, `${path.get(v)} → ${w}`);
        if (side(w)) bad.push(path.get(w)!);
        else queue.push(w);
      }
    }
  }
  assert.deepEqual([...new Set(bad)], []);
});

test('server/src has no import cycles (type-only imports included)', () => {
  assert.deepEqual(cycles(importGraph()), []);
});

test('the cycle finder finds cycles', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['d.ts']],
    ['e.ts', ['a.ts']],
  ]);
  assert.deepEqual(cycles(graph), [['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
});
