// Measures "Shipshape: Scan Workspace" in a real editor, as a user runs it: code-server with the packaged
// extension, a copy of a large corpus as the workspace, headless Chromium driven by playwright-core.
// A measurement, not a test: it prints figures and writes test-results/editor-scan.json; it asserts nothing
// about speed and exits non-zero only when the scan fails or does not complete within SCAN_TIMEOUT_MS.
//
// What it records:
//   - the progress notification's text, sampled every ~250 ms from Node and on every DOM change in the page;
//   - editor responsiveness while the scan runs: every ~500 ms a keystroke into an open Dockerfile, alternately
//     `2` and Backspace on `EXPOSE 2`, so that each keystroke also toggles a `dockerfile/no-expose-ssh` squiggle;
//     per keystroke the keydown-to-DOM time (in the page: the event's timeStamp to the mutation that shows the new
//     line text), the input delay (timeStamp to the handler running), the CDP round trip of the key press, and
//     keydown-to-squiggle (the document's diagnostics round trip through extension host and language server);
//     the same for a few keystrokes before the scan (idle baseline) and after it;
//   - total scan time (Enter in the command palette to the completion message), files and findings from that
//     message, the Problems count in the status bar and Shipshape's own status bar count, and how long they take
//     to settle; the time for the Problems panel to show its first rows;
//   - peak RSS per process group (code-server, extension host, language server with its worker threads,
//     Chromium) and their CPU time during the scan; the load average (the box may be shared).
//
// Usage: node scripts/measure-editor-scan.mjs [corpus-dir]     (default ../shared/corpus)
//   env: VSIX (default dist/shipshape.vsix, built with `npm run package` when missing; REBUILD=1 rebuilds it),
//        SCAN_TIMEOUT_MS (default 600000), KEY_INTERVAL_MS (500), POLL_INTERVAL_MS (250), CHROMIUM, KEEP=1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, cleanup, ensureCodeServer, installVsix, makeRunDir, memorySampler, repoRoot, startCodeServer } from './lib/code-server.mjs';
import { openFile, SQUIGGLE, statusBarProblems, WAIT } from '../test/e2e/workbench.mjs';

const SCAN_TIMEOUT_MS = Number(process.env.SCAN_TIMEOUT_MS || 600000);
const KEY_INTERVAL_MS = Number(process.env.KEY_INTERVAL_MS || 500);
const POLL_INTERVAL_MS = Number(process.env.POLL_INTERVAL_MS || 250);
const BASELINE_KEYS = 10;
const AFTER_KEYS = 8;
const PROBE_NAME = 'shipshape-probe.dockerfile';
const PROBE = ['# Shipshape scan measurement: keystrokes go to the last line.', 'FROM alpine:3.20', 'USER 1000', 'EXPOSE 2', ''].join('\n');
const COMPLETE = /Shipshape scanned (\d+) files?: (\d+) findings?/;

