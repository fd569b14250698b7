// `npm test`: type check, generated-docs check, build, then every test layer in order. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function sh(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) process.exit(r.status || 1);
}

function testFiles(dir) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.test.js')) out.push(relative(root, p));
    }
  };
  walk(join(root, 'test/out', dir));
  return out.sort();
}

const layers = ['unit', 'protocol', 'editor'];
const want = (layer) => only.length === 0 || only.includes(layer);

sh('typecheck', 'npx', ['tsc', '-b']);
sh('build', 'node', ['scripts/build.mjs']);
sh('docs are current', 'node', ['dist/gen-docs.js', '--check']);
if (want('unit')) {
  const files = ['rules', 'core', 'k8s', 'dockerfile', 'cli', 'registry', 'scan'].flatMap(testFiles);
  sh('unit tests', process.execPath, ['--test', '--test-concurrency=2', ...files]);
}
if (want('protocol')) {
  const files = testFiles('protocol');
  if (files.length) sh('protocol tests', process.execPath, ['--test', '--test-concurrency=1', ...files]);
}
if (want('editor') && existsSync(join(root, 'scripts/test-editor.mjs'))) {
  sh('editor tests', process.execPath, ['scripts/test-editor.mjs']);
}
void layers;
