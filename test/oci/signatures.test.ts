// Signature discovery. The real registry (2.8) has no referrers API and answers 404, so the referrers tag
// schema and cosign's `.sig` tag are exercised against it; the referrers API itself is covered by a small
// server replaying a registry's paginated answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOciClient, noCredentials } from '../../server/src/oci';
import { Pusher, type TestServer, forward, registryForTest, requireTools, startHttpServer } from '../support/registry';

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const NOTATION = 'application/vnd.cncf.notary.signature';
const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];

function client(now = (): number => Date.parse('2026-03-01T12:00:00Z')) {
  return createOciClient({ credentials: noCredentials, timeoutMs: 5000, now });
}

test('an unsigned image: referrers API 404, no referrers tag, no .sig tag', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const { index } = await new Pusher(reg.url).multiArch('plain/app', '1', PLATFORMS);
  const spy = await startHttpServer((req, res) => forward(req, res, reg.url));
  t.after(() => spy.close());
  const r = await client().signatures(`${spy.host}/plain/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.deepEqual(r.value, { cosign: false, sigstoreBundle: false, notation: false, referrersApi: false, checkedAt: Date.parse('2026-03-01T12:00:00Z') });
  const hex = index.digest.slice('sha256:'.length);
  assert.deepEqual(
    spy.requests.map((q) => `${q.method} ${q.url}`),
    [
      'HEAD /v2/plain/app/manifests/1',
      `GET /v2/plain/app/referrers/${index.digest}`,
      `GET /v2/plain/app/manifests/sha256-${hex}`,
      `HEAD /v2/plain/app/manifests/sha256-${hex}.sig`,
    ],
  );
});

test('cosign legacy signature found through the sha256-<hex>.sig tag of the index digest', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const { index, children } = await push.multiArch('signed/app', '1', PLATFORMS);
  // A signature on a child manifest does not sign the index that FROM pins.
  await push.cosignSignature('signed/app', children[0]?.digest ?? '');
  const c = client();
  const before = await c.signatures(`${reg.host}/signed/app:1`);
  assert.ok(before.ok && before.value.cosign === false);
  await push.cosignSignature('signed/app', index.digest);
  const after = await c.signatures(`${reg.host}/signed/app:1`, { fresh: true });
  assert.ok(after.ok, after.ok ? '' : after.error.message);
  assert.equal(after.value.cosign, true);
  assert.equal(after.value.sigstoreBundle, false);
  assert.equal(after.value.notation, false);
});

test('sigstore bundle and notation signatures found through the referrers tag fallback', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const { index } = await push.multiArch('oci11/app', 'v1', PLATFORMS);
  await push.referrersTagArtifacts('oci11/app', index, [BUNDLE, NOTATION, 'application/spdx+json']);
  const c = client();
  const resolved = await c.resolve(`${reg.host}/oci11/app:v1`);
  assert.ok(resolved.ok, resolved.ok ? '' : resolved.error.message);
  const r = await c.signatures(resolved.value);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.referrersApi, false);
  assert.equal(r.value.sigstoreBundle, true);
  assert.equal(r.value.notation, true);
  assert.equal(r.value.cosign, false);
});

test('a pinned reference checks the written digest, not what the tag points to now', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const old = await push.multiArch('pinned/app', '1', PLATFORMS.slice(0, 1));
  await push.cosignSignature('pinned/app', old.index.digest);
  await push.multiArch('pinned/app', '1', PLATFORMS.slice(1));
  const r = await client().signatures(`${reg.host}/pinned/app:1@${old.index.digest}`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.cosign, true);
});

// Shape of a registry's referrers answer (distribution-spec §Listing Referrers), split in two pages by `Link`.
const SUBJECT = `sha256:${'5'.repeat(64)}`;
const PAGE_1 = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${'1'.repeat(64)}`,
      size: 1024,
      artifactType: 'application/vnd.example.sbom.v1',
      annotations: { 'org.opencontainers.image.created': '2026-02-27T12:00:00Z' },
    },
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${'2'.repeat(64)}`,
      size: 728,
      artifactType: NOTATION,
      annotations: { 'io.cncf.notary.x509chain.thumbprint#S256': '["aa"]' },
    },
  ],
};
const PAGE_2 = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${'3'.repeat(64)}`, size: 1100, artifactType: BUNDLE }],
};

async function referrersServer(pages: object[]): Promise<TestServer> {
  return startHttpServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'HEAD' && url.pathname === '/v2/acme/app/manifests/1') {
      res.writeHead(200, { 'docker-content-digest': SUBJECT, 'content-type': 'application/vnd.oci.image.index.v1+json' });
      res.end();
      return;
    }
    if (req.method === 'GET' && url.pathname === `/v2/acme/app/referrers/${SUBJECT}`) {
      const page = Number(url.searchParams.get('page') ?? '0');
      const headers: Record<string, string> = { 'content-type': 'application/vnd.oci.image.index.v1+json' };
      if (page + 1 < pages.length) headers['link'] = `</v2/acme/app/referrers/${SUBJECT}?page=${page + 1}>; rel="next"`;
      res.writeHead(200, headers);
      res.end(JSON.stringify(pages[page]));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
  });
}

test('referrers API: paginated answer with notation and sigstore bundle; no tag fallback needed', async (t) => {
  const server = await referrersServer([PAGE_1, PAGE_2]);
  t.after(() => server.close());
  const r = await client().signatures(`${server.host}/acme/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.referrersApi, true);
  assert.equal(r.value.notation, true);
  assert.equal(r.value.sigstoreBundle, true, 'found on the second page');
  assert.equal(r.value.cosign, false);
  assert.deepEqual(
    server.requests.map((q) => `${q.method} ${q.url}`),
    [
      'HEAD /v2/acme/app/manifests/1',
      `GET /v2/acme/app/referrers/${SUBJECT}`,
      `GET /v2/acme/app/referrers/${SUBJECT}?page=1`,
      `HEAD /v2/acme/app/manifests/sha256-${'5'.repeat(64)}.sig`,
    ],
  );
});

test('referrers API: an empty list means unsigned, other artifact types do not count', async (t) => {
  const server = await referrersServer([{ ...PAGE_1, manifests: PAGE_1.manifests.slice(0, 1) }]);
  t.after(() => server.close());
  const r = await client().signatures(`${server.host}/acme/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.deepEqual([r.value.referrersApi, r.value.notation, r.value.sigstoreBundle, r.value.cosign], [true, false, false, false]);
});
