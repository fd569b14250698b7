// Auth against the real registry: htpasswd Basic, the distribution token flow with a test issuer, redirects
// that must not carry credentials, and error texts/logs that must never contain a secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type CredentialProvider,
  createOciClient,
  noCredentials,
  staticCredentials,
} from '../../server/src/oci';
import { Pusher, basic, forward, redirectingFrontDoor, registryForTest, requireTools, startHttpServer, startTokenIssuer, tempDir } from '../support/registry';

const IMG = { os: 'linux', architecture: 'amd64' };

/** Neither the secret nor any encoding of it we might have sent may appear in user-visible text. */
function assertNoSecret(text: string, user: string, secret: string): void {
  for (const s of [secret, Buffer.from(`${user}:${secret}`).toString('base64'), encodeURIComponent(secret)]) {
    assert.ok(!text.includes(s), `text leaks a credential: ${text}`);
  }
}

test('htpasswd Basic auth: credentials for the host work, missing or wrong ones are denied without leaking', async (t) => {
  if (!requireTools(t, ['docker-registry', 'htpasswd'])) return;
  const password = 'S3cret-pass-word!';
  const reg = await registryForTest(t, { auth: { kind: 'htpasswd', username: 'alice', password } });
  const pushed = await new Pusher(reg.url, basic('alice', password)).image('private/app', '1', IMG);
  const ref = `${reg.host}/private/app:1`;
  const logs: string[] = [];

  const ok = await createOciClient({ credentials: staticCredentials({ [reg.host]: { username: 'alice', password } }), log: (l) => logs.push(l) }).resolve(ref);
  assert.ok(ok.ok, ok.ok ? '' : ok.error.message);
  assert.equal(ok.value.digest, pushed.digest);

  const anonymous = await createOciClient({ credentials: noCredentials }).resolve(ref);
  assert.equal(anonymous.ok, false);
  if (!anonymous.ok) {
    assert.equal(anonymous.error.kind, 'denied');
    assert.match(anonymous.error.message, /requires credentials.*docker login/);
  }

  const wrongPassword = 'wrong-Pa55word';
  const wrong = await createOciClient({ credentials: staticCredentials({ [reg.host]: { username: 'alice', password: wrongPassword } }), log: (l) => logs.push(l) }).resolve(ref);
  assert.equal(wrong.ok, false);
  if (!wrong.ok) {
    assert.equal(wrong.error.kind, 'denied');
    assert.equal(wrong.error.status, 401);
    assertNoSecret(wrong.error.message, 'alice', wrongPassword);
    assertNoSecret(String(wrong.error.stack), 'alice', wrongPassword);
    assertNoSecret(JSON.stringify(wrong.error), 'alice', wrongPassword);
  }
  for (const line of logs) {
    assertNoSecret(line, 'alice', password);
    assertNoSecret(line, 'alice', wrongPassword);
  }
});

test('credentials for one registry are never sent to another registry', async (t) => {
  if (!requireTools(t, ['docker-registry', 'htpasswd'])) return;
  const reg = await registryForTest(t, { auth: { kind: 'htpasswd', username: 'alice', password: 'pw-for-other-host' } });
  await new Pusher(reg.url, basic('alice', 'pw-for-other-host')).image('private/app', '1', IMG);
  const spy = await startHttpServer((req, res) => forward(req, res, reg.url));
  t.after(() => spy.close());
  // Credentials exist, but for the registry's own host, not for the spy's host we are asking.
  const r = await createOciClient({ credentials: staticCredentials({ [reg.host]: { username: 'alice', password: 'pw-for-other-host' } }) }).resolve(`${spy.host}/private/app:1`);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.kind, 'denied');
  assert.ok(spy.requests.length > 0);
  assert.ok(spy.requests.every((q) => q.headers['authorization'] === undefined));
});

test('token auth: Basic credentials go to the realm, the Bearer token to the registry, tokens are cached', async (t) => {
  if (!requireTools(t, ['docker-registry', 'openssl'])) return;
  const dir = tempDir();
  t.after(() => dir.remove());
  const issuer = await startTokenIssuer(dir.path, { users: { bob: 'b0b-token-pass' } });
  t.after(() => issuer.close());
  const reg = await registryForTest(t, { auth: { kind: 'token', issuer } });
  const pushToken = issuer.mint([{ name: 'private/app', actions: ['pull', 'push'] }]);
  const pushed = await new Pusher(reg.url, `Bearer ${pushToken}`).multiArch('private/app', '2.0', [IMG, { os: 'linux', architecture: 'arm64' }]);

  const logs: string[] = [];
  const c = createOciClient({ credentials: staticCredentials({ [reg.host]: { username: 'bob', password: 'b0b-token-pass' } }), log: (l) => logs.push(l) });
  const r = await c.resolve(`${reg.host}/private/app:2.0`, { platforms: true });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, pushed.index.digest);
  assert.equal(r.value.platforms?.length, 2);

  assert.equal(issuer.server.requests.length, 1, 'one token serves the HEAD and the GET');
  const tokenReq = issuer.server.requests[0];
  const url = new URL(tokenReq?.url ?? '', issuer.server.url);
  assert.equal(url.pathname, '/token');
  assert.equal(url.searchParams.get('service'), 'test-registry');
  assert.deepEqual(url.searchParams.getAll('scope'), ['repository:private/app:pull']);
  assert.equal(tokenReq?.headers['authorization'], basic('bob', 'b0b-token-pass'));

  const again = await c.resolve(`${reg.host}/private/app:2.0`, { fresh: true });
  assert.ok(again.ok);
  assert.equal(issuer.server.requests.length, 1, 'cached token reused until expires_in');
  for (const line of logs) {
    assertNoSecret(line, 'bob', 'b0b-token-pass');
    assert.ok(!line.includes(pushToken.slice(-20)));
  }
});

