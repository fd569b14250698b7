// Signature verification against a real registry on loopback: cosign key signatures and Sigstore bundles that
// the test makes itself (keys, CA and transparency log generated here), through the OCI client, no mocks.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOciClient, noCredentials, parseReference, staticCredentials } from '../../server/src/oci';
import { SignatureVerifier, trustFor, type ImageVerdict, type TrustSpec } from '../../server/src/signatures';
import type { SignaturePolicy } from '../../server/src/core/config';
import { Pusher, basic, forward, registryForTest, requireTools, startHttpServer, tempDir } from '../support/registry';
import { TestSigstore, cosignSign, fingerprint, keyPair, pushBundles, type KeyPair } from '../support/signing';

const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];
const GITHUB = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

function keyFile(t: TestContext, key: KeyPair, name = 'cosign.pub'): string {
  const dir = tempDir('shipshape-keys-');
  t.after(() => dir.remove());
  const path = join(dir.path, name);
  writeFileSync(path, key.publicPem);
  return path;
}

function verifier(): SignatureVerifier {
  return new SignatureVerifier(createOciClient({ credentials: noCredentials, timeoutMs: 5000 }));
}

function trust(reference: string, policy: SignaturePolicy, extraKeys: string[] = []): TrustSpec {
  const parsed = parseReference(reference);
  assert.ok(parsed.ok);
  const spec = trustFor(policy, parsed.ref, extraKeys);
  assert.ok(spec, `the policy covers ${reference}`);
  return spec;
}

function keyPolicy(keys: string[], images = '**'): SignaturePolicy {
  return { policy: [{ images, keys, identities: [] }] };
}

function rootFile(t: TestContext, sigstore: TestSigstore): string {
  const dir = tempDir('shipshape-root-');
  t.after(() => dir.remove());
  const path = join(dir.path, 'trusted_root.json');
  writeFileSync(path, JSON.stringify(sigstore.trustedRoot()));
  return path;
}

function expect(v: ImageVerdict, verdict: ImageVerdict['verdict'], reason: RegExp): void {
  assert.equal(v.verdict, verdict, v.reason);
  assert.match(v.reason, reason);
}

test('cosign: ECDSA, RSA and Ed25519 keys sign an image; each verifies with its own key and names it', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  for (const type of ['ec', 'rsa', 'ed25519'] as const) {
    const key = keyPair(type);
    const image = await push.image(`signed/${type}`, '1', PLATFORMS[0]!);
    await cosignSign(push, `signed/${type}`, image.digest, key);
    const ref = `${reg.host}/signed/${type}:1`;
    const v = await verifier().verify(ref, trust(ref, keyPolicy([keyFile(t, key)])));
    assert.deepEqual(v, { verdict: 'verified', digest: image.digest, signer: `${fingerprint(key.publicPem)} (cosign.pub)`, reason: `Signed by ${fingerprint(key.publicPem)} (cosign.pub), verified.` });
  }
});

test('cosign: unsigned, another key, and a payload naming another digest', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const trusted = keyPair();
  const other = keyPair();
  const pub = keyFile(t, trusted);
  const plain = await push.image('app/plain', '1', PLATFORMS[0]!);
  const foreign = await push.image('app/foreign', '1', PLATFORMS[0]!);
  await cosignSign(push, 'app/foreign', foreign.digest, other);
  const moved = await push.image('app/moved', '1', PLATFORMS[0]!);
  const elsewhere = await push.image('app/moved', '0', PLATFORMS[1]!);
  await cosignSign(push, 'app/moved', moved.digest, trusted, elsewhere.digest);
  const policy = keyPolicy([pub]);
  const check = (name: string): Promise<ImageVerdict> => verifier().verify(`${reg.host}/${name}`, trust(`${reg.host}/${name}`, policy));

  const unsigned = await check('app/plain:1');
  assert.deepEqual(unsigned, { verdict: 'unsigned', digest: plain.digest, reason: `No signature: no cosign signature, Sigstore bundle or Notation signature for ${plain.digest}.` });
  expect(await check('app/foreign:1'), 'untrusted', new RegExp(`^Wrong key: the cosign signature does not verify with cosign\\.pub \\(${fingerprint(trusted.publicPem).replace(/[+/]/g, '\\$&')}\\)\\.$`));
  const mismatch = await check('app/moved:1');
  expect(mismatch, 'invalid', /^Digest mismatch: the signature by cosign\.pub \(SHA256:[^)]+\) is for sha256:[0-9a-f]{12}…, not for the image sha256:[0-9a-f]{12}…\.$/);
  assert.ok(mismatch.reason.includes(elsewhere.digest.slice(0, 19)) && mismatch.reason.includes(moved.digest.slice(0, 19)));
});

