// Test support for the registry client: a real distribution registry (Debian's `docker-registry`, 2.8) on
// loopback with filesystem storage in a temp dir, optional htpasswd or token auth, a token issuer that signs
// RS256 JWTs with an x5c header, small HTTP servers for redirects/recording, and helpers that push images,
// indexes and signature artifacts over the plain HTTP API (no Docker engine involved).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, createPrivateKey, sign as cryptoSign, randomUUID } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { TestContext } from 'node:test';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  artifactType?: string;
  annotations?: Record<string, string>;
}

// ---- tool availability -----------------------------------------------------------------------------------

function onPath(bin: string): boolean {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, bin), constants.X_OK);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}

/**
 * True when the tools are installed. Without them the test fails under CI (a silently skipped suite would
 * hide a broken pipeline) and is skipped with the reason elsewhere.
 */
export function requireTools(t: TestContext, tools: readonly string[] = ['docker-registry']): boolean {
  const missing = tools.filter((b) => !onPath(b));
  if (missing.length === 0) return true;
  const packages = missing.map((b) => (b === 'htpasswd' ? 'apache2-utils' : b)).join(' ');
  const reason = `${missing.join(', ')} not found on PATH; install with: apt-get install -y ${packages}`;
  if (process.env['CI']) throw new Error(`registry tests need ${reason}`);
  t.skip(reason);
  return false;
}

// ---- ports, temp dirs, http servers -------------------------------------------------------------------------

export async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', resolve);
  });
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export function tempDir(prefix = 'shipshape-registry-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestServer {
  /** `127.0.0.1:port` */
  host: string;
  port: number;
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A loopback HTTP server that records every request (method, URL, headers, body) before handling it. */
export async function startHttpServer(
  handler: (req: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>,
  bindHost = '127.0.0.1',
): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const rec: RecordedRequest = { method: raw.method ?? '', url: raw.url ?? '', headers: raw.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(rec);
      Promise.resolve(handler(rec, res, raw)).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, bindHost, resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    host: `${bindHost}:${actual}`,
    port: actual,
    url: `http://${bindHost}:${actual}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function basic(user: string, pass: string): string {
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

/**
 * A registry the user has Basic credentials for that redirects every authorised request to another loopback host
 * (127.0.0.2, like a blob store) serving from `registryUrl`. Both record what they receive, so tests can check that the
 * credentials never crossed to the other host. Closed when the test ends.
 */
export async function redirectingFrontDoor(
  t: { after(fn: () => unknown): void },
  registryUrl: string,
  user: string,
  secret: string,
): Promise<{ front: TestServer; other: TestServer }> {
  const other = await startHttpServer((req, res) => forward(req, res, registryUrl), '127.0.0.2');
  t.after(() => other.close());
  const front = await startHttpServer((req, res) => {
    if (req.headers['authorization'] !== basic(user, secret)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="front"' });
      res.end();
      return;
    }
    res.writeHead(307, { location: `${other.url}${req.url}` });
    res.end();
  });
  t.after(() => front.close());
  return { front, other };
}

/** Forwards a recorded request to `target` (origin URL) and relays the answer, optionally editing headers. */
export function forward(
  req: RecordedRequest,
  res: ServerResponse,
  target: string,
  editHeaders: (h: Record<string, string | string[] | undefined>, method: string) => void = () => undefined,
  forwardHeaders: readonly string[] = ['accept', 'authorization', 'content-type'],
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const name of forwardHeaders) {
      const v = req.headers[name];
      if (typeof v === 'string') headers[name] = v;
    }
    const out = httpRequest(new URL(req.url, target), { method: req.method, headers }, (up) => {
      const h: Record<string, string | string[] | undefined> = { ...up.headers };
      editHeaders(h, req.method);
      res.writeHead(up.statusCode ?? 502, h as Record<string, string | string[]>);
      up.pipe(res);
      up.on('end', resolve);
      up.on('error', reject);
    });
    out.on('error', reject);
    out.end(req.body);
  });
}

// ---- the registry --------------------------------------------------------------------------------------

export type RegistryAuth =
  | { kind: 'htpasswd'; username: string; password: string }
  | { kind: 'token'; issuer: TokenIssuer };

export interface RunningRegistry {
  /** `127.0.0.1:port` — also the reference domain to use in image names. */
  host: string;
  url: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startRegistry(options: { auth?: RegistryAuth } = {}): Promise<RunningRegistry> {
  const dir = tempDir();
  const port = await freePort();
  const lines = [
    'version: 0.1',
    'log: {level: warn, accesslog: {disabled: true}}',
    'storage:',
    `  filesystem: {rootdirectory: ${JSON.stringify(join(dir.path, 'data'))}}`,
    `http: {addr: "127.0.0.1:${port}", secret: "${randomUUID()}"}`,
  ];
  if (options.auth?.kind === 'htpasswd') {
    const entry = execFileSync('htpasswd', ['-Bbn', options.auth.username, options.auth.password], { encoding: 'utf8' });
    const file = join(dir.path, 'htpasswd');
    writeFileSync(file, entry);
    lines.push('auth:', `  htpasswd: {realm: test-realm, path: ${JSON.stringify(file)}}`);
  } else if (options.auth?.kind === 'token') {
    const i = options.auth.issuer;
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${i.realm}`,
      `    service: ${i.service}`,
      `    issuer: ${i.issuer}`,
      `    rootcertbundle: ${JSON.stringify(i.certPath)}`,
    );
  }
  const config = join(dir.path, 'config.yml');
  writeFileSync(config, `${lines.join('\n')}\n`);

  const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    if (stderr.length < 20_000) stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((c) => (exitCode = c));
  child.once('error', (err) => (stderr += String(err)));

  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      await exited;
    }
    dir.remove();
  };
  // Bounded readiness poll: the registry is ready when /v2/ answers at all (200, or 401 when auth is on).
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exitCode !== undefined) {
      dir.remove();
      throw new Error(`docker-registry exited with ${exitCode} before it was ready:\n${stderr}`);
    }
    try {
      const res = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200 || res.status === 401) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`docker-registry did not answer GET /v2/ on ${url} within 15 s:\n${stderr}`);
    }
    await delay(25);
  }
  return { host: `127.0.0.1:${port}`, url, dir: dir.path, stop };
}

