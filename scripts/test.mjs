// `npm test`: system packages, type check, build, generated-docs check, then every test layer.
// Prints one closing `N passed, N failed` line over all layers; exits non-zero on any failure.
// Usage: node scripts/test.mjs [unit] [protocol] [editor]   (default: all layers)
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const want = (layer) => only.length === 0 || only.includes(layer);
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  console.log(`=== ${label}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${secs(started)} s`);
  if (r.status !== 0) finish(r.status || 1);
}

/** Runs a test layer, echoing its output and reading its counts (node's `# pass N` or a `N passed, N failed` line). */
function layer(label, cmd, args, { summaryOnly = false } = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    const counts = { passed: 0, failed: 0, skipped: 0 };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        let m;
        // A layer that runs several runners prints its own total; nested runners' counts would be counted twice.
        if (summaryOnly && !/^\w+: \d+ passed, \d+ failed/.test(line)) continue;
        if ((m = /^# pass (\d+)/.exec(line))) counts.passed += +m[1];
        else if ((m = /^# fail (\d+)/.exec(line))) counts.failed += +m[1];
        else if ((m = /^# skipped (\d+)/.exec(line))) counts.skipped += +m[1];
        else if ((m = /^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec(line))) {
          counts.passed += +m[1];
          counts.failed += +m[2];
          counts.skipped += +(m[3] ?? 0);
        }
      }
    });
    child.on('close', (code, signal) => {
      for (const k of Object.keys(totals)) totals[k] += counts[k];
      const ok = code === 0;
      if (!ok && counts.failed === 0) totals.failed += 1; // a crashed layer counts as a failure
      console.log(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${code ?? signal})`} (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped) in ${secs(started)} s`);
      resolve(ok);
    });
  });
}

function secs(started) {
  return ((Date.now() - started) / 1000).toFixed(1);
}

function testFiles(dir) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.test.js')) out.push(relative(root, p));
    }
  };
  walk(join(root, 'test/out', dir));
  return out;
}

function finish(code) {
  console.log(`\nshipshape: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

step('system packages', 'bash', ['scripts/ensure-system-deps.sh']);
step('typecheck', 'npx', ['tsc', '-b']);
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('build', process.execPath, ['scripts/build.mjs']);
step('docs are current', process.execPath, ['dist/gen-docs.js', '--check']);

let ok = true;
const node = process.execPath;
if (want('unit')) {
  const dirs = readdirSync(join(root, 'test/out'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['protocol', 'ext', 'e2e', 'types'].includes(d.name))
    .map((d) => d.name);
  const files = dirs.flatMap(testFiles);
  ok = (await layer('unit tests', node, ['--test', '--test-reporter=tap', '--test-concurrency=2', ...files])) && ok;
}
if (want('protocol')) {
  const files = testFiles('protocol');
  if (files.length) ok = (await layer('protocol tests', node, ['--test', '--test-reporter=tap', '--test-concurrency=1', ...files])) && ok;
}
if (want('editor') && existsSync(join(root, 'scripts/test-editor.mjs'))) {
  ok = (await layer('editor tests', node, ['scripts/test-editor.mjs'], { summaryOnly: true })) && ok;
}
finish(ok && totals.failed === 0 ? 0 : 1);