test('cosign: a multi-arch index is verified at the index digest, not at a child manifest', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const key = keyPair();
  const policy = keyPolicy([keyFile(t, key)]);
  const { index, children } = await push.multiArch('multi/app', '1', PLATFORMS);
  await cosignSign(push, 'multi/app', children[0]!.digest, key);
  const ref = `${reg.host}/multi/app:1`;
  const before = await verifier().verify(ref, trust(ref, policy));
  assert.equal(before.verdict, 'unsigned', 'a signed child does not sign the index FROM resolves to');
  assert.equal(before.digest, index.digest);
  await cosignSign(push, 'multi/app', index.digest, key);
  const after = await verifier().verify(ref, trust(ref, policy));
  assert.equal(after.verdict, 'verified', after.reason);
  assert.equal(after.digest, index.digest);
  // A reference pinned to the index digest checks that digest.
  const pinned = `${reg.host}/multi/app:1@${index.digest}`;
  assert.equal((await verifier().verify(pinned, trust(pinned, policy))).verdict, 'verified');
});

test('sigstore bundles: identity, issuer, digest and CA are all checked against a test trusted root', async (t) => {
  if (!requireTools(t, ['docker-registry', 'openssl'])) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const sigstore = new TestSigstore();
  t.after(() => sigstore.dispose());
  const stranger = new TestSigstore('stranger-ca');
  t.after(() => stranger.dispose());
  const id = { issuer: GITHUB, subject: WORKFLOW };
  const cases: { repo: string; bundle: (digest: string, bytes: Buffer) => object; verdict: ImageVerdict['verdict']; reason: RegExp }[] = [
    { repo: 'bundle/dsse', bundle: (d) => sigstore.dsseBundle(id, d), verdict: 'verified', reason: /^Signed by https:\/\/github\.com\/acme\/app\/\.github\/workflows\/release\.yml@refs\/heads\/main \(issuer https:\/\/token\.actions\.githubusercontent\.com\), verified\.$/ },
    { repo: 'bundle/message', bundle: (_d, bytes) => sigstore.messageBundle(id, bytes), verdict: 'verified', reason: /^Signed by .*release\.yml@refs\/heads\/main/ },
    { repo: 'bundle/other-subject', bundle: (d) => sigstore.dsseBundle({ issuer: GITHUB, subject: 'https://github.com/evil/fork/.github/workflows/x.yml@refs/heads/main' }, d), verdict: 'untrusted', reason: /^Untrusted signer: signed by https:\/\/github\.com\/evil\/fork\/.* \(issuer https:\/\/token\.actions\.githubusercontent\.com\), which is not a trusted identity\.$/ },
    { repo: 'bundle/other-issuer', bundle: (d) => sigstore.dsseBundle({ issuer: 'https://accounts.example.com', subject: WORKFLOW }, d), verdict: 'untrusted', reason: /issuer https:\/\/accounts\.example\.com\), which is not a trusted identity/ },
    { repo: 'bundle/stranger-ca', bundle: (d) => stranger.dsseBundle(id, d), verdict: 'untrusted', reason: /^Untrusted signer: the signing certificate does not chain to the trusted root/ },
    { repo: 'bundle/wrong-digest', bundle: () => sigstore.dsseBundle(id, `sha256:${'ab'.repeat(32)}`), verdict: 'invalid', reason: /^Digest mismatch: the Sigstore bundle is for sha256:abababababab…, not for the image/ },
    { repo: 'bundle/tampered', bundle: (d) => sigstore.dsseBundle(id, d, { tamper: true }), verdict: 'invalid', reason: /^Bad signature: the Sigstore bundle's signature does not verify/ },
  ];
  const root = rootFile(t, sigstore);
  for (const c of cases) {
    const image = await push.image(c.repo, '1', PLATFORMS[0]!);
    await pushBundles(push, c.repo, image, [c.bundle(image.digest, image.bytes)]);
    const ref = `${reg.host}/${c.repo}:1`;
    const v = await verifier().verify(ref, trust(ref, { trustedRoot: root, policy: [{ images: `${reg.host}/bundle/*`, keys: [], identities: [{ issuer: GITHUB, subject: 'https://github.com/acme/app/.github/workflows/*' }] }] }));
    assert.equal(v.verdict, c.verdict, `${c.repo}: ${v.reason}`);
    assert.match(v.reason, c.reason, c.repo);
  }
});

test('sigstore: the shipped public-good root does not trust a test CA; a bundle is "untrusted", never verified', async (t) => {
  if (!requireTools(t, ['docker-registry', 'openssl'])) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const sigstore = new TestSigstore();
  t.after(() => sigstore.dispose());
  const image = await push.image('bundle/public', '1', PLATFORMS[0]!);
  await pushBundles(push, 'bundle/public', image, [sigstore.dsseBundle({ issuer: GITHUB, subject: WORKFLOW }, image.digest)]);
  const ref = `${reg.host}/bundle/public:1`;
  const v = await verifier().verify(ref, trust(ref, { policy: [{ images: '**', keys: [], identities: [{ issuer: GITHUB, subject: WORKFLOW }] }] }));
  assert.equal(v.verdict, 'untrusted', v.reason);
  assert.match(v.reason, /trusted root \(sigstore public-good\)/);
});