/** Starts a registry and stops it when the test ends. */
export async function registryForTest(t: TestContext, options: { auth?: RegistryAuth } = {}): Promise<RunningRegistry> {
  const reg = await startRegistry(options);
  t.after(() => reg.stop());
  return reg;
}

// ---- token issuer ----------------------------------------------------------------------------------------

export interface TokenIssuer {
  realm: string;
  service: string;
  issuer: string;
  certPath: string;
  server: TestServer;
  /** Signs a token directly (for pushes in test setup). */
  mint(access: { name: string; actions: string[] }[]): string;
  close(): Promise<void>;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export interface TokenIssuerOptions {
  users: Record<string, string>;
  /** Repositories anonymous callers may pull. */
  publicRepositories?: string[];
  /** Which JSON field carries the token; both are allowed by token.md. */
  field?: 'token' | 'access_token';
  expiresIn?: number;
  /** OAuth2 refresh token accepted by `POST` (grant_type=refresh_token), as identity tokens are used. */
  refreshToken?: string;
}

/** A distribution token server: checks Basic credentials, grants scopes, returns an RS256 JWT with x5c. */
export async function startTokenIssuer(dir: string, opts: TokenIssuerOptions): Promise<TokenIssuer> {
  const keyPath = join(dir, 'issuer-key.pem');
  const certPath = join(dir, 'issuer-cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=test-issuer'], {
    stdio: 'ignore',
  });
  const key = createPrivateKey(readFileSync(keyPath));
  const der = readFileSync(certPath, 'utf8').replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const service = 'test-registry';
  const issuer = 'test-issuer';

