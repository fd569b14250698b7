// Pure pieces of the registry client: challenge parsing, token responses, credential lookup, the cache,
// proxy selection and Link headers. The network paths are covered against the real registry elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseChallenges, parseTokenResponse } from '../../server/src/oci/auth';
import { DigestCache } from '../../server/src/oci/cache';
import { chainCredentials, dockerConfigCredentials, spawnHelperRunner, staticCredentials } from '../../server/src/oci/credentials';
import { type ProxyRoute, isLoopbackHost, matchesHostList, proxyFor } from '../../server/src/oci/http';
import { RegistryError } from '../../server/src/oci/errors';
import { nextLink, referrersTag } from '../../server/src/oci/referrers';
import { createOciClient } from '../../server/src/oci';
import { tempDir } from '../support/registry';

test('Bearer challenge: quoted values keep their commas', () => {
  const [c] = parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"');
  assert.deepEqual(c, {
    scheme: 'bearer',
    params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:samalba/my-app:pull,push' },
  });
});

test('challenge list with several schemes, spaces, escapes and unquoted values', () => {
  const cs = parseChallenges('Basic realm="test \\"realm\\"", Bearer realm=https://a.example/token , service = reg,error="insufficient_scope"');
  assert.equal(cs.length, 2);
  assert.deepEqual(cs[0], { scheme: 'basic', params: { realm: 'test "realm"' } });
  assert.deepEqual(cs[1], { scheme: 'bearer', params: { realm: 'https://a.example/token', service: 'reg', error: 'insufficient_scope' } });
  assert.deepEqual(parseChallenges(''), []);
});

test('token response: `token` or `access_token`, expires_in kept when numeric', () => {
  const enc = (v: unknown): Uint8Array => Buffer.from(JSON.stringify(v));
  assert.deepEqual(parseTokenResponse(enc({ token: 'a', expires_in: 300 })), { token: 'a', expiresIn: 300 });
  assert.deepEqual(parseTokenResponse(enc({ access_token: 'b' })), { token: 'b' });
  assert.equal(parseTokenResponse(enc({ nothing: 1 })), undefined);
  assert.equal(parseTokenResponse(Buffer.from('not json')), undefined);
});

test('referrers tag schema and Link rel=next', () => {
  assert.equal(referrersTag(`sha256:${'c'.repeat(64)}`), `sha256-${'c'.repeat(64)}`);
  const base = new URL('https://r.example/v2/a/referrers/sha256:x');
  assert.equal(nextLink('</v2/a/referrers/sha256:x?n=1&last=y>; rel="next"', base)?.href, 'https://r.example/v2/a/referrers/sha256:x?n=1&last=y');
  assert.equal(nextLink('<https://r.example/p2>; rel="prev", <https://r.example/p3>; rel=next', base)?.href, 'https://r.example/p3');
  assert.equal(nextLink('<https://r.example/p2>; rel="prev"', base), undefined);
  assert.equal(nextLink(null, base), undefined);
});

test('loopback and insecure host classification', () => {
  for (const h of ['localhost:5000', '127.0.0.1', '127.8.9.10:80', '[::1]:5000', 'localhost']) assert.ok(isLoopbackHost(h), h);
  for (const h of ['10.0.0.1:5000', 'registry.example', '[fc00::1]:5000', 'localhost.example.com']) assert.ok(!isLoopbackHost(h), h);
  assert.ok(matchesHostList('reg.local:5000', ['reg.local']));
  assert.ok(matchesHostList('reg.local:5000', ['http://reg.local:5000/']));
  assert.ok(!matchesHostList('reg.local:5001', ['reg.local:5000']));
  assert.ok(!matchesHostList('evil-reg.local', ['reg.local']));
});

