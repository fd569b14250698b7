// Runs the extension-host suites (test/out/ext/index.js, the @vscode/test-electron form) inside code-server's
// real Node extension host, offline. code-server is started with the smoke-test driver so that the page URL's
// `payload` (extensionDevelopmentPath, extensionTestsPath) is honoured; the exit code of run() comes back
// through window.codeAutomationExit. Headless Chromium only hosts the workbench.
// Usage: node test/ext/run-code-server.mjs   (after `node scripts/build.mjs`)
// Env: SHIPSHAPE_EXTENSION_DIR (default: the repo), SHIPSHAPE_EXT_GREP, TEST_TIMEOUT_MS, VERBOSE=1, KEEP=1.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, cleanup, ensureCodeServer, makeRunDir, memorySampler, repoRoot, startCodeServer } from '../../scripts/lib/code-server.mjs';

const T0 = Date.now();
const log = (...a) => console.log(`[ext ${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
const extensionDir = path.resolve(process.env.SHIPSHAPE_EXTENSION_DIR || repoRoot);
const testsModule = path.join(repoRoot, 'test/out/ext/index.js');
for (const f of [path.join(extensionDir, 'dist/client.js'), path.join(extensionDir, 'dist/server.js'), testsModule]) {
  if (!fs.existsSync(f)) { console.error(`missing ${f}: run \`node scripts/build.mjs\` first`); process.exit(1); }
}

const cs = ensureCodeServer();
const dirs = makeRunDir('ext');
// The suites edit and scan files: give them a copy of examples/, never the repo's own.
const workspace = path.join(dirs.root, 'examples');
fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });

const mem = memorySampler();
let code = 1, server, browser;
try {
  server = await startCodeServer(cs, dirs, { extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  log('code-server up at', server.base);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_CACHE_HOME: dirs.xdgCache } });
  const page = await browser.newPage();
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(extensionDir)], ['extensionTestsPath', remote(testsModule)], ['skipWelcome', 'true']]);
  const exit = new Promise((resolve) => {
    // The workbench forwards renderer and extension-host console output here; keep the test runner's, drop the noise.
    const noise = /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection)|^(Resolving|Resolved) connection|^Creating a socket|open-vsx\.org|authentication provider|^Updating additional builtin/;
    void page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (process.env.VERBOSE || !noise.test(line)) console.log('  ', line);
    });
    void page.exposeFunction('codeAutomationExit', (c) => resolve(c));
  });
  const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 300000);
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no codeAutomationExit within ${timeoutMs} ms`)), timeoutMs); });
  await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  code = await Promise.race([exit, timeout]);
  clearTimeout(timer);
  log('extension host exited with', code);
} catch (e) {
  log('ERROR', e?.stack || e);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
  log(`peak memory ${mem.stop()} MB (code-server + extension host + Chromium)`);
  cleanup(dirs, code === 0);
}
process.exit(code === 0 ? 0 : 1);
