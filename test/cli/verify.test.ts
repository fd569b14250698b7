// `shipshape verify` and `scan --resolve` with a signature policy, against Debian's real registry on loopback:
// images signed by the test's own cosign key, unsigned, signed with another key, a payload naming another
// digest, and a multi-arch index signed at its index digest. The built CLI runs as a process.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pusher, registryForTest, requireTools, tempDir } from '../support/registry';
import { fingerprint, pushVerdictImages } from '../support/signing';
import { runCliAsync } from './run';

const cli = (args: string[], cwd: string) => runCliAsync(args, cwd, { DOCKER_CONFIG: join(cwd, '.no-docker') });

function workspace(t: TestContext, files: Record<string, string>): string {
  const dir = tempDir('shipshape-verify-');
  t.after(() => dir.remove());
  mkdirSync(join(dir.path, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir.path, name, '..'), { recursive: true });
    writeFileSync(join(dir.path, name), text);
  }
  return dir.path;
}

interface Fixture {
  host: string;
  pub: string;
  digests: Record<'signed' | 'unsigned' | 'foreign' | 'moved' | 'multi', string>;
}

/** Five images in one registry, one per verdict case, signed (or not) with a key the test made. */
async function fixture(t: TestContext): Promise<Fixture> {
  const reg = await registryForTest(t);
  const { key, digests } = await pushVerdictImages(new Pusher(reg.url));
  return { host: reg.host, pub: key.publicPem, digests };
}

function files(f: Fixture, policy: boolean): Record<string, string> {
  return {
    'cosign.pub': f.pub,
    ...(policy ? { '.shipshape.yaml': `signatures:\n  policy:\n    - images: "${f.host}/team/*"\n      keys: [cosign.pub]\n` } : {}),
    Dockerfile: `FROM ${f.host}/team/signed:1\nFROM ${f.host}/team/multi:1\n`,
    'k8s/deploy.yaml': [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      `    - {name: a, image: "${f.host}/team/unsigned:1"}`,
      `    - {name: b, image: "${f.host}/team/foreign:1"}`,
      `    - {name: c, image: "${f.host}/team/moved:1"}`,
      `    - {name: d, image: "${f.host}/team/signed:1"}`,
      '',
    ].join('\n'),
  };
}

test('verify --format json: one entry per image with verdict, signer, reason and every site; exit 1 when one is not verified', async (t) => {
  if (!requireTools(t)) return;
  const f = await fixture(t);
  const dir = workspace(t, files(f, true));
  const r = await cli(['verify', '--format', 'json'], dir);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { version: number; images: { image: string; digest: string | null; verdict: string; signer: string | null; reason: string; sites: { file: string; range: object }[] }[] };
  assert.equal(out.version, 1);
  const signer = `${fingerprint(f.pub)} (cosign.pub)`;
  const by = Object.fromEntries(out.images.map((i) => [i.image.split('/team/')[1], i]));
  assert.deepEqual(Object.keys(by).sort(), ['foreign:1', 'moved:1', 'multi:1', 'signed:1', 'unsigned:1']);
  assert.deepEqual(by['signed:1'], {
    image: `${f.host}/team/signed:1`,
    digest: f.digests.signed,
    verdict: 'verified',
    signer,
    reason: `Signed by ${signer}, verified.`,
    sites: [
      { file: 'Dockerfile', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 + `${f.host}/team/signed:1`.length } } },
      { file: 'k8s/deploy.yaml', range: { start: { line: 8, character: 24 }, end: { line: 8, character: 24 + `${f.host}/team/signed:1`.length } } },
    ],
  });
  assert.deepEqual([by['multi:1']!.verdict, by['multi:1']!.digest, by['multi:1']!.signer], ['verified', f.digests.multi, signer]);
  assert.deepEqual([by['unsigned:1']!.verdict, by['unsigned:1']!.signer], ['unsigned', null]);
  assert.equal(by['foreign:1']!.verdict, 'untrusted');
  assert.match(by['foreign:1']!.reason, /^Wrong key: /);
  assert.equal(by['moved:1']!.verdict, 'invalid');
  assert.match(by['moved:1']!.reason, /^Digest mismatch: /);
});

test('verify text output: one line per image (digest, verdict, signer, image); exit 0 when all are verified', async (t) => {
  if (!requireTools(t)) return;
  const f = await fixture(t);
  const dir = workspace(t, { ...files(f, true), 'k8s/deploy.yaml': '' });
  const r = await cli(['verify'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const signer = `${fingerprint(f.pub)} (cosign.pub)`;
  assert.equal(r.stdout, `${f.digests.signed}  verified  ${signer}  ${f.host}/team/signed:1\n${f.digests.multi}  verified  ${signer}  ${f.host}/team/multi:1\n`);
});

test('verify --key without a policy checks every image; a policy without --key checks only the images it names', async (t) => {
  if (!requireTools(t)) return;
  const f = await fixture(t);
  const dir = workspace(t, files(f, false));
  const withKey = await cli(['verify', '--key', 'cosign.pub', 'Dockerfile'], dir);
  assert.equal(withKey.status, 0, withKey.stderr);
  assert.equal(withKey.stdout.split('\n').filter(Boolean).length, 2);
  const none = await cli(['verify'], dir);
  assert.equal(none.status, 0);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /no image to check/);
  const narrow = workspace(t, { ...files(f, false), '.shipshape.yaml': `signatures:\n  policy:\n    - images: "${f.host}/team/unsigned"\n      keys: [cosign.pub]\n` });
  const r = await cli(['verify', '--format', 'json'], narrow);
  assert.equal(r.status, 1);
  assert.deepEqual((JSON.parse(r.stdout) as { images: { verdict: string }[] }).images.map((i) => i.verdict), ['unsigned']);
});

test('verify usage errors exit 2: unreadable --key, unknown option, a key that is not PEM', async (t) => {
  const dir = workspace(t, { Dockerfile: 'FROM alpine:3.20\n', 'bad.pub': 'not a key\n' });
  for (const args of [['verify', '--key', 'missing.pub'], ['verify', '--bogus'], ['verify', '--key', 'bad.pub'], ['verify', '--format', 'xml']]) {
    const r = await cli(args, dir);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^shipshape: /);
  }
});

test('scan --resolve turns the policy into registry/image-signature findings; plain scan never checks', async (t) => {
  if (!requireTools(t)) return;
  const f = await fixture(t);
  const dir = workspace(t, files(f, true));
  const r = await cli(['scan', '--resolve', '--format', 'json', '--fail-on', 'none', 'k8s'], dir);
  assert.equal(r.status, 0, r.stderr);
  const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; message: string; range: { start: { line: number } } }[] }).findings.filter((x) => x.ruleId === 'registry/image-signature');
  assert.deepEqual(
    findings.map((x) => [x.range.start.line, x.severity, x.message.split('. ')[0]]),
    [
      [5, 'error', `\`${f.host}/team/unsigned:1\` has no valid signature from a trusted signer`],
      [6, 'error', `\`${f.host}/team/foreign:1\` is signed, but not by a trusted signer`],
      [7, 'error', `\`${f.host}/team/moved:1\` has no valid signature from a trusted signer`],
    ],
  );
  const plain = await cli(['scan', '--format', 'json', '--fail-on', 'none', 'k8s'], dir);
  assert.ok(!plain.stdout.includes('registry/image-signature'));
});
