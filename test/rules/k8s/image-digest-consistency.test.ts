// k8s/image-digest-consistency: the same repository at different digests, or pinned and floating, across files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/rules/k8s/image-digest-consistency';
import { runWorkspace, workspaceRuleTester } from '../../support/workspaceRuleTester';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
/** A Pod whose image value starts on line 8, column 14 (1-based). */
const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;
const at = (image: string) => `8:14-8:${14 + image.length}`;
const app = (suffix: string) => `registry.example.com/team/app${suffix}`;

workspaceRuleTester(rule, {
  valid: [
    { name: 'the same digest everywhere', files: { 'a.yaml': pod(app(`:1.4@${A}`)), 'b.yaml': pod(app(`@${A}`)) } },
    { name: 'floating everywhere (tags are not compared)', files: { 'a.yaml': pod(app(':1.4')), 'b.yaml': pod(app(':1.5')) } },
    { name: 'different repositories', files: { 'a.yaml': pod(app(`@${A}`)), 'b.yaml': pod(`registry.example.com/team/other@${B}`) } },
    { name: 'Docker Hub short and long forms are one repository', files: { 'a.yaml': pod(`nginx:1.27@${A}`), 'b.yaml': pod(`docker.io/library/nginx:1.27@${A}`) } },
    { name: 'switched off by configuration', files: { 'a.yaml': pod(app(`@${A}`)), 'b.yaml': pod(app(`@${B}`)) }, config: { rules: { 'k8s/image-digest-consistency': 'off' } } },
  ],
  invalid: [
    {
      name: 'two digests in two files: one finding per site, naming the other file',
      files: { 'a.yaml': pod(app(`:1.4@${A}`)), 'b.yaml': pod(app(`:1.4@${B}`)) },
      errors: [
        { path: 'a.yaml', messageId: 'otherDigest', range: at(app(`:1.4@${A}`)) },
        { path: 'b.yaml', messageId: 'otherDigest', range: at(app(`:1.4@${B}`)) },
      ],
    },
    {
      name: 'pinned in one file, floating in another',
      files: { 'prod/web.yaml': pod(app(`:1.4@${A}`)), 'dev/web.yaml': pod(app(':1.4')) },
      errors: [
        { path: 'dev/web.yaml', messageId: 'floatingHere', range: at(app(':1.4')) },
        { path: 'prod/web.yaml', messageId: 'floatingElsewhere', range: at(app(`:1.4@${A}`)) },
      ],
    },
    {
      name: 'Docker Hub short form floating, long form pinned',
      files: { 'a.yaml': pod('nginx:1.27'), 'b.yaml': pod(`docker.io/library/nginx:1.27@${A}`) },
      errors: [
        { path: 'a.yaml', messageId: 'floatingHere', range: at('nginx:1.27') },
        { path: 'b.yaml', messageId: 'floatingElsewhere', range: at(`docker.io/library/nginx:1.27@${A}`) },
      ],
    },
  ],
});

test('k8s/image-digest-consistency: the message names the repository as written and every other file', () => {
  const run = runWorkspace(rule, {
    name: 'three files',
    files: { 'a.yaml': pod(app(`:1@${A}`)), 'b.yaml': pod(app(`:1@${B}`)), 'c.yaml': pod(app(':1')) },
  });
  assert.deepEqual(
    run.findings.map(({ path, finding }) => `${path}: ${finding.message}`),
    [
      `a.yaml: \`registry.example.com/team/app\` is pinned to ${A} here but to another digest in b.yaml.`,
      `b.yaml: \`registry.example.com/team/app\` is pinned to ${B} here but to another digest in a.yaml.`,
      'c.yaml: `registry.example.com/team/app` floats on a tag here but is pinned by digest in a.yaml, b.yaml.',
    ],
  );
});
