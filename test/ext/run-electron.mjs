// Runs the extension-host suites with @vscode/test-electron, the standard launcher for VS Code extensions.
// It needs a VS Code build: SHIPSHAPE_VSCODE_EXECUTABLE if set, otherwise one downloaded (and cached in
// .vscode-test/). Where no build can be obtained (offline machines, like this project's CI) it prints
// SKIPPED with the reason and exits 0; once VS Code has started, any test failure exits non-zero.
// On a headless Linux machine run it under xvfb-run. Usage: node test/ext/run-electron.mjs (after the build).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(new URL('../..', import.meta.url).pathname);
const extensionTestsPath = path.join(repoRoot, 'test/out/ext/index.js');
if (!fs.existsSync(extensionTestsPath)) {
  console.error(`missing ${extensionTestsPath}: run \`node scripts/build.mjs\` first`);
  process.exit(1);
}

let vscodeExecutablePath = process.env.SHIPSHAPE_VSCODE_EXECUTABLE;
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await withTimeout(downloadAndUnzipVSCode({ version: process.env.SHIPSHAPE_VSCODE_VERSION || 'stable', timeout: 15000 }), 120000);
  } catch (e) {
    const reason = String(e?.message || e).split('\n')[0];
    console.log(`SKIPPED: @vscode/test-electron could not download VS Code (${reason}); the same suites run in code-server via test/ext/run-code-server.mjs`);
    process.exit(0);
  }
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-electron-'));
fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error('extension-host tests failed:', e?.message || e);
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
process.exit(code === 0 ? 0 : 1);

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no download within ${ms / 1000} s`)), ms); })])
    .finally(() => clearTimeout(timer));
}
