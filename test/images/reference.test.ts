import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiHost, canonicalString, familiarString, formatPinned, isImagePlaceholder, parseImageRef, parseReference } from '../../server/src/images';

const D = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;

// [input, domain, path, tag, digest, canonical] — expectations follow distribution/reference's own tests.
const valid: [string, string, string, string | undefined, string | undefined, string][] = [
  ['ubuntu', 'docker.io', 'library/ubuntu', undefined, undefined, 'docker.io/library/ubuntu:latest'],
  ['docker.io/ubuntu', 'docker.io', 'library/ubuntu', undefined, undefined, 'docker.io/library/ubuntu:latest'],
  ['index.docker.io/library/ubuntu:22.04', 'docker.io', 'library/ubuntu', '22.04', undefined, 'docker.io/library/ubuntu:22.04'],
  ['index.docker.io/ubuntu', 'docker.io', 'library/ubuntu', undefined, undefined, 'docker.io/library/ubuntu:latest'],
  ['library/debian', 'docker.io', 'library/debian', undefined, undefined, 'docker.io/library/debian:latest'],
  ['docker/docker', 'docker.io', 'docker/docker', undefined, undefined, 'docker.io/docker/docker:latest'],
  ['test_com/foo', 'docker.io', 'test_com/foo', undefined, undefined, 'docker.io/test_com/foo:latest'],
  ['library/foo/bar', 'docker.io', 'library/foo/bar', undefined, undefined, 'docker.io/library/foo/bar:latest'],
  ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined, 'docker.io/library/nginx:1.27'],
  ['gcr.io/x/y', 'gcr.io', 'x/y', undefined, undefined, 'gcr.io/x/y:latest'],
  ['ghcr.io/owner/app:v1.2.3', 'ghcr.io', 'owner/app', 'v1.2.3', undefined, 'ghcr.io/owner/app:v1.2.3'],
  ['localhost/app', 'localhost', 'app', undefined, undefined, 'localhost/app:latest'],
  ['localhost:5000/a/b:t', 'localhost:5000', 'a/b', 't', undefined, 'localhost:5000/a/b:t'],
  [`localhost:5000/a/b:t@${D}`, 'localhost:5000', 'a/b', 't', D, `localhost:5000/a/b@${D}`],
  [`busybox@${D}`, 'docker.io', 'library/busybox', undefined, D, `docker.io/library/busybox@${D}`],
  ['127.0.0.1:5000/debian', '127.0.0.1:5000', 'debian', undefined, undefined, '127.0.0.1:5000/debian:latest'],
  ['test-com:8080/foo', 'test-com:8080', 'foo', undefined, undefined, 'test-com:8080/foo:latest'],
  ['[fc00::1]:5000/docker/docker', '[fc00::1]:5000', 'docker/docker', undefined, undefined, '[fc00::1]:5000/docker/docker:latest'],
  ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo', undefined, undefined, 'xn--n3h.com:18080/foo:latest'],
  // Uppercase first component is a host name (upstream TestParseRepositoryInfo: Foo/bar → domain "Foo").
  ['Foo/bar', 'Foo', 'bar', undefined, undefined, 'Foo/bar:latest'],
  ['dock__er/docker', 'docker.io', 'dock__er/docker', undefined, undefined, 'docker.io/dock__er/docker:latest'],
  ['docker---rules/docker', 'docker.io', 'docker---rules/docker', undefined, undefined, 'docker.io/docker---rules/docker:latest'],
  ['  alpine:3.20  ', 'docker.io', 'library/alpine', '3.20', undefined, 'docker.io/library/alpine:3.20'],
];

for (const [input, domain, path, tag, digest, canonical] of valid) {
  test(`parses ${JSON.stringify(input)}`, () => {
    const r = parseReference(input);
    assert.ok(r.ok, `expected ${input} to parse, got ${r.ok ? '' : r.message}`);
    assert.equal(r.ref.domain, domain);
    assert.equal(r.ref.path, path);
    assert.equal(r.ref.tag, tag);
    assert.equal(r.ref.digest, digest);
    assert.equal(canonicalString(r.ref), canonical);
  });
}

const invalid: [string, string][] = [
  ['$IMG', 'variable'],
  ['${BASE_IMAGE}:${TAG}', 'variable'],
  ['ubuntu:$VERSION', 'variable'],
  ['scratch', 'scratch'],
  ['', 'empty'],
  ['docker/Docker', 'invalid'],
  ['docker.io/docker/Docker', 'invalid'],
  ['foo/Bar', 'invalid'],
  ['https://github.com/docker/docker', 'invalid'],
  ['-docker', 'invalid'],
  ['docker///docker', 'invalid'],
  ['docker/', 'invalid'],
  ['dock..er/docker', 'invalid'],
  ['[fc00::1]:5000', 'invalid'],
  ['fc00::1:5000/debian', 'invalid'],
  ['1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', 'invalid'],
  ['ubuntu:-bad', 'invalid'],
  [`ubuntu@sha256:${'a'.repeat(63)}`, 'invalid'],
  [`ubuntu@md5:${'a'.repeat(32)}`, 'invalid'],
  [`ubuntu@sha256:${'A'.repeat(64)}`, 'invalid'],
  [`a/${'b'.repeat(260)}`, 'invalid'],
];

