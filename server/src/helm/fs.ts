// Reading a chart from disk (hosts only: CLI, scan, language server): the chart's files, bounded, never outside it.
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ChartFiles } from './chart';

const MAX_FILE = 4 * 1024 * 1024;
const MAX_TOTAL = 64 * 1024 * 1024;
const MAX_FILES = 20_000;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.svn', '.hg']);

/** Every file under the chart root (symlinks are not followed, so nothing outside the chart is read). */
export function readChartFiles(root: string, overlay?: (path: string) => string | undefined): ChartFiles {
  const files = new Map<string, string>();
  let total = 0;
  const walk = (dir: string, depth: number) => {
    if (depth > 30 || files.size >= MAX_FILES) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(p, depth + 1);
        continue;
      }
      if (!st.isFile() || st.size > MAX_FILE || total + st.size > MAX_TOTAL) continue;
      const rel = relative(root, p).split(sep).join('/');
      const text = overlay?.(p) ?? readFileSync(p, 'utf8');
      total += st.size;
      files.set(rel, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
  };
  walk(root, 0);
  return { root, files };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The chart a file belongs to: the nearest directory with Chart.yaml, climbing out of vendored subcharts
 * (`parent/charts/sub/…`) so the parent's values apply. Undefined outside any chart.
 */
export function findChartRoot(file: string): string | undefined {
  let dir = dirname(file);
  let found: string | undefined;
  for (let i = 0; i < 40; i++) {
    if (isFile(join(dir, 'Chart.yaml'))) {
      found = dir;
      const up = dirname(dir);
      if (!(up.endsWith(`${sep}charts`) && isFile(join(dirname(up), 'Chart.yaml')))) return found;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

/** Whether a file is a chart template (under `templates/` of a chart). */
export function isChartTemplatePath(file: string, chartRoot: string): boolean {
  const rel = relative(chartRoot, file).split(sep).join('/');
  return /(^|\/)templates\/.+\.(ya?ml|tpl)$/.test(rel);
}