test('sigstore: a bundle signed with a key verifies with that key from the policy, and is "Wrong key" with another', async (t) => {
  if (!requireTools(t, ['docker-registry', 'openssl'])) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const sigstore = new TestSigstore();
  t.after(() => sigstore.dispose());
  const key = keyPair();
  const image = await push.image('bundle/keyed', '1', PLATFORMS[0]!);
  await pushBundles(push, 'bundle/keyed', image, [sigstore.keyBundle(key, image.digest)]);
  const root = rootFile(t, sigstore);
  const ref = `${reg.host}/bundle/keyed:1`;
  const trusted = await verifier().verify(ref, trust(ref, { trustedRoot: root, policy: [{ images: '**', keys: [keyFile(t, key)], identities: [] }] }));
  assert.deepEqual([trusted.verdict, trusted.signer], ['verified', `${fingerprint(key.publicPem)} (cosign.pub)`], trusted.reason);
  const other = await verifier().verify(ref, trust(ref, { trustedRoot: root, policy: [{ images: '**', keys: [keyFile(t, keyPair(), 'other.pub')], identities: [] }] }));
  assert.equal(other.verdict, 'untrusted', other.reason);
  assert.match(other.reason, /^Wrong key: the Sigstore bundle does not verify with other\.pub\.$/);
});

test('notation signatures are reported as signed, not verified; an unreachable registry is unchecked', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const image = await push.image('notary/app', '1', PLATFORMS[0]!);
  await push.referrersTagArtifacts('notary/app', image, ['application/vnd.cncf.notary.signature']);
  const pub = keyFile(t, keyPair());
  const ref = `${reg.host}/notary/app:1`;
  expect(await verifier().verify(ref, trust(ref, keyPolicy([pub]))), 'unchecked', /^Signed, not verified: a Notation signature is present/);
  const down = await startHttpServer((_req, res) => void res.destroy());
  await down.close();
  const gone = `${down.host}/notary/app:1`;
  const v = await verifier().verify(gone, trust(gone, keyPolicy([pub])));
  assert.equal(v.verdict, 'unchecked');
  assert.equal(v.digest, undefined);
  assert.match(v.reason, /^Could not check: /);
});

test('signatures in another registry are read only when the policy names that repository, and get none of the first registry\'s credentials', async (t) => {
  if (!requireTools(t)) return;
  const images = await registryForTest(t, { auth: { kind: 'htpasswd', username: 'alice', password: 's3cret-images' } });
  const sigs = await registryForTest(t);
  const spy = await startHttpServer((req, res) => forward(req, res, sigs.url));
  t.after(() => spy.close());
  const key = keyPair();
  const pub = keyFile(t, key);
  const image = await new Pusher(images.url, basic('alice', 's3cret-images')).image('team/app', '1', PLATFORMS[0]!);
  // cosign with COSIGN_REPOSITORY: the signature lives in the other registry, under the image digest's tag.
  await cosignSign(new Pusher(sigs.url), 'signatures/app', image.digest, key);
  const client = createOciClient({ credentials: staticCredentials({ [images.host]: { username: 'alice', password: 's3cret-images' } }), timeoutMs: 5000 });
  const ref = `${images.host}/team/app:1`;

  const own = await new SignatureVerifier(client).verify(ref, trust(ref, keyPolicy([pub])));
  assert.equal(own.verdict, 'unsigned', own.reason);
  assert.equal(spy.requests.length, 0, 'nothing is read from a registry the policy does not name');

  const policy: SignaturePolicy = { policy: [{ images: `${images.host}/team/*`, keys: [pub], identities: [], signatureRepository: `${spy.host}/signatures/app` }] };
  const v = await new SignatureVerifier(client).verify(ref, trust(ref, policy));
  assert.equal(v.verdict, 'verified', v.reason);
  assert.ok(spy.requests.length > 0);
  for (const r of spy.requests) assert.equal(r.headers['authorization'], undefined, `${r.method} ${r.url} carried credentials`);
});

test('verdicts are cached per digest: a second check asks the registry nothing new but the tag', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const spy = await startHttpServer((req, res) => forward(req, res, reg.url));
  t.after(() => spy.close());
  const key = keyPair();
  const push = new Pusher(reg.url);
  const image = await push.image('cached/app', '1', PLATFORMS[0]!);
  await cosignSign(push, 'cached/app', image.digest, key);
  const v = verifier();
  const ref = `${spy.host}/cached/app:1@${image.digest}`;
  const spec = trust(ref, keyPolicy([keyFile(t, key)]));
  assert.equal((await v.verify(ref, spec)).verdict, 'verified');
  const asked = spy.requests.length;
  assert.equal((await v.verify(ref, spec)).verdict, 'verified');
  assert.deepEqual(spy.requests.slice(asked), [], 'the second verdict came from the cache');
});