test('token auth: anonymous pull token for a public repository (access_token field), denied for a private one', async (t) => {
  if (!requireTools(t, ['docker-registry', 'openssl'])) return;
  const dir = tempDir();
  t.after(() => dir.remove());
  const issuer = await startTokenIssuer(dir.path, { users: {}, publicRepositories: ['public/app'], field: 'access_token' });
  t.after(() => issuer.close());
  const reg = await registryForTest(t, { auth: { kind: 'token', issuer } });
  const push = new Pusher(reg.url, `Bearer ${issuer.mint([{ name: 'public/app', actions: ['pull', 'push'] }, { name: 'secret/app', actions: ['pull', 'push'] }])}`);
  const pub = await push.image('public/app', 'latest', IMG);
  await push.image('secret/app', 'latest', IMG);

  const c = createOciClient({ credentials: noCredentials });
  const r = await c.resolve(`${reg.host}/public/app`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, pub.digest);
  assert.equal(issuer.server.requests[0]?.headers['authorization'], undefined, 'anonymous token request');

  const denied = await c.resolve(`${reg.host}/secret/app`);
  assert.equal(denied.ok, false);
  if (!denied.ok) {
    assert.equal(denied.error.kind, 'denied');
    assert.match(denied.error.message, /requires credentials for secret\/app/);
  }
});

test('token auth: an identity token is exchanged by POST and wrong credentials are denied without leaking', async (t) => {
  if (!requireTools(t, ['docker-registry', 'openssl'])) return;
  const dir = tempDir();
  t.after(() => dir.remove());
  const refresh = 'refresh-7f3a9c1e-identity';
  const issuer = await startTokenIssuer(dir.path, { users: { bob: 'right-pass' }, refreshToken: refresh });
  t.after(() => issuer.close());
  const reg = await registryForTest(t, { auth: { kind: 'token', issuer } });
  const pushed = await new Pusher(reg.url, `Bearer ${issuer.mint([{ name: 'org/app', actions: ['pull', 'push'] }])}`).image('org/app', '1', IMG);

  const identity: CredentialProvider = { get: async (host) => (host === reg.host ? { kind: 'identity-token', token: refresh } : undefined) };
  const r = await createOciClient({ credentials: identity }).resolve(`${reg.host}/org/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, pushed.digest);
  const post = issuer.server.requests.find((q) => q.method === 'POST');
  assert.ok(post, 'token exchanged by POST');
  assert.ok(!post.url.includes(refresh), 'refresh token never in a URL');

  const bad = await createOciClient({ credentials: staticCredentials({ [reg.host]: { username: 'bob', password: 'Wr0ng-pass' } }) }).resolve(`${reg.host}/org/app:1`);
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.equal(bad.error.kind, 'denied');
    assert.match(bad.error.message, /token service .* rejected the configured credentials/);
    assertNoSecret(bad.error.message, 'bob', 'Wr0ng-pass');
  }
});

test('a redirect to another host does not carry the Authorization header', async (t) => {
  if (!requireTools(t)) return;
  const reg = await registryForTest(t);
  const pushed = await new Pusher(reg.url).multiArch('moved/app', '1', [IMG]);
  // The registry the user has credentials for demands Basic auth, then redirects to another loopback host.
  const secret = 'front-door-secret';
  const { front, other } = await redirectingFrontDoor(t, reg.url, 'carol', secret);

  const r = await createOciClient({ credentials: staticCredentials({ [front.host]: { username: 'carol', password: secret } }) }).resolve(`${front.host}/moved/app:1`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.digest, pushed.index.digest);
  assert.ok(front.requests.some((q) => q.headers['authorization'] === basic('carol', secret)), 'the front registry got the credentials');
  assert.ok(other.requests.length > 0, 'the redirect was followed');
  for (const q of other.requests) {
    assert.equal(q.headers['authorization'], undefined);
    assertNoSecret(JSON.stringify(q.headers), 'carol', secret);
  }
});