  const mint = (access: { name: string; actions: string[] }[]): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [der] }));
    const claims = base64url(
      JSON.stringify({
        iss: issuer,
        sub: 'test',
        aud: service,
        exp: now + 600,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access: access.map((a) => ({ type: 'repository', ...a })),
      }),
    );
    const signature = cryptoSign('sha256', Buffer.from(`${header}.${claims}`), key);
    return `${header}.${claims}.${base64url(signature)}`;
  };

  const server = await startHttpServer((req, res) => {
    const url = new URL(req.url, 'http://issuer');
    let user: string | undefined;
    if (req.method === 'POST') {
      const form = new URLSearchParams(req.body);
      if (form.get('grant_type') !== 'refresh_token' || !opts.refreshToken || form.get('refresh_token') !== opts.refreshToken) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"details":"invalid refresh token"}');
        return;
      }
      for (const s of form.getAll('scope')) url.searchParams.append('scope', s);
      user = 'oauth-user';
    }
    const authz = req.method === 'POST' ? undefined : req.headers['authorization'];
    if (typeof authz === 'string') {
      const decoded = Buffer.from(authz.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const name = decoded.slice(0, colon);
      if (!authz.toLowerCase().startsWith('basic ') || colon < 0 || opts.users[name] !== decoded.slice(colon + 1)) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"details":"invalid credentials"}');
        return;
      }
      user = name;
    }
    const access: { name: string; actions: string[] }[] = [];
    for (const scope of url.searchParams.getAll('scope')) {
      const [type, name, actions] = scope.split(':');
      if (type !== 'repository' || !name || !actions) continue;
      const granted = actions.split(',').filter((a) => user !== undefined || (a === 'pull' && (opts.publicRepositories ?? []).includes(name)));
      if (granted.length) access.push({ name, actions: granted });
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ [req.method === 'POST' ? 'access_token' : (opts.field ?? 'token')]: mint(access), expires_in: opts.expiresIn ?? 300, issued_at: new Date().toISOString() }));
  });
  return { realm: `${server.url}/token`, service, issuer, certPath, server, mint, close: () => server.close() };
}

// ---- pushing content -------------------------------------------------------------------------------------

