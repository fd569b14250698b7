// Real-editor end-to-end tests: code-server (VS Code for the web with a Node extension host) driven by
// Debian's Chromium through playwright-core, with the packaged extension installed from the .vsix.
// Every case file in test/e2e/cases/*.case.mjs gets its own code-server, profile and copy of examples/,
// so a case can bring its own settings and fixtures (see cases/README.md).
// Usage: node test/e2e/run.mjs [name-filter]   (env: VSIX, default dist/shipshape.vsix; CHROMIUM; KEEP=1)
// A failing case leaves test-results/<case>-failure.png and its code-server log.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, cleanup, ensureCodeServer, installVsix, makeRunDir, memorySampler, repoRoot, startCodeServer } from '../../scripts/lib/code-server.mjs';

const T0 = Date.now();
const stamp = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;
const vsix = path.resolve(process.env.VSIX || path.join(repoRoot, 'dist/shipshape.vsix'));
if (!fs.existsSync(vsix)) { console.error(`missing ${vsix}: run \`npm run package\` first`); process.exit(1); }
const results = path.join(repoRoot, 'test-results');
const filter = process.argv[2] || '';

const casesDir = path.join(repoRoot, 'test/e2e/cases');
const caseFiles = fs.readdirSync(casesDir).filter((f) => f.endsWith('.case.mjs') && f.includes(filter)).sort();
if (caseFiles.length === 0) { console.error(`no case in ${casesDir} matches "${filter}"`); process.exit(1); }

const cs = ensureCodeServer();
const mem = memorySampler();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const failed = [];
for (const file of caseFiles) {
  const spec = (await import(pathToFileURL(path.join(casesDir, file)).href)).default;
  const name = file.replace(/\.case\.mjs$/, '');
  const log = (...a) => console.log(`[e2e ${name} ${stamp()}]`, ...a);
  const dirs = makeRunDir(`e2e-${name}`, spec.settings ?? {});
  const workspace = path.join(dirs.root, 'examples');
  fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
  let server, context, page, ok = false;
  try {
    const extensionDir = installVsix(cs, dirs, vsix);
    const env = spec.prepare ? await spec.prepare({ workspace, dirs, log }) : undefined;
    server = await startCodeServer(cs, dirs);
    log('code-server up at', server.base);
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => log('pageerror:', String(e).slice(0, 200)));
    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await spec.run({ page, workspace, extensionDir, log, env });
    ok = true;
    log('PASS', spec.title);
  } catch (e) {
    log('FAIL', spec.title, '\n', e?.stack || e);
    failed.push(name);
    if (page) {
      fs.mkdirSync(results, { recursive: true });
      const shot = path.join(results, `${name}-failure.png`);
      await page.screenshot({ path: shot }).then(() => log('screenshot:', shot), () => {});
    }
  } finally {
    if (context) await context.close().catch(() => {});
    if (server) await server.stop();
    if (spec.cleanup) await spec.cleanup().catch(() => {});
    cleanup(dirs, ok);
  }
}
await browser.close();
console.log(`[e2e ${stamp()}] ${caseFiles.length - failed.length}/${caseFiles.length} passed; peak memory ${mem.stop()} MB (code-server + Chromium)`);
process.exit(failed.length ? 1 : 0);
