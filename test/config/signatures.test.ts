// The `signatures` policy of .shipshape.yaml: validated by the shipped schema, paths made absolute, and which
// images an entry covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../server/src/api';
import { parseConfig } from '../../server/src/config';
import { parseReference } from '../../server/src/oci';
import { imageMatches, trustFor } from '../../server/src/signatures';

const metas = RULES.map((r) => r.meta);

function ref(text: string) {
  const parsed = parseReference(text);
  assert.ok(parsed.ok);
  return parsed.ref;
}

test('signatures: a valid policy is read with key and root paths relative to the config file', () => {
  const text = [
    'signatures:',
    '  trustedRoot: sigstore/root.json',
    '  policy:',
    '    - images: "ghcr.io/acme/*"',
    '      keys: [keys/cosign.pub, /etc/keys/ops.pub]',
    '      identities:',
    '        - {issuer: "https://token.actions.githubusercontent.com", subject: "https://github.com/acme/*"}',
    '    - images: nginx',
    '      signatureRepository: registry.example.com/signatures',
    '',
  ].join('\n');
  const config = parseConfig('/repo/.shipshape.yaml', text, metas);
  assert.deepEqual(config.diagnostics, []);
  assert.deepEqual(config.lint.signatures, {
    trustedRoot: '/repo/sigstore/root.json',
    policy: [
      { images: 'ghcr.io/acme/*', keys: ['/repo/keys/cosign.pub', '/etc/keys/ops.pub'], identities: [{ issuer: 'https://token.actions.githubusercontent.com', subject: 'https://github.com/acme/*' }] },
      { images: 'nginx', keys: [], identities: [], signatureRepository: 'registry.example.com/signatures' },
    ],
  });
});

test('signatures: schema errors point into the file and drop only the broken entry', () => {
  const text = ['signatures:', '  policy:', '    - keys: [a.pub]', '    - images: "x/*"', '      identities: [{issuer: i}]', '      key: [b.pub]', '    - images: ok', ''].join('\n');
  const config = parseConfig('/repo/.shipshape.yaml', text, metas);
  assert.deepEqual(
    config.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`),
    [
      '3:7 error Missing `images`. This entry is ignored.',
      '5:20 error Missing `subject`. This entry is ignored.',
      '6:7 warning Unknown setting `key`. This entry is ignored.',
    ],
  );
  assert.deepEqual(config.lint.signatures?.policy.map((e) => e.images), ['x/*', 'ok']);
});

test('signatures: image globs match the full name and the short Docker Hub form, never tags', () => {
  const cases: [string, string, boolean][] = [
    ['ghcr.io/acme/*', 'ghcr.io/acme/app:1.2', true],
    ['ghcr.io/acme/*', 'ghcr.io/acme/team/app:1.2', false],
    ['ghcr.io/acme/**', 'ghcr.io/acme/team/app@sha256:' + 'a'.repeat(64), true],
    ['nginx', 'nginx:1.27', true],
    ['nginx', 'docker.io/library/nginx', true],
    ['docker.io/library/nginx', 'nginx:latest', true],
    ['bitnami/*', 'bitnami/redis:7', true],
    ['nginx', 'nginxinc/nginx-unprivileged', false],
    ['localhost:5000/app', 'localhost:5000/app:1', true],
    ['**', 'quay.io/x/y:z', true],
  ];
  for (const [glob, image, expected] of cases) assert.equal(imageMatches(glob, ref(image)), expected, `${glob} vs ${image}`);
});

test('signatures: trust comes from every matching entry; --key adds keys, and alone covers every image', () => {
  const policy = {
    policy: [
      { images: 'ghcr.io/acme/*', keys: ['/k/a.pub'], identities: [] },
      { images: 'ghcr.io/**', keys: [], identities: [{ issuer: 'i', subject: 's' }] },
    ],
  };
  const app = trustFor(policy, ref('ghcr.io/acme/app:1'), ['/k/extra.pub']);
  assert.deepEqual([app?.keyPaths, app?.identities, app?.signatureRepository.original], [['/k/a.pub', '/k/extra.pub'], [{ issuer: 'i', subject: 's' }], 'ghcr.io/acme/app:1']);
  assert.equal(trustFor(policy, ref('nginx:1'), ['/k/extra.pub']), undefined, 'a policy decides which images are checked');
  assert.deepEqual(trustFor(undefined, ref('nginx:1'), ['/k/extra.pub'])?.keyPaths, ['/k/extra.pub']);
  assert.equal(trustFor(undefined, ref('nginx:1')), undefined);
});
