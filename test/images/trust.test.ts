// The trusted-registry matcher shared by dockerfile/trusted-registry and k8s/trusted-registry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTrustedImage, parseImageRef, trustedPatterns, untrustedSpan } from '../../server/src/images';

// [image, patterns, trusted]
const cases: [string, string[], boolean][] = [
  ['ghcr.io/acme/app:1.0', ['ghcr.io/acme'], true],
  ['ghcr.io/acme/tools/cli:2', ['ghcr.io/acme'], true],
  ['ghcr.io/acme-evil/app:1', ['ghcr.io/acme'], false],
  ['ghcr.io/evil/app:1', ['ghcr.io/acme'], false],
  ['ghcr.io/acme/app:1.0', ['ghcr.io/acme/'], true],
  ['ghcr.io/acme/app:1.0', ['ghcr.io'], true],
  // Letter case never matters, on either side.
  ['GHCR.io/acme/app:1.0', ['ghcr.io/acme'], true],
  ['ghcr.io/acme/app:1.0', ['GHCR.IO/Acme'], true],
  ['Registry.Example.com/app:1', ['registry.example.com'], true],
  // Wildcards stay within one name part.
  ['eu.acme.io/app:1', ['*.acme.io'], true],
  ['a.b.acme.io/app:1', ['*.acme.io'], true],
  ['acme.io.evil.com/app:1', ['*.acme.io'], false],
  ['ghcr.io/acme/app:1', ['ghcr.io/*/app'], true],
  ['ghcr.io/acme/other:1', ['ghcr.io/*/app'], false],
  ['quay.io/x:1', ['*'], true],
  // Docker Hub: no registry written, its aliases, and library/ for official images.
  ['nginx:1.27', ['docker.io'], true],
  ['nginx:1.27', ['index.docker.io'], true],
  ['nginx:1.27', ['docker.io/library'], true],
  ['nginx:1.27', ['docker.io/nginx'], true],
  ['library/nginx:1.27', ['docker.io/library/nginx'], true],
  ['index.docker.io/acme/app', ['docker.io/acme'], true],
  ['nginx:1.27', ['docker.io/acme'], false],
  ['nginx:1.27', ['registry.example.com'], false],
  ['localhost:5000/app:1', ['localhost:5000'], true],
  ['localhost:5000/app:1', ['localhost'], false],
  ['https-scheme.example/app', ['https://https-scheme.example'], true],
];

for (const [image, patterns, expected] of cases) {
  test(`${image} with ${JSON.stringify(patterns)} is ${expected ? '' : 'not '}trusted`, () => {
    const ref = parseImageRef(image);
    assert.ok(ref);
    assert.equal(isTrustedImage(ref, patterns), expected);
  });
}

test('the span to underline: the registry when no pattern names its host, else the name', () => {
  const span = (image: string, patterns: string[]) => {
    const ref = parseImageRef(image)!;
    const s = untrustedSpan(ref, patterns);
    return ref.original.slice(s.start, s.end);
  };
  assert.equal(span('quay.io/team/app:1.2', ['ghcr.io/acme']), 'quay.io');
  assert.equal(span('ghcr.io/evil/app:1.2', ['ghcr.io/acme']), 'ghcr.io/evil/app');
  assert.equal(span('node:22@sha256:' + 'a'.repeat(64), ['ghcr.io']), 'node');
});

test('option values from settings keep only non-empty strings', () => {
  assert.deepEqual(trustedPatterns([' ghcr.io/acme ', '', 3, null, 'quay.io']), ['ghcr.io/acme', 'quay.io']);
  assert.deepEqual(trustedPatterns('ghcr.io'), []);
});
