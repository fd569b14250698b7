// `shipshape pin` and `scan --resolve` against Debian's real registry on loopback: the built CLI run as a process.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pusher, forward, registryForTest, requireTools, startHttpServer, tempDir } from '../support/registry';
import { runCliAsync, type CliRun } from './run';

const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
];

// The user's Docker config must not be read: every credential a test uses is given explicitly.
const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => runCliAsync(args, cwd, { DOCKER_CONFIG: join(cwd, '.no-docker'), ...env });

function workspace(t: TestContext, files: Record<string, string>): string {
  const dir = tempDir('shipshape-pin-');
  t.after(() => dir.remove());
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir.path, name, '..'), { recursive: true });
    writeFileSync(join(dir.path, name), text);
  }
  return dir.path;
}

test('pin: a multi-arch tag gets its index digest in a Dockerfile and a quoted manifest image, and prints the change', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const { index, children } = await push.multiArch('team/app', '1.0', PLATFORMS);
  const single = await push.image('team/tool', 'v2', { os: 'linux', architecture: 'amd64' });
  const dir = workspace(t, {
    Dockerfile: `FROM ${reg.host}/team/app:1.0 AS build\nFROM build\nFROM scratch\n`,
    'k8s/pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: "${reg.host}/team/tool:v2"\n`,
  });
  const r = await cli(['pin'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), `FROM ${reg.host}/team/app:1.0@${index.digest} AS build\nFROM build\nFROM scratch\n`);
  assert.ok(!children.some((c) => readFileSync(join(dir, 'Dockerfile'), 'utf8').includes(c.digest)), 'never a platform manifest');
  assert.match(readFileSync(join(dir, 'k8s/pod.yaml'), 'utf8'), new RegExp(`image: "${reg.host}/team/tool:v2@${single.digest}"\\n$`));
  assert.equal(
    r.stdout,
    `Dockerfile:1 ${reg.host}/team/app:1.0 -> ${reg.host}/team/app:1.0@${index.digest}\n` +
      `k8s/pod.yaml:8 ${reg.host}/team/tool:v2 -> ${reg.host}/team/tool:v2@${single.digest}\n` +
      'changed 2 references, 0 already current, 0 unresolved\n',
  );

  const again = await cli(['pin'], dir);
  assert.equal(again.status, 0);
  assert.equal(again.stdout, 'changed 0 references, 2 already current, 0 unresolved\n');
});

test('pin --dry-run leaves files unchanged and reports what would change as JSON', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const { index } = await new Pusher(reg.url).multiArch('team/app', '1.0', PLATFORMS);
  const text = `FROM ${reg.host}/team/app:1.0\n`;
  const dir = workspace(t, { Dockerfile: text });
  const r = await cli(['pin', '--dry-run', '--format', 'json', 'Dockerfile'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), text);
  assert.deepEqual(JSON.parse(r.stdout), {
    version: 1,
    dryRun: true,
    changes: [{ file: 'Dockerfile', line: 1, old: `${reg.host}/team/app:1.0`, new: `${reg.host}/team/app:1.0@${index.digest}`, kind: 'pin' }],
    unchanged: 0,
    failures: [],
  });
});

test('pin exits 1 when a reference cannot be resolved, still pinning the others; 2 on usage errors', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const { index } = await new Pusher(reg.url).multiArch('team/app', '1.0', PLATFORMS);
  const dir = workspace(t, { Dockerfile: `FROM ${reg.host}/team/app:1.0\nFROM ${reg.host}/team/missing:9\n` });
  const r = await cli(['pin'], dir);
  assert.equal(r.status, 1);
  assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), `FROM ${reg.host}/team/app:1.0@${index.digest}\nFROM ${reg.host}/team/missing:9\n`);
  assert.match(r.stderr, new RegExp(`^Dockerfile:2 cannot resolve ${reg.host}/team/missing:9: .*not found`, 'm'));
  assert.equal((await cli(['pin', '--format', 'xml'], dir)).status, 2);
  assert.equal((await cli(['pin', 'nope'], dir)).status, 2);
});