for (const [input, reason] of invalid) {
  test(`rejects ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)} as ${reason}`, () => {
    const r = parseReference(input);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.reason, reason);
      assert.ok(r.message.length > 0);
    }
  });
}

test('Docker Hub API calls go to registry-1.docker.io, other domains to themselves', () => {
  assert.equal(apiHost('docker.io'), 'registry-1.docker.io');
  assert.equal(apiHost('ghcr.io'), 'ghcr.io');
  assert.equal(apiHost('localhost:5000'), 'localhost:5000');
});

test('familiar form drops docker.io and library/ like the Docker CLI', () => {
  const cases: [string, string][] = [
    ['docker.io/library/ubuntu:22.04', 'ubuntu:22.04'],
    ['docker.io/library/foo/bar', 'library/foo/bar'],
    ['index.docker.io/dmcgowan/myapp', 'dmcgowan/myapp'],
    ['ghcr.io/o/r:t', 'ghcr.io/o/r:t'],
  ];
  for (const [input, expected] of cases) {
    const r = parseReference(input);
    assert.ok(r.ok);
    assert.equal(familiarString(r.ref), expected);
  }
});

test('formatPinned keeps the spelling and tag and replaces an existing digest', () => {
  assert.equal(formatPinned('nginx:1.27', D), `nginx:1.27@${D}`);
  assert.equal(formatPinned('nginx', D), `nginx@${D}`);
  assert.equal(formatPinned('index.docker.io/library/nginx:1.27', D), `index.docker.io/library/nginx:1.27@${D}`);
  assert.equal(formatPinned(`nginx:1.27@${D}`, D2), `nginx:1.27@${D2}`);
  assert.equal(formatPinned(`localhost:5000/a/b:t@${D}`, D2), `localhost:5000/a/b:t@${D2}`);
  assert.equal(formatPinned('$IMG', D), undefined);
  assert.equal(formatPinned('scratch', D), undefined);
  assert.equal(formatPinned('nginx', 'sha256:nothex'), undefined);
});

test('lenient parse: every part with its offsets, and why Docker would refuse the text', () => {
  const parts = (text: string) => {
    const ref = parseImageRef(text)!;
    const at = (s: { start: number; end: number } | undefined) => (s ? ref.original.slice(s.start, s.end) : undefined);
    return { domain: at(ref.spans.domain), repository: at(ref.spans.repository), name: at(ref.spans.name), tag: at(ref.spans.tag), digest: at(ref.spans.digest), problem: ref.problem };
  };
  assert.deepEqual(parts(`localhost:5000/a/b:t@${D}`), { domain: 'localhost:5000', repository: 'a/b', name: 'localhost:5000/a/b', tag: 't', digest: D, problem: undefined });
  assert.deepEqual(parts('nginx'), { domain: undefined, repository: 'nginx', name: 'nginx', tag: undefined, digest: undefined, problem: undefined });
  assert.deepEqual(parts('  ghcr.io/o/r:latest '), { domain: 'ghcr.io', repository: 'o/r', name: 'ghcr.io/o/r', tag: 'latest', digest: undefined, problem: undefined });
  // Still split, with the reason: upper-case repository, a variable, a bad tag.
  assert.deepEqual(parts('docker/Docker:1'), { domain: undefined, repository: 'docker/Docker', name: 'docker/Docker', tag: '1', digest: undefined, problem: 'repository name (docker/Docker) must be lowercase' });
  assert.equal(parts('${REGISTRY}/app:1').tag, '1');
  assert.ok(parts('app:-x').problem);
  assert.equal(parseImageRef('   '), undefined);
});

test('placeholders that tooling substitutes are not images', () => {
  for (const p of ['{IMAGE}', '${IMAGE}', '$IMAGE', '$(IMAGE)', '{{ .Image }}', '{{.Values.image.repository}}:{{.Values.image.tag}}', '<image>', 'registry.example.com/app:${TAG}']) assert.equal(isImagePlaceholder(p), true, p);
  for (const p of ['nginx:1.27', 'ghcr.io/o/r@sha256:abc', 'localhost:5000/a']) assert.equal(isImagePlaceholder(p), false, p);
});
