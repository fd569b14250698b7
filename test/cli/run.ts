// Runs the built CLI (bin/shipshape.js -> dist/cli.js) the way a user or CI job does.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { RULES } from '../../server/src/api';

export const ROOT = join(__dirname, '../../..');
export const BIN = join(ROOT, 'bin/shipshape.js');
export const WORKSPACE = join(ROOT, 'test/fixtures/workspace');
export const GOLDEN = join(WORKSPACE, '__golden__');

/** The two exemplar rules whose output the goldens pin; every other rule is switched off so new rules do not churn them. */
export const GOLDEN_RULES = ['dockerfile/no-latest-tag', 'k8s/no-privileged'];

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  assert.ok(existsSync(join(ROOT, 'dist/cli.js')), 'dist/cli.js is missing: run node scripts/build.mjs first');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? WORKSPACE,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The built CLI in its own process, asynchronously: servers the test runs in this process (a registry front, a
 * recording proxy) must keep answering while the CLI runs. The environment is minimal (PATH, HOME=cwd, `env`), so the
 * user's Docker config and proxy settings never leak into a test.
 */
export function runCliAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  assert.ok(existsSync(join(ROOT, 'dist/cli.js')), 'dist/cli.js is missing: run node scripts/build.mjs first');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: cwd, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A config file that leaves only `enabled` on (at their default severity). */
export function onlyRulesConfig(enabled: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
  const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, enabled.includes(r.meta.id) ? r.meta.severity : 'off']));
  const file = join(dir, 'shipshape.json');
  writeFileSync(file, JSON.stringify({ rules }, null, 2));
  return file;
}

/** Compares with the golden file, or rewrites it when SHIPSHAPE_UPDATE_GOLDEN=1 (after an intended change). */
export function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.SHIPSHAPE_UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `missing golden ${file}; create it with SHIPSHAPE_UPDATE_GOLDEN=1`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from the golden (SHIPSHAPE_UPDATE_GOLDEN=1 rewrites it after an intended change)`);
}
