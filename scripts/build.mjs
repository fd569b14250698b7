// Bundles the extension client, the language server, the CLI, the dev tools and the test files with esbuild.
// Type checking is `tsc -b`; this script only transpiles and bundles.
import { existsSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const watch = process.argv.includes('--watch');
const onlyDist = process.argv.includes('--dist');
// `npm install` in a clone (pre-commit's `language: node`) runs `postinstall`, which builds the CLI only when it is
// missing, so `npm pack` ships dist/. (Not `prepare`/`prepack`: npm pack runs those and prints their banner on
// stdout, where pre-commit reads the tarball's name.) The installed package has dist/ already and no esbuild, so
// esbuild is imported only after this check. npm start and npm test rebuild anyway.
if (process.argv.includes('--if-missing') && ['cli.js', 'scan-worker.js', 'server.js'].every((f) => existsSync(join(root, 'dist', f)))) process.exit(0);
const esbuild = await import('esbuild');

function walk(dir, pred, out = []) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'out' || name === 'fixtures') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // The yaml package and the LSP libraries are bundled; only the editor API stays external.
  external: ['vscode'],
};

const dist = {
  ...common,
  entryPoints: {
    client: join(root, 'client/src/extension.ts'),
    server: join(root, 'server/src/server.ts'),
    cli: join(root, 'server/src/cli/main.ts'),
    'scan-worker': join(root, 'server/src/scan/worker.ts'),
    'bench-scan': join(root, 'scripts/bench-scan.ts'),
    'gen-docs': join(root, 'scripts/gen-docs.ts'),
    bench: join(root, 'scripts/bench.ts'),
    'corpus-sweep': join(root, 'scripts/corpus-sweep.ts'),
    'corpus-sweep-k8s': join(root, 'scripts/corpus-sweep-k8s.ts'),
    fuzz: join(root, 'scripts/fuzz.ts'),
    'corpus-sweep-compose': join(root, 'scripts/corpus-sweep-compose.ts'),
    'helm-corpus': join(root, 'scripts/helm-corpus.ts'),
  },
  outdir: join(root, 'dist'),
  minify: !watch && process.env.SHIPSHAPE_NO_MINIFY !== '1',
  keepNames: true,
};

const testEntries = walk(join(root, 'test'), (p) => /\.(test|suite)\.ts$/.test(p) || /test[\\/]ext[\\/]index\.ts$/.test(p));
const tests = {
  ...common,
  entryPoints: Object.fromEntries(testEntries.map((p) => [relative(join(root, 'test'), p).replace(/\.ts$/, ''), p])),
  outdir: join(root, 'test/out'),
  external: ['vscode', 'mocha', 'playwright-core'],
};

const configs = [dist];
if (!onlyDist && testEntries.length) {
  mkdirSync(join(root, 'test/out'), { recursive: true });
  configs.push(tests);
}
const existing = configs.map((c) => ({ ...c, entryPoints: Object.fromEntries(Object.entries(c.entryPoints).filter(([, p]) => { try { statSync(p); return true; } catch { return false; } })) }));
if (watch) {
  for (const c of existing) await (await esbuild.context(c)).watch();
} else {
  await Promise.all(existing.map((c) => esbuild.build(c)));
}
