// Tag → digest against Debian's real distribution registry on loopback. Every test starts its own registry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOciClient, noCredentials, type OciClientOptions } from '../../server/src/oci';
import { DOCKER_LIST, DOCKER_MANIFEST, OCI_INDEX, OCI_MANIFEST, Pusher, forward, freePort, registryForTest, requireTools, sha256, startHttpServer } from '../support/registry';

const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
  { os: 'linux', architecture: 'arm', variant: 'v7' },
];

function client(extra: Partial<OciClientOptions> = {}) {
  return createOciClient({ credentials: noCredentials, timeoutMs: 5000, ...extra });
}

test('a multi-arch tag pins the OCI index digest, not a platform manifest', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const { index, children } = await new Pusher(reg.url).multiArch('team/app', '1.0', PLATFORMS);
  assert.equal(index.headerDigest, index.digest, 'registry digest equals sha256 of the bytes we sent');

  const r = await client().resolve(`${reg.host}/team/app:1.0`, { platforms: true });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, index.digest);
  assert.ok(!children.some((c) => c.digest === r.value.digest));
  assert.equal(r.value.mediaType, OCI_INDEX);
  assert.equal(r.value.registry, reg.host);
  assert.equal(r.value.repository, 'team/app');
  assert.equal(r.value.tag, '1.0');
  assert.equal(r.value.pinnedText, `${reg.host}/team/app:1.0@${index.digest}`);
  assert.equal(r.value.drifted, false);
  assert.deepEqual(
    r.value.platforms,
    children.map((c) => ({ ...c.platform, digest: c.digest })),
  );
});

test('a Docker manifest list pins the list digest and lists its platforms', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const { index, children } = await new Pusher(reg.url).multiArch('legacy/app', 'v2', PLATFORMS.slice(0, 2), { docker: true });
  const r = await client().resolve(`${reg.host}/legacy/app:v2`, { platforms: true });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, index.digest);
  assert.equal(r.value.mediaType, DOCKER_LIST);
  assert.equal(r.value.platforms?.length, 2);
  assert.equal(r.value.platforms?.[1]?.digest, children[1]?.digest);
  assert.equal(r.value.platforms?.[1]?.variant, 'v8');
});

test('single-platform OCI and Docker manifests resolve to their own digest without a platform list', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const oci = await push.image('single/oci', 'latest', { os: 'linux', architecture: 'amd64' });
  const docker = await push.image('single/docker', '3', { os: 'linux', architecture: 'amd64' }, { docker: true });
  const c = client();
  const a = await c.resolve(`${reg.host}/single/oci`, { platforms: true });
  assert.ok(a.ok, a.ok ? '' : a.error.message);
  assert.equal(a.value.digest, oci.digest);
  assert.equal(a.value.tag, 'latest', 'no tag means latest');
  assert.equal(a.value.mediaType, OCI_MANIFEST);
  assert.equal(a.value.platforms, undefined);
  const b = await c.resolve(`${reg.host}/single/docker:3`);
  assert.ok(b.ok, b.ok ? '' : b.error.message);
  assert.equal(b.value.digest, docker.digest);
  assert.equal(b.value.mediaType, DOCKER_MANIFEST);
});

test('the HEAD request offers all four manifest types and the digest comes from Docker-Content-Digest', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const { index } = await new Pusher(reg.url).multiArch('hdr/app', '1', PLATFORMS.slice(0, 1));
  const spy = await startHttpServer((req, res) => forward(req, res, reg.url));
  t.after(() => spy.close());
  const r = await client().resolve(`${spy.host}/hdr/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, index.digest);
  assert.deepEqual(
    spy.requests.map((q) => `${q.method} ${q.url}`),
    ['HEAD /v2/hdr/app/manifests/1'],
    'one HEAD, no GET: HEAD does not count as a pull on Docker Hub',
  );
  const accept = String(spy.requests[0]?.headers['accept']).split(',').map((s) => s.trim());
  assert.deepEqual(accept.sort(), [DOCKER_LIST, DOCKER_MANIFEST, OCI_INDEX, OCI_MANIFEST].sort());
});

test('without Docker-Content-Digest the client GETs the manifest and hashes the exact bytes', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const { index } = await new Pusher(reg.url).multiArch('nohdr/app', '1', PLATFORMS.slice(0, 2));
  // An older registry: no digest header on any answer.
  const old = await startHttpServer((req, res) => forward(req, res, reg.url, (h) => delete h['docker-content-digest']));
  t.after(() => old.close());
  const r = await client().resolve(`${old.host}/nohdr/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, index.digest);
  assert.equal(r.value.digest, sha256(index.bytes));
  assert.deepEqual(old.requests.map((q) => q.method), ['HEAD', 'GET']);
});