const corpus = path.resolve(process.argv[2] || path.join(repoRoot, '../shared/corpus'));
const results = path.join(repoRoot, 'test-results');
const T0 = Date.now();
const stamp = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;
const log = (...a) => console.log(`[measure ${stamp()}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const loadavg = () => os.loadavg().map((x) => +x.toFixed(2));

if (!fs.existsSync(corpus)) { console.error(`no corpus at ${corpus}`); process.exit(2); }

// ---- process sampler: RSS and CPU per role, from ps and /proc -------------------------------------------------
const CLK_TCK = 100;
function procSampler(roots) {
  const peak = {};
  const cpuNow = {};
  let peakTotal = 0;
  let loadMax = 0;
  const classify = (pid, args, under) => {
    if (under === 'chromium') return /--type=renderer/.test(args) ? 'chromium renderer' : 'chromium other';
    if (/--type=extensionHost/.test(args)) return 'extension host';
    if (/shipshape[^ ]*\/dist\/server\.js/.test(args)) return 'language server';
    return 'code-server other';
  };
  const cpuOf = (pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime + stime, seconds
    } catch { return 0; }
  };
  const sample = () => {
    const r = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
    if (r.status !== 0) return;
    const rows = r.stdout.split('\n').map((l) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l)).filter(Boolean)
      .map((m) => ({ pid: +m[1], ppid: +m[2], rss: +m[3], args: m[4] }));
    const byRole = {};
    const cpu = {};
    for (const [under, root] of Object.entries(roots())) {
      // Chromium is launched by playwright as a child of this process; code-server by its pid.
      const rootPid = root === 'chromium' ? rows.find((p) => p.ppid === process.pid && /chrom/i.test(p.args))?.pid : root;
      if (!rootPid) continue;
      const tree = new Set([rootPid]);
      for (let grew = true; grew;) { grew = false; for (const p of rows) if (!tree.has(p.pid) && tree.has(p.ppid)) { tree.add(p.pid); grew = true; } }
      for (const p of rows) {
        if (!tree.has(p.pid)) continue;
        const role = p.pid === rootPid && under === 'code-server' ? 'code-server' : classify(p.pid, p.args, under);
        byRole[role] = (byRole[role] ?? 0) + p.rss;
        cpu[role] = (cpu[role] ?? 0) + cpuOf(p.pid);
      }
    }
    let total = 0;
    for (const [role, kb] of Object.entries(byRole)) { peak[role] = Math.max(peak[role] ?? 0, kb); total += kb; }
    peakTotal = Math.max(peakTotal, total);
    // CPU seconds only grow per process; keep the highest seen per role (a process that exits takes its share along).
    for (const [role, s] of Object.entries(cpu)) cpuNow[role] = Math.max(cpuNow[role] ?? 0, s);
    loadMax = Math.max(loadMax, os.loadavg()[0]);
  };
  const timer = setInterval(sample, 500);
  timer.unref();
  sample();
  return {
    cpu() { sample(); return { ...cpuNow }; },
    stop() {
      clearInterval(timer);
      sample();
      const mb = (kb) => Math.round(kb / 1024);
      return { peakRssMb: Object.fromEntries(Object.entries(peak).sort().map(([k, v]) => [k, mb(v)])), peakTotalMb: mb(peakTotal), loadavg1Max: +loadMax.toFixed(2) };
    },
  };
}

// ---- in-page instrumentation -------------------------------------------------------------------------------------
/** Records keydowns, every change of the probe line's text and of the editor's squiggle count, with page timestamps. */
async function instrumentEditor(page) {
  await page.evaluate(() => {
    const P = (window.__ssProbe = { keys: [], lines: [], squiggles: [], toasts: [] });
    document.addEventListener('keydown', (e) => P.keys.push({ key: e.key, ts: e.timeStamp, at: performance.now() }), true);
    const ed = document.querySelector('.editor-instance .monaco-editor');
    let lastText, lastSq;
    const check = () => {
      const now = performance.now();
      const line = [...ed.querySelectorAll('.view-lines .view-line')].find((l) => l.textContent.startsWith('EXPOSE'));
      const text = line ? line.textContent.replace(/\u00a0/g, ' ').trim() : null;
      if (text !== lastText) { lastText = text; P.lines.push({ t: now, text }); }
      const sq = ed.querySelectorAll('.squiggly-error, .squiggly-warning, .squiggly-info').length;
      if (sq !== lastSq) { lastSq = sq; P.squiggles.push({ t: now, n: sq }); }
    };
    new MutationObserver(check).observe(ed, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
    check();
  });
}

/** Once the toasts container exists: records every change of the notification texts (cheap, scoped observer). */
async function instrumentToasts(page) {
  return page.evaluate(() => {
    const P = window.__ssProbe;
    if (P.toastObserver) return true;
    const box = document.querySelector('.notifications-toasts');
    if (!box) return false;
    let last;
    const check = () => {
      const text = [...box.querySelectorAll('.notification-list-item-message')].map((n) => n.textContent).join(' | ');
      if (text !== last) { last = text; P.toasts.push({ t: performance.now(), text }); }
    };
    P.toastObserver = new MutationObserver(check);
    P.toastObserver.observe(box, { subtree: true, childList: true, characterData: true });
    check();
    return true;
  });
}

const readProbe = (page) => page.evaluate(() => {
  const { keys, lines, squiggles, toasts } = window.__ssProbe;
  return { keys, lines, squiggles, toasts, now: performance.now() };
});

async function toastTexts(page) {
  return page.evaluate(() => [...document.querySelectorAll('.notifications-toasts .notification-list-item')].map((n) => ({
    text: n.querySelector('.notification-list-item-message')?.textContent ?? n.textContent,
    error: !!n.querySelector('.codicon-error'),
  })));
}

async function shipshapeStatus(page) {
  return page.evaluate(() => {
    const item = [...document.querySelectorAll('.statusbar-item')].find((i) => i.querySelector('.codicon-shield'));
    return item ? Number((item.textContent.match(/\d+/) ?? [NaN])[0]) : null;
  });
}

// ---- keystrokes --------------------------------------------------------------------------------------------------
/** One keystroke on the probe line: '2' turns `EXPOSE 2` into `EXPOSE 22` (a finding), Backspace turns it back. */
function makeTyper(page) {
  let state = 'EXPOSE 2';
  const sent = [];
  return {
    sent,
    async press(phase) {
      const key = state === 'EXPOSE 2' ? '2' : 'Backspace';
      const expect = key === '2' ? 'EXPOSE 22' : 'EXPOSE 2';
      const index = sent.length;
      const t = Date.now();
      await page.keyboard.press(key);
      sent.push({ index, phase, key, expect, wallStart: t, cdpMs: Date.now() - t });
      state = expect;
    },
  };
}

const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)].toFixed(1);
};
const stats = (xs) => (xs.length ? { n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: +Math.max(...xs).toFixed(1) } : { n: 0 });

/**
 * Pairs each sent keystroke with its keydown record in the page and finds the first line mutation showing the expected
 * text and the first squiggle count matching the expected diagnostics, each before the next keystroke.
 */
function analyseKeys(sent, probe, squiggleFor) {
  const keys = probe.keys.filter((k) => k.key === '2' || k.key === 'Backspace');
  const rows = sent.map((s, i) => {
    const k = keys[i];
    if (!k || k.key !== s.key) return { ...s, matched: false };
    const nextTs = keys[i + 1]?.ts ?? probe.now;
    const line = probe.lines.find((l) => l.t >= k.ts && l.text === s.expect);
    const want = squiggleFor[s.expect];
    const sq = want === undefined ? undefined : probe.squiggles.find((q) => q.t >= k.ts && q.n === want);
    return {
      ...s,
      matched: true,
      inputDelayMs: +(k.at - k.ts).toFixed(1),
      keyToDomMs: line ? +(line.t - k.ts).toFixed(1) : null,
      keyToSquiggleMs: sq && sq.t < nextTs ? +(sq.t - k.ts).toFixed(1) : null,
      squiggleLate: want !== undefined && !(sq && sq.t < nextTs),
    };
  });
  const byPhase = {};
  for (const phase of [...new Set(rows.map((r) => r.phase))]) {
    const rs = rows.filter((r) => r.phase === phase && r.matched);
    byPhase[phase] = {
      keystrokes: rows.filter((r) => r.phase === phase).length,
      keyToDomMs: stats(rs.flatMap((r) => (r.keyToDomMs === null ? [] : [r.keyToDomMs]))),
      neverShown: rs.filter((r) => r.keyToDomMs === null).length,
      inputDelayMs: stats(rs.map((r) => r.inputDelayMs)),
      cdpPressMs: stats(rs.map((r) => r.cdpMs)),
      keyToSquiggleMs: stats(rs.flatMap((r) => (r.keyToSquiggleMs === null ? [] : [r.keyToSquiggleMs]))),
      squiggleNotBeforeNextKey: rs.filter((r) => r.squiggleLate).length,
    };
  }
  return { rows, byPhase };
}

/** Clicks into the EXPOSE line's text (a `.view-line` is far wider than the viewport) and moves to its end. */
async function toEndOfProbeLine(page, exposeLine) {
  const box = await exposeLine.locator('span').first().boundingBox();
  await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
  await page.keyboard.press('End');
}

/** PROFILE=1: the renderer's CPU profile during the scan, saved, with the top functions by self time. */
async function summariseProfile(profile) {
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(path.join(results, 'editor-scan-renderer.cpuprofile'), JSON.stringify(profile));
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...dt.values()].reduce((a, b) => a + b, 0);
  const self = new Map();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, us]) => [k, +(us / 1000).toFixed(0)]);
  return { totalMs: Math.round(total / 1000), topSelfMs: top };
}

// ---- main --------------------------------------------------------------------------------------------------------
const report = {
  when: new Date().toISOString(),
  host: { cpus: os.cpus().length, memTotalMb: Math.round(os.totalmem() / 2 ** 20), loadavgAtStart: loadavg() },
  corpus,
  settings: { keyIntervalMs: KEY_INTERVAL_MS, pollIntervalMs: POLL_INTERVAL_MS, scanTimeoutMs: SCAN_TIMEOUT_MS },
};
let exitCode = 0;

const vsix = path.resolve(process.env.VSIX || path.join(repoRoot, 'dist/shipshape.vsix'));
if (!fs.existsSync(vsix) || process.env.REBUILD === '1') {
  log('building the .vsix: npm run package');
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(vsix)) { console.error('npm run package failed'); process.exit(2); }
}
report.vsix = { path: vsix, builtAt: fs.statSync(vsix).mtime.toISOString() };

const cs = ensureCodeServer();
const dirs = makeRunDir('measure-scan');
const workspace = path.join(dirs.root, 'workspace');
let t = Date.now();
fs.cpSync(corpus, workspace, { recursive: true });
fs.writeFileSync(path.join(workspace, PROBE_NAME), PROBE);
let fileCount = 0;
for (const e of fs.readdirSync(workspace, { recursive: true, withFileTypes: true })) if (e.isFile()) fileCount++;
report.workspace = { files: fileCount, copyMs: Date.now() - t };
log(`workspace: ${fileCount} files copied from ${corpus} in ${report.workspace.copyMs} ms (plus ${PROBE_NAME})`);

let server, browser, context, page, ok = false;
const wsFrames = { count: 0, bytes: 0 };
const helperMem = memorySampler();
let procs;
try {
  installVsix(cs, dirs, vsix);
  server = await startCodeServer(cs, dirs);
  log('code-server up at', server.base);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  procs = procSampler(() => ({ 'code-server': server?.proc.pid, chromium: 'chromium' }));
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => log('pageerror:', String(e).slice(0, 200)));
  // Every extension-host → UI message (diagnostics, progress, status bar) crosses code-server's WebSocket.
  page.on('websocket', (ws) => ws.on('framereceived', (f) => { wsFrames.count++; wsFrames.bytes += f.payload.length; }));
  t = Date.now();
  await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const editor = await openFile(page, PROBE_NAME, 'EXPOSE 2', log);
  report.openProbeMs = Date.now() - t;
  log(`${PROBE_NAME} open (${report.openProbeMs} ms after page load)`);

  // Wait for the probe's own diagnostics (the server is up), then put the cursor at the end of the EXPOSE line.
  await editor.locator(SQUIGGLE).first().waitFor({ timeout: WAIT });
  const exposeLine = editor.locator('.view-lines .view-line', { hasText: /^EXPOSE/ }).first();
  await toEndOfProbeLine(page, exposeLine);
  await sleep(1500); // the probe's first lint (200 ms debounce) settles
  await instrumentEditor(page);
  const typer = makeTyper(page);

  // Idle baseline; it also tells which squiggle count goes with which line text.
  for (let i = 0; i < BASELINE_KEYS; i++) { await typer.press('before scan'); await sleep(Math.max(KEY_INTERVAL_MS, 800)); }
  const base = await readProbe(page);
  const squiggleFor = {};
  for (const s of typer.sent) {
    // The squiggle count just before the next key (or now) is the settled count for that text.
    const k = base.keys.filter((x) => x.key === '2' || x.key === 'Backspace')[s.index + 1];
    const before = base.squiggles.filter((q) => q.t < (k ? k.ts : base.now)).pop();
    if (before) squiggleFor[s.expect] ??= before.n;
  }
  if (squiggleFor['EXPOSE 2'] === squiggleFor['EXPOSE 22']) {
    log('warning: `EXPOSE 22` and `EXPOSE 2` show the same number of squiggles; keystroke-to-squiggle is not measured');
    delete squiggleFor['EXPOSE 2'];
    delete squiggleFor['EXPOSE 22'];
  }
  report.squiggleCounts = squiggleFor;
  if (typer.sent.length % 2) { await typer.press('before scan'); await sleep(KEY_INTERVAL_MS); } // back to `EXPOSE 2`
  report.problemsBeforeScan = await statusBarProblems(page);
  log(`baseline done; squiggles ${JSON.stringify(squiggleFor)}; Problems before the scan: ${report.problemsBeforeScan}`);

  // The command palette, as a user: F1, type, Enter.
  const cpuBefore = procs.cpu();
  const loadBefore = loadavg();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT });
  await page.keyboard.type('Shipshape: Scan Workspace');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Scan Workspace' }).first().waitFor({ timeout: WAIT });
  let cdp;
  if (process.env.PROFILE === '1') {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  const wsBefore = { ...wsFrames };
  const scanStart = Date.now();
  const scanStartPage = await page.evaluate(() => performance.now());
  await page.keyboard.press('Enter');
  log('Shipshape: Scan Workspace started from the command palette');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT }).catch(() => {});
  // The palette gives the focus back to the editor; make sure, as a user would, by clicking the end of the line.
  await toEndOfProbeLine(page, exposeLine);

  const samples = [];
  let done = null;
  let failure = null;
  const polling = (async () => {
    while (!done && !failure) {
      const t1 = Date.now();
      const toasts = await toastTexts(page).catch(() => []);
      const pollMs = Date.now() - t1;
      await instrumentToasts(page).catch(() => false);
      const text = toasts.map((x) => x.text).join(' | ');
      samples.push({ ms: t1 - scanStart, pollMs, text });
      const m = toasts.map((x) => COMPLETE.exec(x.text)).find(Boolean);
      if (m) done = { ms: Date.now() - scanStart, files: +m[1], findings: +m[2], text: m[0] };
      const err = toasts.find((x) => x.error || /scan.*failed|failed.*shipshape|Shipshape.*error/i.test(x.text));
      if (err) failure = `error notification: ${err.text}`;
      if (Date.now() - scanStart > SCAN_TIMEOUT_MS) failure = `no completion message within ${SCAN_TIMEOUT_MS / 1000} s`;
      await sleep(Math.max(0, POLL_INTERVAL_MS - (Date.now() - t1)));
    }
  })();
  const typing = (async () => {
    while (!done && !failure) {
      const t1 = Date.now();
      await typer.press('during scan');
      await sleep(Math.max(0, KEY_INTERVAL_MS - (Date.now() - t1)));
    }
  })();
  await Promise.all([polling, typing]);
  const cpuAfter = procs.cpu();
  report.webSocketDuringScan = { frames: wsFrames.count - wsBefore.count, mb: +((wsFrames.bytes - wsBefore.bytes) / 2 ** 20).toFixed(1) };
  if (cdp) report.rendererProfile = await summariseProfile((await cdp.send('Profiler.stop')).profile);
  report.loadavgDuringScan = { before: loadBefore, after: loadavg() };
  if (failure) throw new Error(failure);
  const scanMs = done.ms;
  log(`completion message after ${(scanMs / 1000).toFixed(1)} s: "${done.text}"`);

  // Problems count (status bar) and Shipshape's own count, until both hold still for 3 s.
  const settle = { problems: [], shipshape: [] };
  let lastChange = Date.now();
  let prev = '';
  const settleStart = Date.now();
  while (Date.now() - lastChange < 3000 && Date.now() - settleStart < 120000) {
    const p = await statusBarProblems(page);
    const s = await shipshapeStatus(page);
    const key = `${p}/${s}`;
    if (key !== prev) { prev = key; lastChange = Date.now(); settle.problems.push([Date.now() - scanStart, p]); settle.shipshape.push([Date.now() - scanStart, s]); }
    await sleep(250);
  }
  const problemsAtDone = settle.problems[0]?.[1];
  const problemsFinal = settle.problems.at(-1)?.[1];
  const shipshapeFinal = settle.shipshape.at(-1)?.[1];
  const settledMs = lastChange - scanStart;

  // A few keystrokes after the scan: does the editor recover?
  for (let i = 0; i < AFTER_KEYS; i++) { await typer.press('after scan'); await sleep(KEY_INTERVAL_MS); }

  // Problems panel: how long until it lists rows.
  await page.keyboard.press('Escape');
  t = Date.now();
  await page.keyboard.press('Control+Shift+M');
  let problemsPanelMs = null;
  try {
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 60000 });
    problemsPanelMs = Date.now() - t;
  } catch { /* reported as null */ }
  const panelRows = await page.locator('.markers-panel .monaco-list-row').count().catch(() => null);
  fs.mkdirSync(results, { recursive: true });
  await page.screenshot({ path: path.join(results, 'editor-scan.png') }).catch(() => {});

  const probe = await readProbe(page);
  const keys = analyseKeys(typer.sent, probe, squiggleFor);
  // Progress: distinct messages seen by the 250 ms poll and by the in-page observer (every change).
  const progressSamples = samples.filter((s) => /scanning/i.test(s.text));
  const distinct = [];
  for (const s of progressSamples) if (distinct.at(-1)?.text !== s.text) distinct.push({ ms: s.ms, text: s.text });
  const observed = probe.toasts.filter((x) => /scanning/i.test(x.text)).map((x) => ({ ms: Math.round(x.t - scanStartPage), text: x.text }));
  const gaps = (xs) => xs.slice(1).map((x, i) => x.ms - xs[i].ms);
  const firstProgressMs = distinct[0]?.ms ?? null;
  const counts = (text) => /(\d+)(?:\/\d+\+?)? files, (\d+) finding/.exec(text);
  const firstCounted = observed.find((x) => counts(x.text)) ?? distinct.find((x) => counts(x.text));

  Object.assign(report, {
    scan: {
      totalMs: scanMs,
      files: done.files,
      findings: done.findings,
      completionMessage: done.text,
      firstProgressMs,
      firstCountsMs: firstCounted?.ms ?? null,
    },
    progress: {
      polls: samples.length,
      pollRoundTripMs: stats(samples.map((s) => s.pollMs)),
      distinctMessagesPolled: distinct.length,
      distinctMessagesObserved: observed.length,
      largestGapBetweenObservedUpdatesMs: gaps(observed).length ? Math.max(...gaps(observed)) : null,
      largestGapBetweenPolledChangesMs: gaps(distinct).length ? Math.max(...gaps(distinct)) : null,
      polled: distinct,
      observedSample: observed.length > 40 ? [...observed.slice(0, 20), ...observed.slice(-20)] : observed,
    },
    problems: {
      beforeScan: report.problemsBeforeScan,
      atCompletion: problemsAtDone,
      final: problemsFinal,
      settledAfterMs: settledMs,
      shipshapeStatusBarFinal: shipshapeFinal,
      timeline: settle.problems,
      problemsPanelFirstRowMs: problemsPanelMs,
      problemsPanelRenderedRows: panelRows,
    },
    keystrokes: keys.byPhase,
    keystrokeRows: keys.rows,
    cpuSecondsDuringScan: Object.fromEntries(Object.keys(cpuAfter).sort().map((k) => [k, +((cpuAfter[k] ?? 0) - (cpuBefore[k] ?? 0)).toFixed(1)])),
  });
  ok = true;
} catch (e) {
  console.error(`[measure ${stamp()}] FAILED:`, e?.stack || e);
  report.error = String(e?.message || e);
  exitCode = 1;
  if (page) {
    fs.mkdirSync(results, { recursive: true });
    await page.screenshot({ path: path.join(results, 'editor-scan-failure.png') }).then(() => log('screenshot: test-results/editor-scan-failure.png'), () => {});
  }
} finally {
  if (procs) report.memory = procs.stop();
  if (context) await context.close().catch(() => {});
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
  report.memory = { ...(report.memory ?? {}), helperPeakTotalMb: helperMem.stop() };
  report.host.loadavgAtEnd = loadavg();
  cleanup(dirs, ok);
}

fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, 'editor-scan.json'), JSON.stringify(report, null, 2) + '\n');

// ---- compact report ----------------------------------------------------------------------------------------------
const line = (k, v) => console.log(`  ${k.padEnd(34)} ${v}`);
const fmt = (s) => (s && s.n ? `p50 ${s.p50} / p95 ${s.p95} / max ${s.max} ms (n=${s.n})` : 'n/a');
console.log('\nShipshape: Scan Workspace in code-server + Chromium');
line('host', `${report.host.cpus} cores, load ${report.host.loadavgAtStart.join(' ')} at start, ${report.host.loadavgAtEnd.join(' ')} at end (1-min max ${report.memory?.loadavg1Max})`);
line('workspace', `${report.workspace?.files} files from ${corpus}`);
if (report.scan) {
  line('scan', `${(report.scan.totalMs / 1000).toFixed(1)} s, ${report.scan.files} files, ${report.scan.findings} findings`);
  line('progress', `first after ${report.scan.firstProgressMs} ms; ${report.progress.distinctMessagesPolled} distinct messages in ${report.progress.polls} polls, ${report.progress.distinctMessagesObserved} DOM updates; longest gap ${report.progress.largestGapBetweenObservedUpdatesMs} ms`);
  line('poll round trip (page.evaluate)', fmt(report.progress.pollRoundTripMs));
  for (const [phase, k] of Object.entries(report.keystrokes)) {
    line(`keystroke→DOM ${phase}`, `${fmt(k.keyToDomMs)}${k.neverShown ? `, ${k.neverShown} never shown` : ''}`);
    line(`  input delay ${phase}`, fmt(k.inputDelayMs));
    line(`  keystroke→squiggle ${phase}`, `${fmt(k.keyToSquiggleMs)}${k.squiggleNotBeforeNextKey ? `, ${k.squiggleNotBeforeNextKey}/${k.keystrokes} not before the next key` : ''}`);
  }
  line('Problems (status bar)', `${report.problems.beforeScan} before, ${report.problems.atCompletion} at completion, ${report.problems.final} settled ${report.problems.settledAfterMs} ms after start; Shipshape item ${report.problems.shipshapeStatusBarFinal}`);
  line('Problems panel', `first row after ${report.problems.problemsPanelFirstRowMs} ms (${report.problems.problemsPanelRenderedRows} rows rendered)`);
  line('UI WebSocket during scan', `${report.webSocketDuringScan.frames} frames, ${report.webSocketDuringScan.mb} MB received by the page`);
  line('CPU s during scan', Object.entries(report.cpuSecondsDuringScan).map(([k, v]) => `${k} ${v}`).join(', '));
}
if (report.memory?.peakRssMb) line('peak RSS MB', `${Object.entries(report.memory.peakRssMb).map(([k, v]) => `${k} ${v}`).join(', ')}; total ${report.memory.peakTotalMb} (helper ${report.memory.helperPeakTotalMb})`);
if (report.error) line('ERROR', report.error);
console.log(`  written to ${path.relative(repoRoot, path.join(results, 'editor-scan.json'))}`);
process.exit(exitCode);