export function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export class Pusher {
  constructor(
    private readonly registryUrl: string,
    private readonly authorization?: string,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...extra, ...(this.authorization ? { authorization: this.authorization } : {}) };
  }

  async blob(repo: string, data: Buffer | string, mediaType: string): Promise<Descriptor> {
    const bytes = Buffer.from(data);
    const digest = sha256(bytes);
    const start = await fetch(`${this.registryUrl}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: this.headers() });
    await start.arrayBuffer();
    const location = start.headers.get('location');
    if (start.status !== 202 || !location) throw new Error(`blob upload start for ${repo} answered ${start.status}`);
    const put = new URL(location, this.registryUrl);
    put.searchParams.set('digest', digest);
    const done = await fetch(put, {
      method: 'PUT',
      headers: this.headers({ 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) }),
      body: bytes,
    });
    await done.arrayBuffer();
    if (done.status !== 201) throw new Error(`blob upload for ${repo} answered ${done.status}`);
    return { mediaType, digest, size: bytes.length };
  }

  /** PUTs manifest bytes exactly as given; returns the descriptor and the registry's digest header. */
  async manifest(repo: string, reference: string, mediaType: string, body: object): Promise<Descriptor & { bytes: Buffer; headerDigest: string | null }> {
    const bytes = Buffer.from(JSON.stringify(body, null, 2));
    const res = await fetch(`${this.registryUrl}/v2/${repo}/manifests/${reference}`, {
      method: 'PUT',
      headers: this.headers({ 'content-type': mediaType }),
      body: bytes,
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`manifest PUT ${repo}:${reference} answered ${res.status}: ${text}`);
    return { mediaType, digest: sha256(bytes), size: bytes.length, bytes, headerDigest: res.headers.get('docker-content-digest') };
  }

  /** A one-layer image manifest (OCI by default, Docker schema 2 with `docker: true`), under `tag` or its digest. */
  async image(repo: string, tag: string | undefined, platform: Platform, opts: { docker?: boolean } = {}): Promise<Descriptor & { bytes: Buffer }> {
    const docker = opts.docker === true;
    const config = await this.blob(repo, JSON.stringify({ architecture: platform.architecture, os: platform.os, rootfs: { type: 'layers', diff_ids: [] } }), docker ? DOCKER_CONFIG : OCI_CONFIG);
    // A random layer keeps digests unique across platforms and tests.
    const layer = await this.blob(repo, `layer ${platform.os}/${platform.architecture}${platform.variant ?? ''} ${randomUUID()}`, docker ? DOCKER_LAYER : OCI_LAYER);
    const mediaType = docker ? DOCKER_MANIFEST : OCI_MANIFEST;
    const body = { schemaVersion: 2, mediaType, config, layers: [layer] };
    const m = await this.manifest(repo, tag ?? sha256(Buffer.from(JSON.stringify(body, null, 2))), mediaType, body);
    return { mediaType, digest: m.digest, size: m.size, platform, bytes: m.bytes };
  }

  /** Pushes per-platform images and an index (OCI, or a Docker manifest list) over them under `tag`. */
  async multiArch(repo: string, tag: string, platforms: Platform[], opts: { docker?: boolean } = {}): Promise<{ index: Descriptor & { bytes: Buffer; headerDigest: string | null }; children: Descriptor[] }> {
    const children: Descriptor[] = [];
    for (const p of platforms) {
      const { bytes: _bytes, ...child } = await this.image(repo, undefined, p, opts);
      children.push(child);
    }
    const mediaType = opts.docker ? DOCKER_LIST : OCI_INDEX;
    const index = await this.manifest(repo, tag, mediaType, { schemaVersion: 2, mediaType, manifests: children });
    return { index, children };
  }

  /** cosign's legacy layout: tag `sha256-<hex>.sig` holding a simplesigning layer with a signature annotation. */
  async cosignSignature(repo: string, subject: string): Promise<Descriptor> {
    const payload = JSON.stringify({ critical: { identity: { 'docker-reference': repo }, image: { 'docker-manifest-digest': subject }, type: 'cosign container image signature' }, optional: null });
    const layer = await this.blob(repo, payload, 'application/vnd.dev.cosign.simplesigning.v1+json');
    const config = await this.blob(repo, JSON.stringify({ architecture: '', os: '', rootfs: { type: 'layers', diff_ids: [] } }), OCI_CONFIG);
    const tag = `${subject.replace(':', '-')}.sig`;
    const m = await this.manifest(repo, tag, OCI_MANIFEST, {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config,
      layers: [{ ...layer, annotations: { 'dev.cosignproject.cosign/signature': 'MEUCIQDfakeSignatureForTests' } }],
    });
    return { mediaType: m.mediaType, digest: m.digest, size: m.size };
  }

  /**
   * OCI 1.1 artifacts (sigstore bundle, notation signature) whose subject is `subject`, plus the referrers tag
   * `sha256-<hex>` index listing them, which is how clients publish referrers to registries without the API.
   */
  async referrersTagArtifacts(repo: string, subject: Descriptor, artifactTypes: string[]): Promise<Descriptor[]> {
    const empty = await this.blob(repo, '{}', OCI_EMPTY);
    const descriptors: Descriptor[] = [];
    for (const artifactType of artifactTypes) {
      const layerType = artifactType === 'application/vnd.cncf.notary.signature' ? 'application/jose+json' : artifactType;
      const layer = await this.blob(repo, JSON.stringify({ for: subject.digest, id: randomUUID() }), layerType);
      const body = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType,
        config: { mediaType: OCI_EMPTY, digest: empty.digest, size: empty.size },
        layers: [layer],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      };
      const artifact = await this.manifest(repo, sha256(Buffer.from(JSON.stringify(body, null, 2))), OCI_MANIFEST, body);
      descriptors.push({ mediaType: OCI_MANIFEST, digest: artifact.digest, size: artifact.size, artifactType });
    }
    await this.manifest(repo, subject.digest.replace(':', '-'), OCI_INDEX, { schemaVersion: 2, mediaType: OCI_INDEX, manifests: descriptors });
    return descriptors;
  }
}
