// Credentials the way the Docker CLI finds them (~/.docker/config.json: credHelpers, credsStore, auths) plus
// explicit ones from settings. Every lookup is keyed by the registry domain, so a secret can only ever be
// handed out for the registry it was stored for.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env, Log } from './http';

export type Credentials =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  /** OAuth2 refresh token (`identitytoken` in config.json, or a helper answering Username `<token>`). */
  | { readonly kind: 'identity-token'; readonly token: string };

export interface CredentialProvider {
  /** `registry` is the reference domain: `docker.io`, `ghcr.io`, `localhost:5000`. */
  get(registry: string): Promise<Credentials | undefined>;
}

/** Secrets held by a credential, so error texts can be scrubbed of them. */
export function secretsOf(c: Credentials): string[] {
  if (c.kind === 'identity-token') return [c.token];
  return [c.password, Buffer.from(`${c.username}:${c.password}`).toString('base64')];
}

const DOCKER_HUB_ALIASES = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];
// The Docker CLI stores Hub credentials under this legacy v1 URL and passes it to helpers verbatim.
const DOCKER_HUB_SERVER_URL = 'https://index.docker.io/v1/';

/** config.json keys may be URLs (`https://index.docker.io/v1/`); compare hosts like Docker's ConvertToHostname. */
export function normalizeRegistryKey(key: string): string {
  const host = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  return DOCKER_HUB_ALIASES.includes(host) ? 'docker.io' : host;
}

/** Static credentials from settings, keyed by registry domain. */
export function staticCredentials(map: Readonly<Record<string, { username: string; password: string }>>): CredentialProvider {
  const byHost = new Map<string, Credentials>();
  for (const [key, v] of Object.entries(map)) {
    byHost.set(normalizeRegistryKey(key), { kind: 'basic', username: v.username, password: v.password });
  }
  return { get: async (registry) => byHost.get(normalizeRegistryKey(registry)) };
}

/** First provider that knows the registry wins (settings before Docker's config, as users expect). */
export function chainCredentials(...providers: readonly CredentialProvider[]): CredentialProvider {
  return {
    async get(registry) {
      for (const p of providers) {
        const c = await p.get(registry);
        if (c) return c;
      }
      return undefined;
    },
  };
}

export const noCredentials: CredentialProvider = { get: async () => undefined };

// ---- docker-credential-<name> helpers -----------------------------------------------------------------

export interface HelperResult {
  readonly code: number | null;
  readonly stdout: string;
}
/** Runs `docker-credential-<helper> get` with `serverUrl` on stdin. Injected so tests can fake it. */
export type HelperRunner = (helper: string, serverUrl: string) => Promise<HelperResult>;

export function spawnHelperRunner(opts: { env?: Env; timeoutMs?: number } = {}): HelperRunner {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return (helper, serverUrl) =>
    new Promise<HelperResult>((resolve, reject) => {
      if (!/^[A-Za-z0-9._-]+$/.test(helper)) {
        reject(new Error(`invalid credential helper name "${helper}"`));
        return;
      }
      // No shell: the helper name comes from a file the user controls, but it must never become a command line.
      const child = spawn(`docker-credential-${helper}`, ['get'], {
        env: { ...(opts.env ?? process.env) } as NodeJS.ProcessEnv,
        shell: false,
        stdio: ['pipe', 'pipe', 'ignore'],
        timeout: timeoutMs,
        windowsHide: true,
      });
      let stdout = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (d: string) => {
        if (stdout.length < 64 * 1024) stdout += d;
      });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (signal) reject(new Error(`docker-credential-${helper} did not finish within ${timeoutMs} ms`));
        else resolve({ code, stdout });
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(serverUrl);
    });
}

// ---- ~/.docker/config.json ----------------------------------------------------------------------------

interface AuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}
interface DockerConfig {
  auths?: Record<string, AuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

export interface DockerConfigOptions {
  /** Defaults to `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
  readonly configPath?: string;
  readonly readFile?: (path: string) => Promise<string>;
  readonly runHelper?: HelperRunner;
  readonly env?: Env;
  readonly log?: Log;
}

export function dockerConfigCredentials(opts: DockerConfigOptions = {}): CredentialProvider {
  const env = opts.env ?? process.env;
  const configPath = opts.configPath ?? join(env['DOCKER_CONFIG'] ?? join(homedir(), '.docker'), 'config.json');
  const read = opts.readFile ?? ((p: string) => readFile(p, 'utf8'));
  const runHelper = opts.runHelper ?? spawnHelperRunner({ env });
  let config: Promise<DockerConfig | undefined> | undefined;

  const load = (): Promise<DockerConfig | undefined> =>
    (config ??= read(configPath).then(
      (text) => parseDockerConfig(text, opts.log),
      () => undefined, // no config file is the common case, not an error
    ));

  return {
    async get(registry) {
      const cfg = await load();
      if (!cfg) return undefined;
      const host = normalizeRegistryKey(registry);
      const helper = findByHost(cfg.credHelpers, host) ?? cfg.credsStore;
      if (helper) {
        const fromHelper = await askHelper(runHelper, helper, host, opts.log);
        if (fromHelper) return fromHelper;
      }
      const entry = findByHost(cfg.auths, host);
      return entry ? fromAuthEntry(entry) : undefined;
    },
  };
}

function parseDockerConfig(text: string, log: Log | undefined): DockerConfig | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' ? (v as DockerConfig) : undefined;
  } catch {
    log?.('docker config.json is not valid JSON; ignoring it');
    return undefined;
  }
}

function findByHost<T>(map: Record<string, T> | undefined, host: string): T | undefined {
  if (!map || typeof map !== 'object') return undefined;
  for (const [key, value] of Object.entries(map)) {
    if (normalizeRegistryKey(key) === host) return value;
  }
  return undefined;
}

function fromAuthEntry(e: AuthEntry): Credentials | undefined {
  if (typeof e.identitytoken === 'string' && e.identitytoken) return { kind: 'identity-token', token: e.identitytoken };
  if (typeof e.auth === 'string' && e.auth) {
    const decoded = Buffer.from(e.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof e.username === 'string' && typeof e.password === 'string' && e.username) {
    return { kind: 'basic', username: e.username, password: e.password };
  }
  return undefined;
}

async function askHelper(run: HelperRunner, helper: string, host: string, log: Log | undefined): Promise<Credentials | undefined> {
  const serverUrl = host === 'docker.io' ? DOCKER_HUB_SERVER_URL : host;
  let result: HelperResult;
  try {
    result = await run(helper, serverUrl);
  } catch (err) {
    log?.(`credential helper docker-credential-${helper} failed: ${err instanceof Error ? err.message : 'unknown error'}`);
    return undefined;
  }
  // Exit 1 with "credentials not found" is how helpers say "none"; their output is never logged (it may hold secrets).
  if (result.code !== 0) return undefined;
  try {
    const v = JSON.parse(result.stdout) as { Username?: unknown; Secret?: unknown };
    if (typeof v.Secret !== 'string' || v.Secret === '') return undefined;
    if (v.Username === '<token>') return { kind: 'identity-token', token: v.Secret };
    if (typeof v.Username !== 'string') return undefined;
    return { kind: 'basic', username: v.Username, password: v.Secret };
  } catch {
    log?.(`credential helper docker-credential-${helper} printed something that is not JSON`);
    return undefined;
  }
}
