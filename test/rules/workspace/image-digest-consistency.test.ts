// workspace/image-digest-consistency: the same repository at different digests, or pinned and floating, across files
// of every target (Dockerfile FROM, Compose image:, Kubernetes image:).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/rules/workspace/image-digest-consistency';
import { runWorkspace, workspaceRuleTester } from '../../support/workspaceRuleTester';
import { RULES, lint, ruleSetOf } from '../../../server/src/api';
import { parseConfig } from '../../../server/src/config/load';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
/** A Pod whose image value starts on line 8, column 14 (1-based). */
const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;
const at = (image: string) => `8:14-8:${14 + image.length}`;
const app = (suffix: string) => `registry.example.com/team/app${suffix}`;
/** A Compose service `web` whose image value starts on line 3, column 12 (1-based). */
const compose = (image: string, extra = '') => `services:\n  web:\n    image: ${image}\n${extra}`;
const composeAt = (image: string) => `3:12-3:${12 + image.length}`;
/** A Dockerfile whose first FROM image starts on line 1, column 6. */
const dockerfile = (image: string, rest = 'USER 10001\n') => `FROM ${image}\n${rest}`;
const fromAt = (image: string) => `1:6-1:${6 + image.length}`;

workspaceRuleTester(rule, {
  valid: [
    { name: 'the same digest everywhere', files: { 'a.yaml': pod(app(`:1.4@${A}`)), 'b.yaml': pod(app(`@${A}`)) } },
    { name: 'floating everywhere (tags are not compared)', files: { 'a.yaml': pod(app(':1.4')), 'b.yaml': pod(app(':1.5')) } },
    { name: 'different repositories', files: { 'a.yaml': pod(app(`@${A}`)), 'b.yaml': pod(`registry.example.com/team/other@${B}`) } },
    { name: 'Docker Hub short and long forms are one repository', files: { 'a.yaml': pod(`nginx:1.27@${A}`), 'b.yaml': pod(`docker.io/library/nginx:1.27@${A}`) } },
    { name: 'switched off by configuration', files: { 'a.yaml': pod(app(`@${A}`)), 'b.yaml': pod(app(`@${B}`)) }, config: { rules: { 'workspace/image-digest-consistency': 'off' } } },
    {
      name: 'a FROM naming an earlier stage is not an image',
      files: { Dockerfile: `FROM golang:1.22@${A} AS build\nRUN go build\nFROM build\nUSER 10001\n`, 'pod.yaml': pod(`build@${B}`) },
    },
    {
      name: 'a FROM built from a build argument is not an image',
      files: { Dockerfile: `ARG BASE=${app(':1.4')}\nFROM \${BASE}\nUSER 10001\n`, 'pod.yaml': pod(app(`:1.4@${A}`)) },
    },
    {
      name: 'the image: of a Compose service that builds it names the build output',
      files: { 'compose.yaml': compose(app(':dev'), '    build: .\n'), Dockerfile: dockerfile('alpine:3.20'), 'pod.yaml': pod(app(`@${A}`)) },
    },
    {
      name: 'an interpolated Compose image is not compared',
      files: { 'compose.yaml': compose('${APP_IMAGE:-registry.example.com/team/app:1.4}'), 'pod.yaml': pod(app(`@${A}`)) },
    },
    {
      name: 'Dockerfile, Compose file and Deployment agreeing on the digest',
      files: { Dockerfile: dockerfile(app(`:1.4@${A}`)), 'compose.yaml': compose(app(`@${A}`)), 'pod.yaml': pod(app(`:1.4@${A}`)) },
    },
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
    {
      name: 'a Dockerfile FROM floating, a Compose image and a Kubernetes image pinned to different digests',
      files: { Dockerfile: dockerfile(app(':1.4')), 'compose.yaml': compose(app(`:1.4@${A}`)), 'k8s/pod.yaml': pod(app(`:1.4@${B}`)) },
      errors: [
        { path: 'Dockerfile', messageId: 'floatingHere', range: fromAt(app(':1.4')) },
        { path: 'compose.yaml', messageId: 'otherDigest', range: composeAt(app(`:1.4@${A}`)) },
        { path: 'k8s/pod.yaml', messageId: 'otherDigest', range: at(app(`:1.4@${B}`)) },
      ],
    },
    {
      name: 'a Dockerfile base image pinned, the same image floating in a Compose file',
      files: { 'app/Dockerfile': dockerfile(`node:20@${A}`), 'compose.yaml': compose('node:20') },
      errors: [
        { path: 'app/Dockerfile', messageId: 'floatingElsewhere', range: fromAt(`node:20@${A}`) },
        { path: 'compose.yaml', messageId: 'floatingHere', range: composeAt('node:20') },
      ],
    },
    {
      name: 'two stages of one Dockerfile disagree',
      files: { Dockerfile: `FROM ${app(`@${A}`)} AS base\nFROM ${app(':1.4')}\nUSER 10001\n` },
      errors: [
        { path: 'Dockerfile', messageId: 'floatingElsewhere', range: fromAt(app(`@${A}`)) },
        { path: 'Dockerfile', messageId: 'floatingHere', range: `2:6-2:${6 + app(':1.4').length}` },
      ],
    },
    {
      name: 'two Compose services of one file at different digests',
      files: { 'compose.yaml': compose(app(`@${A}`), `  worker:\n    image: ${app(`@${B}`)}\n`) },
      errors: [
        { path: 'compose.yaml', messageId: 'otherDigest', range: composeAt(app(`@${A}`)) },
        { path: 'compose.yaml', messageId: 'otherDigest', range: `5:12-5:${12 + app(`@${B}`).length}` },
      ],
    },
  ],
});

