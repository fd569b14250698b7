// The registry client behind an HTTP proxy: a small forward proxy written here (absolute-URI requests for
// http:// targets, CONNECT tunnels for https://) in front of Debian's real registry on loopback. It records
// every request and the Proxy-Authorization it got, so the tests see what went to the proxy and what went on.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, createServer, request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, type Socket, connect } from 'node:net';
import { join } from 'node:path';
import { createOciClient, noCredentials, staticCredentials, type Env } from '../../server/src/oci';
import { runCliAsync } from '../cli/run';
import { Pusher, basic, forward, freePort, redirectingFrontDoor, registryForTest, requireTools, startHttpServer, tempDir, type RecordedRequest } from '../support/registry';

const IMG = { os: 'linux', architecture: 'amd64' };

/** Neither the secret nor any encoding of it we might have sent may appear in `text`. */
function assertNoSecret(text: string, user: string, secret: string): void {
  for (const s of [secret, encodeURIComponent(secret), Buffer.from(`${user}:${secret}`).toString('base64')]) {
    assert.ok(!text.includes(s), `leaks a proxy credential: ${text}`);
  }
}

interface ProxySeen {
  /** `HEAD http://127.0.0.1:5000/v2/...` or `CONNECT registry.test:443` */
  line: string;
  proxyAuthorization: string | undefined;
  headers: IncomingHttpHeaders;
}

interface TestProxy {
  /** `127.0.0.1:port` */
  host: string;
  seen: ProxySeen[];
  close(): Promise<void>;
}