test('proxy variables: which one applies to which scheme, and what NO_PROXY exempts', () => {
  const hub = new URL('https://registry-1.docker.io/v2/');
  const local = new URL('http://127.0.0.1:5000/v2/');
  const v6 = new URL('http://[::1]:5000/v2/');
  const origin = (url: URL, env: Record<string, string>): string | undefined => proxyFor(url, env)?.origin;
  const cases: [URL, Record<string, string>, string | undefined][] = [
    [hub, { HTTPS_PROXY: 'http://proxy:3128' }, 'http://proxy:3128'],
    [hub, { https_proxy: 'http://proxy:3128' }, 'http://proxy:3128'],
    [hub, { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' }, 'http://upper:1'],
    [hub, { HTTPS_PROXY: ' ', ALL_PROXY: 'http://all:3128' }, 'http://all:3128'],
    [hub, { HTTP_PROXY: 'http://proxy:3128' }, undefined],
    [hub, { HTTPS_PROXY: 'proxy.corp:8080' }, 'http://proxy.corp:8080'],
    [hub, { HTTPS_PROXY: 'https://tls-proxy:443/' }, 'https://tls-proxy'],
    [hub, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.docker.io' }, undefined],
    [hub, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'docker.io' }, undefined],
    [hub, { HTTPS_PROXY: 'http://proxy:3128', no_proxy: '*.docker.io' }, undefined],
    [hub, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'ghcr.io, *' }, undefined],
    [hub, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'registry-1.docker.io:443' }, undefined],
    [hub, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'registry-1.docker.io:5000' }, 'http://proxy:3128'],
    [hub, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'ocker.io' }, 'http://proxy:3128'],
    [local, { HTTP_PROXY: 'http://proxy:3128' }, 'http://proxy:3128'],
    [local, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '127.0.0.1' }, undefined],
    [local, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '127.0.0.1:5000' }, undefined],
    [local, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '127.0.0.0/8' }, undefined],
    [local, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '10.0.0.0/8,::1/128' }, 'http://proxy:3128'],
    [local, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost,.0.0.1' }, 'http://proxy:3128'],
    [v6, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '::1' }, undefined],
    [v6, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '[::1]:5000' }, undefined],
    [v6, { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '[::1]:5001' }, 'http://proxy:3128'],
  ];
  for (const [url, env, expected] of cases) assert.equal(origin(url, env), expected, `${url.host} ${JSON.stringify(env)}`);
});

test('proxy credentials become a Proxy-Authorization value and stay out of the origin shown to users', () => {
  const route = proxyFor(new URL('https://ghcr.io/v2/'), { HTTPS_PROXY: 'http://me%40corp:p%3Ass%20w@proxy.corp:3128' });
  assert.deepEqual(route, {
    variable: 'HTTPS_PROXY',
    origin: 'http://proxy.corp:3128',
    display: 'proxy.corp:3128',
    authorization: `Basic ${Buffer.from('me@corp:p:ss w').toString('base64')}`,
    secrets: ['me%40corp', 'p%3Ass%20w', 'me@corp', 'p:ss w'],
  } satisfies ProxyRoute);
  assert.equal(proxyFor(new URL('https://ghcr.io/v2/'), { HTTPS_PROXY: 'http://proxy.corp:3128' })?.authorization, undefined);
});

test('an unusable proxy setting is kind "proxy" and its message never repeats the value', async () => {
  const url = new URL('https://ghcr.io/v2/');
  for (const value of ['socks5://u:Sekrit-1@socks.corp:1080', 'http://u:Sekrit-1@[bad', 'http://u:%E0%A4%A@proxy:3128']) {
    assert.throws(
      () => proxyFor(url, { ALL_PROXY: value }),
      (err: unknown) => err instanceof RegistryError && err.kind === 'proxy' && !err.message.includes('Sekrit-1') && !err.message.includes('u:') && /ALL_PROXY/.test(err.message),
      value,
    );
  }
  // Through the client: reported as an Outcome, before any connection is attempted.
  const client = createOciClient({ credentials: staticCredentials({}), env: { ALL_PROXY: 'socks5://u:Sekrit-1@socks.corp:1080' }, timeoutMs: 2000 });
  const r = await client.resolve('ghcr.io/o/r:1');
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.kind, 'proxy');
    assert.equal(r.error.message, 'ALL_PROXY names a SOCKS5 proxy (socks.corp:1080); only HTTP and HTTPS proxies are supported, so add ghcr.io to NO_PROXY if it is reachable directly.');
  }
});

