// The editor layer of `npm test`: packages the .vsix, then runs, one after another (each peaks near 2 GB),
//   0. the suppression-comment grammar against the Dockerfile and YAML grammars shipped in code-server,
//   1. the extension-host suites inside code-server (test/ext/run-code-server.mjs),
//   2. the same suites under @vscode/test-electron (prints SKIPPED where VS Code cannot be downloaded),
//   3. the real-editor UI cases (test/e2e/run.mjs),
//   4. `npm start --check`: the README's start command brings up code-server with the extension installed.
// Ends with `editor: N passed, N failed, N skipped` (counted per test case) and exits non-zero on any failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, repoRoot } from './lib/code-server.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];
const secs = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

function finish() {
  console.log('\neditor timings: ' + timings.map(([k, v]) => `${k} ${v} s`).join(', '));
  console.log(`editor: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

/** Runs one launcher, echoing its output; `count` turns the output and exit code into test counts. */
function launcher(label, args, count, env = {}) {
  console.log(`\n--- ${label}: node ${args.join(' ')}`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => {
      const c = count(out, code);
      // A launcher that fails without reporting a failed case still counts as one failure.
      if (code !== 0 && c.failed === 0) c.failed = 1;
      for (const k of Object.keys(totals)) totals[k] += c[k] ?? 0;
      timings.push([label, secs(t0)]);
      console.log(`--- ${label}: exit ${code}, ${c.passed} passed, ${c.failed} failed, ${c.skipped ?? 0} skipped in ${secs(t0)} s`);
      resolve();
    });
  });
}

const num = (re, s) => Number(re.exec(s)?.[1] ?? 0);
const mochaCounts = (out) => ({ passed: num(/(\d+) passing/, out), failed: num(/(\d+) failing/, out), skipped: num(/(\d+) pending/, out) });

let t0 = Date.now();
let csDir = '';
try {
  const cs = ensureCodeServer();
  csDir = cs.dir;
  console.log(`code-server cache: ${cs.dir}`);
} catch (e) {
  console.error(String(e?.message || e));
  totals.failed += 1;
  finish();
}
timings.push(['code-server setup', secs(t0)]);

t0 = Date.now();
const pkg = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
timings.push(['build + vsix', secs(t0)]);
const vsix = path.join(repoRoot, 'dist/shipshape.vsix');
if (pkg.status !== 0 || !fs.existsSync(vsix)) {
  console.error('npm run package failed');
  totals.failed += 1;
  finish();
}
console.log(`dist/shipshape.vsix: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`);

await launcher('suppression grammar (TextMate)', ['--test', '--test-reporter=tap', 'test/e2e/grammar.test.mjs'],
  (out) => ({ passed: num(/^# pass (\d+)/m, out), failed: num(/^# fail (\d+)/m, out), skipped: num(/^# skipped (\d+)/m, out) }),
  { SHIPSHAPE_CODE_SERVER_DIR: csDir });
await launcher('extension host (code-server)', ['test/ext/run-code-server.mjs'], mochaCounts);
await launcher('extension host (@vscode/test-electron)', ['test/ext/run-electron.mjs'], (out, code) =>
  /^SKIPPED: /m.test(out) && code === 0 ? { passed: 0, failed: 0, skipped: 1 } : mochaCounts(out));
await launcher('UI e2e (code-server + Chromium)', ['test/e2e/run.mjs'], (out) => {
  const m = /(\d+)\/(\d+) passed/.exec(out);
  return m ? { passed: +m[1], failed: +m[2] - +m[1] } : { passed: 0, failed: 0 };
});
await launcher('npm start --check', ['scripts/start.mjs', '--check'], (_out, code) => (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }),
  { SHIPSHAPE_START_SKIP_BUILD: '1' });
finish();