// Hop-by-hop headers a proxy consumes (RFC 9110 §7.6.1, §11.7.1); everything else is passed on unchanged.
const HOP_BY_HOP = new Set(['proxy-authorization', 'proxy-connection', 'connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * A forward proxy on loopback. `authorization`, when set, is the Proxy-Authorization it demands (else 407).
 * `route` maps a CONNECT target to where the tunnel really goes, so https names need no DNS.
 */
async function startProxy(t: TestContext, opts: { authorization?: string; route?: (target: string) => { host: string; port: number } } = {}): Promise<TestProxy> {
  const seen: ProxySeen[] = [];
  const sockets = new Set<Socket>();
  const allowed = (headers: IncomingHttpHeaders): boolean => opts.authorization === undefined || headers['proxy-authorization'] === opts.authorization;
  const server = createServer((req, res) => {
    seen.push({ line: `${req.method} ${req.url}`, proxyAuthorization: req.headers['proxy-authorization'], headers: req.headers });
    if (!allowed(req.headers)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test-proxy"' });
      res.end();
      return;
    }
    if (!/^http:\/\//.test(req.url ?? '')) {
      res.writeHead(400);
      res.end('absolute-URI requests only');
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
    const upstream = httpRequest(req.url ?? '', { method: req.method ?? 'GET', headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket) => {
    sockets.add(client);
    seen.push({ line: `CONNECT ${req.url}`, proxyAuthorization: req.headers['proxy-authorization'], headers: req.headers });
    if (!allowed(req.headers)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test-proxy"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const target = req.url ?? '';
    const colon = target.lastIndexOf(':');
    const to = opts.route?.(target) ?? { host: target.slice(0, colon), port: Number(target.slice(colon + 1)) };
    const upstream = connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const proxy: TestProxy = {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  t.after(() => proxy.close());
  return proxy;
}

function client(env: Env, extra: Partial<Parameters<typeof createOciClient>[0]> = {}) {
  return createOciClient({ credentials: noCredentials, timeoutMs: 5000, env, ...extra });
}

test('HTTP_PROXY: lookups go through the proxy as absolute-URI requests and resolve against the real registry', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const { index } = await new Pusher(reg.url).multiArch('team/app', '1.0', [IMG, { os: 'linux', architecture: 'arm64' }]);
  const proxy = await startProxy(t);
  const logs: string[] = [];
  const r = await client({ HTTP_PROXY: `http://${proxy.host}` }, { log: (l) => logs.push(l) }).resolve(`${reg.host}/team/app:1.0`, { platforms: true });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, index.digest);
  assert.equal(r.value.platforms?.length, 2);
  assert.deepEqual(
    proxy.seen.map((s) => s.line),
    [`HEAD http://${reg.host}/v2/team/app/manifests/1.0`, `GET http://${reg.host}/v2/team/app/manifests/${encodeURIComponent(index.digest)}`],
  );
  assert.deepEqual(logs, [
    `HEAD ${reg.url}/v2/team/app/manifests/1.0 -> 200 (via proxy ${proxy.host})`,
    `GET ${reg.url}/v2/team/app/manifests/${encodeURIComponent(index.digest)} -> 200 (via proxy ${proxy.host})`,
  ]);
});

test('NO_PROXY decides per registry whether the proxy is used; loopback is proxied unless listed', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const { index } = await new Pusher(reg.url).multiArch('team/app', '1', [IMG]);
  const proxy = await startProxy(t);
  const port = reg.host.split(':')[1] ?? '';
  const cases: { noProxy: string; proxied: boolean }[] = [
    { noProxy: '127.0.0.1', proxied: false },
    { noProxy: `127.0.0.1:${port}`, proxied: false },
    { noProxy: 'example.com, 127.0.0.0/8', proxied: false },
    { noProxy: '*', proxied: false },
    { noProxy: '', proxied: true },
    { noProxy: `127.0.0.1:${Number(port) + 1}`, proxied: true },
    { noProxy: 'localhost', proxied: true },
    { noProxy: '10.0.0.0/8,.example.com', proxied: true },
  ];
  for (const c of cases) {
    proxy.seen.length = 0;
    const r = await client({ HTTP_PROXY: `http://${proxy.host}`, NO_PROXY: c.noProxy }).resolve(`${reg.host}/team/app:1`);
    assert.ok(r.ok, `NO_PROXY=${c.noProxy}: ${r.ok ? '' : r.error.message}`);
    assert.equal(r.value.digest, index.digest);
    assert.equal(proxy.seen.length, c.proxied ? 1 : 0, `NO_PROXY=${JSON.stringify(c.noProxy)}`);
  }
});

test('proxy credentials go to the proxy as Proxy-Authorization only; registry credentials reach the registry', async (t) => {
  if (!requireTools(t, ['docker-registry', 'htpasswd'])) return;
  const regPassword = 'registry-Pa55';
  const reg = await registryForTest(t, { auth: { kind: 'htpasswd', username: 'alice', password: regPassword } });
  const pushed = await new Pusher(reg.url, basic('alice', regPassword)).image('private/app', '1', IMG);
  // What the registry side receives from the proxy, header by header.
  const behind = await startHttpServer((req, res) => forward(req, res, reg.url));
  t.after(() => behind.close());
  const proxyUser = 'proxy-user';
  const proxyPassword = 'pr0xy p@ss:word';
  const proxy = await startProxy(t, { authorization: basic(proxyUser, proxyPassword) });
  const env = { HTTP_PROXY: `http://${proxyUser}:${encodeURIComponent(proxyPassword)}@${proxy.host}` };

  const r = await client(env, { credentials: staticCredentials({ [behind.host]: { username: 'alice', password: regPassword } }) }).resolve(`${behind.host}/private/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, pushed.digest);

  assert.ok(proxy.seen.length >= 2, 'challenge, then the authenticated request');
  for (const s of proxy.seen) {
    assert.equal(s.proxyAuthorization, basic(proxyUser, proxyPassword), s.line);
    // Everything the proxy passes on (request line and end-to-end headers) is free of the proxy credentials.
    const { 'proxy-authorization': _consumed, ...forwarded } = s.headers;
    assertNoSecret(`${s.line}\n${JSON.stringify(forwarded)}`, proxyUser, proxyPassword);
    assert.ok(!s.line.includes(proxyUser));
  }
  assert.ok(behind.requests.some((q) => q.headers['authorization'] === basic('alice', regPassword)), 'the registry got its own credentials');
  for (const q of behind.requests) {
    assert.equal(q.headers['proxy-authorization'], undefined);
    assertNoSecret(JSON.stringify(q), proxyUser, proxyPassword);
  }
});

test('wrong proxy credentials give kind proxy (407) without repeating them, for http and https targets', async (t) => {
  const proxy = await startProxy(t, { authorization: basic('u', 'right-password') });
  for (const [variable, reference] of [
    ['HTTP_PROXY', '127.0.0.1:5999/any/app:1'],
    ['HTTPS_PROXY', 'registry.test/any/app:1'],
  ] as const) {
    const r = await client({ [variable]: `http://u:Wrong-proxy-pw@${proxy.host}` }).resolve(reference);
    assert.equal(r.ok, false, variable);
    if (r.ok) continue;
    assert.equal(r.error.kind, 'proxy', r.error.message);
    assert.equal(r.error.status, 407);
    assert.equal(r.error.message, `The proxy ${proxy.host} (from ${variable}) rejected the proxy credentials (407 Proxy Authentication Required); check the user and password in ${variable}.`);
    assertNoSecret(`${r.error.message}\n${String(r.error.stack)}\n${JSON.stringify(r.error)}`, 'u', 'Wrong-proxy-pw');
  }
  assert.deepEqual(
    proxy.seen.map((s) => s.line),
    ['HEAD http://127.0.0.1:5999/v2/any/app/manifests/1', 'CONNECT registry.test:443'],
  );
});

test('a proxy that cannot reach the registry (502 to CONNECT) gives kind proxy naming both', async (t) => {
  const closed = await freePort();
  const proxy = await startProxy(t, { route: () => ({ host: '127.0.0.1', port: closed }) });
  const r = await client({ HTTPS_PROXY: `http://${proxy.host}` }).resolve('registry.test/any/app:1');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.kind, 'proxy');
  assert.equal(r.error.status, 502);
  assert.equal(r.error.message, `The proxy ${proxy.host} (from HTTPS_PROXY) refused to connect to registry.test (HTTP 502); add registry.test to NO_PROXY if it is reachable directly.`);
  assert.deepEqual(proxy.seen.map((s) => s.line), ['CONNECT registry.test:443']);
});

test('a proxy that refuses connections gives the offline message naming the proxy, without its credentials', async () => {
  const port = await freePort();
  for (const [variable, reference] of [
    ['HTTP_PROXY', '127.0.0.1:5999/any/app:1'],
    ['HTTPS_PROXY', 'ghcr.io/o/r:1'],
  ] as const) {
    const r = await client({ [variable]: `http://someone:Proxy-secret-1@127.0.0.1:${port}` }).resolve(reference);
    assert.equal(r.ok, false);
    if (r.ok) continue;
    assert.equal(r.error.kind, 'offline');
    assert.equal(r.error.message, `The proxy 127.0.0.1:${port} (from ${variable}) is unreachable (connection refused); you may be offline, or the proxy is not running.`);
    assertNoSecret(`${r.error.message}\n${String(r.error.stack)}\n${JSON.stringify(r.error)}`, 'someone', 'Proxy-secret-1');
    assert.ok(!r.error.message.includes('someone'));
  }
});

test('through the proxy, a redirect to another host still does not carry the Authorization header', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const pushed = await new Pusher(reg.url).multiArch('moved/app', '1', [IMG]);
  const secret = 'front-door-secret';
  const { front, other } = await redirectingFrontDoor(t, reg.url, 'carol', secret);
  const proxy = await startProxy(t);

  const r = await client({ HTTP_PROXY: `http://${proxy.host}` }, { credentials: staticCredentials({ [front.host]: { username: 'carol', password: secret } }) }).resolve(`${front.host}/moved/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, pushed.index.digest);
  const toOther = proxy.seen.filter((s) => s.line.includes(`//${other.host}/`));
  assert.ok(toOther.length > 0, 'the redirect was followed through the proxy');
  assert.ok(proxy.seen.some((s) => s.line.includes(`//${front.host}/`) && s.headers['authorization'] === basic('carol', secret)));
  for (const s of toOther) assert.equal(s.headers['authorization'], undefined);
  for (const q of other.requests) assert.equal(q.headers['authorization'], undefined);
});

// ---- https through a CONNECT tunnel, end to end ---------------------------------------------------------

/** The built CLI in its own process: the only way to trust a test CA (NODE_EXTRA_CA_CERTS is read at startup). */
const cli = runCliAsync;

test('HTTPS_PROXY: an https registry is reached through a CONNECT tunnel; its credentials travel inside, the proxy credentials outside', async (t) => {
  if (!requireTools(t, ['docker-registry', 'htpasswd', 'openssl'])) return;
  const regPassword = 'tunnel-Reg-pw';
  const reg = await registryForTest(t, { auth: { kind: 'htpasswd', username: 'dave', password: regPassword } });
  const pushed = await new Pusher(reg.url, basic('dave', regPassword)).multiArch('secure/app', '2', [IMG]);
  const dir = tempDir('shipshape-proxy-');
  t.after(() => dir.remove());
  const key = join(dir.path, 'key.pem');
  const cert = join(dir.path, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=registry.test', '-addext', 'subjectAltName=DNS:registry.test'], { stdio: 'ignore' });

  // registry.test: TLS in front of the real registry, recording what arrives after decryption.
  const received: RecordedRequest[] = [];
  const tls = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (raw, res) => {
    const rec: RecordedRequest = { method: raw.method ?? '', url: raw.url ?? '', headers: raw.headers, body: '' };
    received.push(rec);
    raw.resume();
    raw.on('end', () => void forward(rec, res, reg.url).catch(() => res.destroy()));
  });
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => {
    tls.closeAllConnections();
    tls.close(() => resolve());
  }));
  const tlsPort = (tls.address() as AddressInfo).port;
  const proxyPassword = 'Tunnel-proxy-pw';
  const proxy = await startProxy(t, { authorization: basic('pu', proxyPassword), route: () => ({ host: '127.0.0.1', port: tlsPort }) });

  mkdirSync(join(dir.path, '.docker'));
  writeFileSync(join(dir.path, '.docker/config.json'), JSON.stringify({ auths: { 'registry.test': { auth: Buffer.from(`dave:${regPassword}`).toString('base64') } } }));
  writeFileSync(join(dir.path, 'Dockerfile'), 'FROM registry.test/secure/app:2\n');
  const r = await cli(['pin', '--format', 'json'], dir.path, {
    DOCKER_CONFIG: join(dir.path, '.docker'),
    NODE_EXTRA_CA_CERTS: cert,
    HTTPS_PROXY: `http://pu:${proxyPassword}@${proxy.host}`,
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.equal(readFileSync(join(dir.path, 'Dockerfile'), 'utf8'), `FROM registry.test/secure/app:2@${pushed.index.digest}\n`);
  assertNoSecret(`${r.stdout}\n${r.stderr}`, 'pu', proxyPassword);

  assert.ok(proxy.seen.length > 0);
  for (const s of proxy.seen) {
    assert.equal(s.line, 'CONNECT registry.test:443', 'https goes through a tunnel, never as a request the proxy can read');
    assert.equal(s.proxyAuthorization, basic('pu', proxyPassword));
    assert.equal(s.headers['authorization'], undefined, 'registry credentials never sit outside the tunnel');
  }
  assert.ok(received.some((q) => q.headers['authorization'] === basic('dave', regPassword)), 'the registry got its credentials through the tunnel');
  for (const q of received) {
    assert.equal(q.headers['proxy-authorization'], undefined);
    assertNoSecret(JSON.stringify(q.headers), 'pu', proxyPassword);
  }
});