test('plain HTTP to a non-loopback registry is refused unless listed as insecure', async () => {
  const seen: string[] = [];
  const fakeFetch = async (input: string | URL): Promise<Response> => {
    seen.push(String(input));
    return new Response(null, { status: 200, headers: { 'docker-content-digest': `sha256:${'d'.repeat(64)}` } });
  };
  const strict = createOciClient({ credentials: staticCredentials({}), fetch: fakeFetch });
  const r1 = await strict.resolve('reg.example:5000/a:1');
  assert.ok(r1.ok);
  assert.match(seen[0] ?? '', /^https:\/\/reg\.example:5000\/v2\/a\/manifests\/1$/);
  const lax = createOciClient({ credentials: staticCredentials({}), fetch: fakeFetch, insecureRegistries: ['reg.example:5000'] });
  await lax.resolve('reg.example:5000/a:1');
  assert.match(seen[1] ?? '', /^http:\/\/reg\.example:5000\//);
  // An https registry must not be able to bounce us to plain HTTP on another host.
  const redirecting = createOciClient({
    credentials: staticCredentials({}),
    fetch: async () => new Response(null, { status: 307, headers: { location: 'http://other.example/v2/a/manifests/1' } }),
  });
  const r3 = await redirecting.resolve('reg.example/a:1');
  assert.equal(r3.ok, false);
  if (!r3.ok) assert.equal(r3.error.kind, 'insecure');
});

test('docker config: auths with base64 auth, username/password, identity token and Hub key variants', async () => {
  const config = {
    auths: {
      'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hub:pass').toString('base64') },
      'reg.example:5000': { username: 'u1', password: 'p1' },
      'https://acr.example/': { identitytoken: 'refresh-123' },
      'empty.example': {},
    },
  };
  const creds = dockerConfigCredentials({ configPath: '/nonexistent/config.json', readFile: async () => JSON.stringify(config), env: {} });
  assert.deepEqual(await creds.get('docker.io'), { kind: 'basic', username: 'hubuser', password: 'hub:pass' });
  assert.deepEqual(await creds.get('reg.example:5000'), { kind: 'basic', username: 'u1', password: 'p1' });
  assert.equal(await creds.get('reg.example'), undefined, 'a port is part of the host key');
  assert.deepEqual(await creds.get('acr.example'), { kind: 'identity-token', token: 'refresh-123' });
  assert.equal(await creds.get('empty.example'), undefined);
  assert.equal(await creds.get('ghcr.io'), undefined);
  const missing = dockerConfigCredentials({ configPath: '/nonexistent/config.json', readFile: async () => Promise.reject(new Error('ENOENT')), env: {} });
  assert.equal(await missing.get('docker.io'), undefined);
});