test('scan never touches the network; scan --resolve reports drift with an "Update digest" fix', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const push = new Pusher(reg.url);
  const old = await push.multiArch('team/app', '1.0', PLATFORMS);
  const moved = await push.multiArch('team/app', '1.0', PLATFORMS);
  const spy = await startHttpServer((req, res) => forward(req, res, reg.url));
  t.after(() => spy.close());
  const dir = workspace(t, { Dockerfile: `FROM ${spy.host}/team/app:1.0@${old.index.digest}\nUSER 10001\n` });

  const plain = await cli(['scan', '--format', 'json', '--fail-on', 'none'], dir);
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal(spy.requests.length, 0, 'plain scan made no registry request');
  assert.ok(!JSON.parse(plain.stdout).findings.some((f: { ruleId: string }) => f.ruleId.startsWith('registry/')));

  const resolved = await cli(['scan', '--resolve', '--format', 'json', '--fail-on', 'none'], dir);
  assert.equal(resolved.status, 0, resolved.stderr);
  assert.ok(spy.requests.length > 0);
  const drift = JSON.parse(resolved.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'registry/digest-drift');
  assert.equal(drift.length, 1);
  assert.equal(drift[0].severity, 'info');
  assert.equal(drift[0].fix.title, 'Update digest');
  assert.deepEqual(drift[0].fix.edits, [{ range: { start: { line: 0, character: spy.host.length + 19 }, end: { line: 0, character: spy.host.length + 90 } }, newText: moved.index.digest }]);
});

test('scan --resolve notes an image it cannot resolve (closed port) with one clear message', async (t) => {
  const dir = workspace(t, { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: 127.0.0.1:9/team/app:1.0\n' });
  const r = await cli(['scan', '--resolve', '--format', 'json', '--fail-on', 'none'], dir);
  assert.equal(r.status, 0, r.stderr);
  const notes = JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'registry/unresolved-image');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /^Could not resolve `127\.0\.0\.1:9\/team\/app:1\.0`: \S/);
  assert.deepEqual(notes[0].range, { start: { line: 7, character: 13 }, end: { line: 7, character: 37 } });
});

test('nothing of the credentials appears in pin or scan output, with a Basic-auth registry (right and wrong password)', async (t) => {
  if (!requireTools(t, ['docker-registry', 'htpasswd'])) return;
  const password = 'S3cret-Pin-Passw0rd';
  const reg = await registryForTest(t, { auth: { kind: 'htpasswd', username: 'pinner', password } });
  const basic = Buffer.from(`pinner:${password}`).toString('base64');
  const { index } = await new Pusher(reg.url, `Basic ${basic}`).multiArch('private/app', '2', PLATFORMS);
  const dir = workspace(t, { Dockerfile: `FROM ${reg.host}/private/app:2\n` });
  const writeConfig = (pw: string): void => {
    mkdirSync(join(dir, '.docker'), { recursive: true });
    writeFileSync(join(dir, '.docker/config.json'), JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from(`pinner:${pw}`).toString('base64') } } }));
  };
  const env = { DOCKER_CONFIG: join(dir, '.docker') };
  const leaks = (r: CliRun, secrets: string[]): string[] => secrets.filter((s) => r.stdout.includes(s) || r.stderr.includes(s));

  writeConfig('wrong-password-123');
  const denied = await cli(['pin', '--format', 'json'], dir, env);
  assert.equal(denied.status, 1);
  assert.equal(JSON.parse(denied.stdout).failures[0].error.kind, 'denied');
  assert.deepEqual(leaks(denied, ['wrong-password-123', Buffer.from('pinner:wrong-password-123').toString('base64')]), []);

  writeConfig(password);
  const resolvedScan = await cli(['scan', '--resolve', '--format', 'sarif', '--fail-on', 'none'], dir, env);
  assert.equal(resolvedScan.status, 0, resolvedScan.stderr);
  const pinned = await cli(['pin'], dir, env);
  assert.equal(pinned.status, 0, pinned.stderr);
  assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), `FROM ${reg.host}/private/app:2@${index.digest}\n`);
  for (const r of [resolvedScan, pinned]) assert.deepEqual(leaks(r, [password, basic]), []);
});

test('pin: Compose images are pinned in place (comments, anchors and quoting kept); built and interpolated ones are left', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const single = await new Pusher(reg.url).image('team/db', '17', { os: 'linux', architecture: 'amd64' });
  const compose = (db: string) =>
    `x-base: &base\n  restart: always # keep\nservices:\n  db:\n    <<: *base\n    image: '${db}' # the database\n  api:\n    build: ./api\n    image: ${reg.host}/team/api:dev\n  cache:\n    image: \${CACHE_IMAGE:-redis:7.4}\n`;
  const dir = workspace(t, { 'compose.yaml': compose(`${reg.host}/team/db:17`) });
  const r = await cli(['pin'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'compose.yaml'), 'utf8'), compose(`${reg.host}/team/db:17@${single.digest}`));
  assert.equal(r.stdout, `compose.yaml:6 ${reg.host}/team/db:17 -> ${reg.host}/team/db:17@${single.digest}\nchanged 1 reference, 0 already current, 0 unresolved\n`);
});