test('workspace/image-digest-consistency: the message names the repository as written and every other file', () => {
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

test('workspace/image-digest-consistency: a Dockerfile, a Compose file and a Deployment name each other', () => {
  const run = runWorkspace(rule, {
    name: 'three targets',
    files: { 'app/Dockerfile': dockerfile(app(':1.4')), 'compose.yaml': compose(app(`:1.4@${A}`)), 'deploy/web.yaml': pod(app(`:1.4@${B}`)) },
  });
  assert.deepEqual(
    run.findings.map(({ path, finding }) => `${path}: ${finding.message}`),
    [
      'app/Dockerfile: `registry.example.com/team/app` floats on a tag here but is pinned by digest in ../compose.yaml, ../deploy/web.yaml.',
      `compose.yaml: \`registry.example.com/team/app\` is pinned to ${A} here but to another digest in deploy/web.yaml.`,
      `deploy/web.yaml: \`registry.example.com/team/app\` is pinned to ${B} here but to another digest in ../compose.yaml.`,
    ],
  );
});

test('workspace/image-digest-consistency: a suppression in the Dockerfile silences its finding only', () => {
  const run = runWorkspace(rule, {
    name: 'suppressed FROM',
    files: {
      Dockerfile: `# shipshape-ignore workspace/image-digest-consistency -- the dev image follows the tag\nFROM ${app(':1.4')}\nUSER 10001\n`,
      'pod.yaml': pod(app(`:1.4@${A}`)),
    },
  });
  assert.deepEqual(run.findings.map(({ path, finding }) => `${path} ${finding.messageId}`), ['pod.yaml floatingElsewhere']);
  assert.deepEqual(run.suppressed.map(({ path, finding }) => `${path} ${finding.messageId}`), ['Dockerfile floatingHere']);
});

test('workspace/image-digest-consistency: settings and suppressions naming the former id k8s/image-digest-consistency still apply', () => {
  const FORMER = 'k8s/image-digest-consistency';
  // A suppression comment with the former id silences the finding and is not an unknown rule.
  const dockerfileText = `# shipshape-ignore ${FORMER} -- follows the tag\nFROM ${app(':1.4')}\nUSER 10001\n`;
  const run = runWorkspace(rule, { name: 'former id suppression', files: { Dockerfile: dockerfileText, 'pod.yaml': pod(app(`:1.4@${A}`)) } });
  assert.deepEqual(run.suppressed.map(({ path, finding }) => `${path} ${finding.messageId}`), ['Dockerfile floatingHere']);
  assert.deepEqual(lint({ path: 'Dockerfile', text: dockerfileText }, {}).findings.filter((f) => f.ruleId === 'shipshape/suppression'), []);
  // A .shipshape.yaml with the former id validates and switches the rule off; the current id wins when both are set.
  const config = parseConfig('/ws/.shipshape.yaml', `rules:\n  ${FORMER}: off\n`, RULES.map((r) => r.meta));
  assert.deepEqual([config.diagnostics, config.lint.rules], [[], { 'workspace/image-digest-consistency': 'off' }]);
  const both = parseConfig('/ws/.shipshape.yaml', `rules:\n  ${FORMER}: off\n  workspace/image-digest-consistency: error\n`, RULES.map((r) => r.meta));
  assert.deepEqual(both.lint.rules, { 'workspace/image-digest-consistency': 'error' });
  assert.deepEqual(runWorkspace(rule, { name: 'former id off', files: { 'a.yaml': pod(app(`@${A}`)), 'b.yaml': pod(app(`@${B}`)) }, config: config.lint }).findings, []);
  // A former id cannot be reused by another rule.
  const other = RULES.find((r) => r.meta.id === 'k8s/no-privileged')!;
  assert.throws(() => ruleSetOf([rule, { ...other, meta: { ...other.meta, id: FORMER } } as typeof other]), /duplicate rule id/);
});