test('credHelpers and credsStore run docker-credential-<name> get with the host on stdin (real spawn, fake helper on PATH)', async (t) => {
  const dir = tempDir();
  t.after(() => dir.remove());
  const log = join(dir.path, 'calls.log');
  const script = join(dir.path, 'docker-credential-fake');
  writeFileSync(
    script,
    `#!/bin/sh
[ "$1" = "get" ] || exit 2
read -r host
echo "$host" >> "${log}"
case "$host" in
  reg.example:5000) printf '{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}' "$host" ;;
  https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"<token>","Secret":"hub-refresh"}' "$host" ;;
  *) echo "credentials not found in native keychain"; exit 1 ;;
esac
`,
  );
  chmodSync(script, 0o755);
  const env = { PATH: `${dir.path}:${process.env['PATH'] ?? ''}` };
  const config = { credHelpers: { 'reg.example:5000': 'fake' }, credsStore: 'fake', auths: { 'other.example': { username: 'file', password: 'pw' } } };
  const creds = dockerConfigCredentials({ readFile: async () => JSON.stringify(config), runHelper: spawnHelperRunner({ env, timeoutMs: 5000 }), env });
  assert.deepEqual(await creds.get('reg.example:5000'), { kind: 'basic', username: 'helper-user', password: 'helper-secret' });
  assert.deepEqual(await creds.get('docker.io'), { kind: 'identity-token', token: 'hub-refresh' });
  // The store has nothing for this host, so the file entry is used.
  assert.deepEqual(await creds.get('other.example'), { kind: 'basic', username: 'file', password: 'pw' });
  assert.equal(await creds.get('nothing.example'), undefined);
  assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), ['reg.example:5000', 'https://index.docker.io/v1/', 'other.example', 'nothing.example']);

  const absent = dockerConfigCredentials({ readFile: async () => JSON.stringify({ credsStore: 'not-installed' }), runHelper: spawnHelperRunner({ env }), env });
  assert.equal(await absent.get('docker.io'), undefined);
});

test('settings credentials come first and only answer for their own host', async () => {
  const fromSettings = staticCredentials({ 'https://reg.example:5000/': { username: 's', password: 'sp' } });
  const fromFile = staticCredentials({ 'reg.example:5000': { username: 'f', password: 'fp' }, 'ghcr.io': { username: 'g', password: 'gp' } });
  const chain = chainCredentials(fromSettings, fromFile);
  assert.deepEqual(await chain.get('reg.example:5000'), { kind: 'basic', username: 's', password: 'sp' });
  assert.deepEqual(await chain.get('ghcr.io'), { kind: 'basic', username: 'g', password: 'gp' });
  assert.equal(await chain.get('reg.example'), undefined);
});

test('digest cache: TTL by injected clock, survives a restart through the JSON file', async (t) => {
  const dir = tempDir();
  t.after(() => dir.remove());
  let clock = 1_000_000;
  const now = (): number => clock;
  const a = new DigestCache({ dir: dir.path, ttlMs: 60_000, now });
  const entry = { digest: `sha256:${'e'.repeat(64)}`, mediaType: 'application/vnd.oci.image.index.v1+json', checkedAt: clock };
  await a.set('docker.io/library/nginx:1.27', entry);
  clock += 30_000;
  const b = new DigestCache({ dir: dir.path, ttlMs: 60_000, now });
  assert.deepEqual(await b.get('docker.io/library/nginx:1.27'), entry);
  clock += 30_000;
  assert.equal(await b.get('docker.io/library/nginx:1.27'), undefined, 'expired at the TTL');
  clock = 0;
  assert.equal(await b.get('docker.io/library/nginx:1.27'), undefined, 'a clock that went backwards does not trust the entry');

  writeFileSync(join(dir.path, 'registry-digests.json'), '{broken');
  const c = new DigestCache({ dir: dir.path, ttlMs: 60_000, now });
  assert.equal(await c.get('docker.io/library/nginx:1.27'), undefined);
  const memoryOnly = new DigestCache({ ttlMs: 60_000, now });
  await memoryOnly.set('k', { digest: entry.digest, checkedAt: 0 });
  assert.equal((await memoryOnly.get('k'))?.digest, entry.digest);
});

test('resolve of unresolvable text fails with kind invalid-reference and never touches the network', async () => {
  const client = createOciClient({
    credentials: staticCredentials({}),
    fetch: async () => assert.fail('no request expected'),
  });
  for (const ref of ['$IMG', 'scratch', 'docker/Docker']) {
    const r = await client.resolve(ref);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.kind, 'invalid-reference');
  }
});