test('a GET whose Docker-Content-Digest does not match the bytes is rejected', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  await new Pusher(reg.url).multiArch('liar/app', '1', PLATFORMS.slice(0, 1));
  const wrong = `sha256:${'0'.repeat(64)}`;
  const liar = await startHttpServer((req, res) =>
    forward(req, res, reg.url, (h, method) => {
      if (method === 'GET') h['docker-content-digest'] = wrong;
      else delete h['docker-content-digest'];
    }),
  );
  t.after(() => liar.close());
  const r = await client().resolve(`${liar.host}/liar/app:1`);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.kind, 'protocol');
});

test('unknown tag and unknown repository are kind not-found', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  await new Pusher(reg.url).image('known/app', '1', { os: 'linux', architecture: 'amd64' });
  const c = client();
  for (const ref of [`${reg.host}/known/app:2`, `${reg.host}/unknown/app:1`]) {
    const r = await c.resolve(ref);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.kind, 'not-found', r.error.message);
      assert.equal(r.error.status, 404);
      assert.match(r.error.message, /not found/);
    }
  }
});

test('a closed port gives the offline message', async () => {
  const port = await freePort();
  const r = await client().resolve(`127.0.0.1:${port}/any/app:1`);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.kind, 'offline');
    assert.equal(r.error.message, `Registry 127.0.0.1:${port} is unreachable (connection refused); you may be offline.`);
  }
});

test('a registry that never answers times out with kind timeout', async (t) => {
  const silent = await startHttpServer(() => undefined);
  t.after(() => silent.close());
  const r = await client({ timeoutMs: 300 }).resolve(`${silent.host}/slow/app:1`);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.kind, 'timeout');
});

test('tag@digest: the written digest is authoritative and drift against the tag is reported', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const first = await push.multiArch('drift/app', 'stable', PLATFORMS.slice(0, 1));
  const second = await push.multiArch('drift/app', 'stable', PLATFORMS.slice(1, 2));
  const c = client();
  const r = await c.resolve(`${reg.host}/drift/app:stable@${first.index.digest}`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.pinnedDigest, first.index.digest);
  assert.equal(r.value.digest, second.index.digest);
  assert.equal(r.value.drifted, true);
  assert.equal(r.value.pinnedText, `${reg.host}/drift/app:stable@${second.index.digest}`);

  const byDigest = await c.resolve(`${reg.host}/drift/app@${first.index.digest}`);
  assert.ok(byDigest.ok, byDigest.ok ? '' : byDigest.error.message);
  assert.equal(byDigest.value.digest, first.index.digest);
  assert.equal(byDigest.value.tag, undefined);
  assert.equal(byDigest.value.drifted, false);
});

test('answers are cached with a TTL (injected clock) in memory and on disk; fresh bypasses the cache', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const v1 = await push.multiArch('cached/app', '1', PLATFORMS.slice(0, 1));
  const spy = await startHttpServer((req, res) => forward(req, res, reg.url));
  t.after(() => spy.close());
  const cacheDir = `${reg.dir}/cache`;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const opts = { cacheDir, cacheTtlMs: 60_000, now: () => clock };
  const ref = `${spy.host}/cached/app:1`;

  const a = await client(opts).resolve(ref);
  assert.ok(a.ok && !a.value.fromCache);
  assert.equal(a.value.checkedAt, clock);
  const v2 = await push.multiArch('cached/app', '1', PLATFORMS.slice(1, 2));
  clock += 30_000;
  // A new client (editor restart) reads the disk cache: no request, old answer.
  const b = await client(opts).resolve(ref);
  assert.ok(b.ok && b.value.fromCache);
  assert.equal(b.value.digest, v1.index.digest);
  assert.equal(spy.requests.length, 1);
  const fresh = await client(opts).resolve(ref, { fresh: true });
  assert.ok(fresh.ok && !fresh.value.fromCache);
  assert.equal(fresh.value.digest, v2.index.digest);
  clock += 61_000;
  const c = await client(opts).resolve(ref);
  assert.ok(c.ok && !c.value.fromCache);
  assert.equal(c.value.digest, v2.index.digest);
  assert.equal(spy.requests.length, 3);
});

test('RateLimit-Remaining is surfaced in the result', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  await new Pusher(reg.url).image('limited/app', '1', { os: 'linux', architecture: 'amd64' });
  const hub = await startHttpServer((req, res) =>
    forward(req, res, reg.url, (h) => {
      h['ratelimit-limit'] = '100;w=21600';
      h['ratelimit-remaining'] = '76;w=21600';
    }),
  );
  t.after(() => hub.close());
  const r = await client().resolve(`${hub.host}/limited/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.rateLimitRemaining, 76);
});
