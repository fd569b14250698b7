// Each Dockerfile suppression syntax, ours and the peers', silences exactly its targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleSetOf, RULES, type Rule } from '../../server/src/api';
import { outcome, pick, suppressionTable, type SuppressionCase } from './helpers';

const LATEST = 'dockerfile/no-latest-tag';
const df = (...lines: string[]) => `${lines.join('\n')}\n`;


const cases: SuppressionCase[] = [
  {
    name: 'ours: the comment silences the next instruction only',
    code: df('# shipshape-ignore dockerfile/no-latest-tag -- vendor image, pinned by the mirror', 'FROM node:latest AS a', 'FROM ubuntu:latest'),
    reported: [`${LATEST}@3`],
    suppressed: [`${LATEST}@2 by shipshape`],
  },
  {
    name: 'ours: the whole instruction, including continuation lines, with blank and comment lines between',
    code: df('# shipshape-ignore dockerfile/no-latest-tag -- reviewed', '# another comment', '', 'FROM \\', '  node:latest'),
    reported: [],
    suppressed: [`${LATEST}@5 by shipshape`],
  },
  {
    name: 'ours: continuation with a backtick escape directive',
    code: df('# escape=`', '# shipshape-ignore dockerfile/no-latest-tag -- windows base', 'FROM `', '  mcr.microsoft.com/windows/servercore:latest', 'FROM node:latest'),
    reported: [`${LATEST}@5`],
    suppressed: [`${LATEST}@4 by shipshape`],
  },
  {
    name: 'ours: file level, anywhere',
    code: df('FROM node:latest', 'FROM ubuntu', '# shipshape-ignore-file dockerfile/no-latest-tag -- base images are pinned by the CI mirror'),
    reported: [],
    suppressed: [`${LATEST}@1 by shipshape`, `${LATEST}@2 by shipshape`],
  },
  {
    name: 'ours: an unknown id is reported, the known one still applies',
    code: df('# shipshape-ignore dockerfile/no-such-rule, dockerfile/no-latest-tag -- x', 'FROM node:latest'),
    reported: [],
    suppressed: [`${LATEST}@2 by shipshape`],
    problems: ['unknownRule@1'],
  },
  {
    name: 'ours: a peer id in our syntax is unknown (with a hint) and suppresses nothing',
    code: df('# shipshape-ignore DL3007 -- x', 'FROM node:latest'),
    reported: [`${LATEST}@2`],
    suppressed: [],
    problems: ['unknownRule@1'],
  },
  {
    name: 'ours: an expired suppression does not suppress and is reported',
    code: df('# shipshape-ignore dockerfile/no-latest-tag until=2025-01-31 -- until the migration', 'FROM node:latest'),
    reported: [`${LATEST}@2`],
    suppressed: [],
    problems: ['expired@1'],
  },
  {
    name: 'ours: a suppression that has not expired applies',
    code: df('# shipshape-ignore dockerfile/no-latest-tag until=2025-12-31 -- until the migration', 'FROM node:latest'),
    reported: [],
    suppressed: [`${LATEST}@2 by shipshape`],
  },
  {
    name: 'ours: an invalid date voids the suppression',
    code: df('# shipshape-ignore dockerfile/no-latest-tag until=2025-02-30 -- x', 'FROM node:latest'),
    reported: [`${LATEST}@2`],
    suppressed: [],
    problems: ['malformed@1'],
  },
  {
    name: 'ours: no rule named',
    code: df('# shipshape-ignore -- because', 'FROM node:latest'),
    reported: [`${LATEST}@2`],
    suppressed: [],
    problems: ['malformed@1'],
  },
  {
    name: 'ours: nothing follows the comment',
    code: df('FROM node:22', '# shipshape-ignore dockerfile/no-latest-tag -- x'),
    reported: [],
    suppressed: [],
    problems: ['malformed@2'],
  },
  {
    name: 'ours: without requireReason a reason-less suppression applies',
    code: df('# shipshape-ignore dockerfile/no-latest-tag', 'FROM node:latest'),
    reported: [],
    suppressed: [`${LATEST}@2 by shipshape`],
  },
  {
    name: 'ours: requireReason rejects a missing reason',
    code: df('# shipshape-ignore dockerfile/no-latest-tag', 'FROM node:latest'),
    config: { suppressions: { requireReason: true } },
    reported: [`${LATEST}@2`],
    suppressed: [],
    problems: ['noReason@1'],
  },
  {
    name: 'ours: requireReason rejects the quick fix placeholder',
    code: df('# shipshape-ignore dockerfile/no-latest-tag -- TODO: explain why this finding is acceptable here', 'FROM node:latest'),
    config: { suppressions: { requireReason: true } },
    reported: [`${LATEST}@2`],
    suppressed: [],
    problems: ['noReason@1'],
  },
  {
    name: 'ours: requireReason accepts a real reason',
    code: df('# shipshape-ignore dockerfile/no-latest-tag -- internal mirror pins it', 'FROM node:latest'),
    config: { suppressions: { requireReason: true } },
    reported: [],
    suppressed: [`${LATEST}@2 by shipshape`],
  },
  {
    name: 'ours: an unused suppression is reported',
    code: df('# shipshape-ignore dockerfile/no-latest-tag -- x', 'FROM node:22.11'),
    reported: [],
    suppressed: [],
    problems: ['unused@1'],
  },
  {
    name: 'ours: reportUnused off',
    code: df('# shipshape-ignore dockerfile/no-latest-tag -- x', 'FROM node:22.11'),
    config: { suppressions: { reportUnused: false } },
    reported: [],
    suppressed: [],
  },
  {
    name: 'ours: a suppression of a rule switched off is not unused',
    code: df('# shipshape-ignore dockerfile/no-latest-tag -- x', 'FROM node:latest'),
    config: { rules: { [LATEST]: 'off' } },
    reported: [],
    suppressed: [],
  },
  {
    name: 'ours: shipshape/suppression can be switched off',
    code: df('# shipshape-ignore dockerfile/no-latest-tag -- x', 'FROM node:22.11'),
    config: { rules: { 'shipshape/suppression': 'off' } },
    reported: [],
    suppressed: [],
  },
  {
    name: 'ours: a comment inside a continuation is not a suppression',
    code: df('RUN echo a \\', '  # shipshape-ignore dockerfile/no-latest-tag -- x', '  && echo b', 'FROM node:latest'),
    reported: [`${LATEST}@4`],
    suppressed: [],
  },
  {
    name: 'hadolint: ignore= applies to the next instruction only',
    code: df('# hadolint ignore=DL3007', 'FROM node:latest', 'FROM ubuntu:latest'),
    reported: [`${LATEST}@3`],
    suppressed: [`${LATEST}@2 by hadolint`],
  },
  {
    name: 'hadolint: a list with a trailing reason comment; DL3006 maps to the untagged message',
    code: df('# hadolint ignore=DL3008, DL3006 # the untagged base is rebuilt nightly', 'FROM ubuntu'),
    reported: [],
    suppressed: [`${LATEST}@2 by hadolint`],
  },
  {
    name: 'hadolint: a code we have no rule for silences nothing and is not reported',
    code: df('# hadolint ignore=DL3059', 'FROM node:latest'),
    reported: [`${LATEST}@2`],
    suppressed: [],
  },
  {
    // Mapping follows hadolint's split: DL3007 is the `latest` message only, so the untagged `alpine` stays reported.
    name: 'hadolint: global ignore covers the file, for the messages its id decides',
    code: df('FROM node:latest', '# hadolint global ignore=DL3007', 'FROM ubuntu:latest', 'FROM alpine'),
    reported: [`${LATEST}@4`],
    suppressed: [`${LATEST}@1 by hadolint`, `${LATEST}@3 by hadolint`],
  },
  {
    name: 'hadolint: stage ignore covers the next stage',
    code: df('# hadolint stage ignore=DL3007', 'FROM node:latest AS build', 'RUN make', 'FROM ubuntu:latest'),
    reported: [`${LATEST}@4`],
    suppressed: [`${LATEST}@2 by hadolint`],
  },
  {
    name: 'checkov: a skip comment anywhere covers the file',
    code: df('FROM node:latest', 'FROM ubuntu:latest', '#checkov:skip=CKV_DOCKER_7: pinned by the mirror'),
    reported: [],
    suppressed: [`${LATEST}@1 by checkov`, `${LATEST}@2 by checkov`],
  },
  {
    name: 'checkov: another check id does not',
    code: df('#checkov:skip=CKV_DOCKER_2: no healthcheck', 'FROM node:latest'),
    reported: [`${LATEST}@2`],
    suppressed: [],
  },
  {
    name: 'trivy: AVD-DS-0001 silences the next instruction',
    code: df('#trivy:ignore:AVD-DS-0001', 'FROM node:latest', 'FROM ubuntu:latest'),
    reported: [`${LATEST}@3`],
    suppressed: [`${LATEST}@2 by trivy`],
  },
  {
    name: 'trivy: the old DS001 and the DS-0001 forms are the same id',
    code: df('#trivy:ignore:DS001', 'FROM node:latest', '#trivy:ignore:DS-0001', 'FROM ubuntu:latest'),
    reported: [],
    suppressed: [`${LATEST}@2 by trivy`, `${LATEST}@4 by trivy`],
  },
  {
    name: 'trivy: an expired :exp: does not suppress and is reported',
    code: df('#trivy:ignore:DS-0001:exp:2024-12-31', 'FROM node:latest'),
    reported: [`${LATEST}@2`],
    suppressed: [],
    problems: ['expired@1'],
  },
  {
    name: 'peers off: peer syntaxes are plain comments',
    code: df('# hadolint ignore=DL3007', 'FROM node:latest', '#checkov:skip=CKV_DOCKER_7: x', '#trivy:ignore:DS-0001', 'FROM ubuntu:latest'),
    config: { suppressions: { peers: false } },
    reported: [`${LATEST}@2`, `${LATEST}@5`],
    suppressed: [],
  },
];

suppressionTable('dockerfile', 'Dockerfile', cases);

test('dockerfile suppression: the reason and the comment travel with the suppressed finding', () => {
  const o = outcome('Dockerfile', df('# shipshape-ignore dockerfile/no-latest-tag -- vendor image', 'FROM node:latest'));
  assert.deepEqual(
    o.result.suppressed.map((s) => ({ by: s.by, reason: s.reason, at: s.at })),
    [{ by: 'shipshape', reason: 'vendor image', at: { start: { line: 0, character: 0 }, end: { line: 0, character: 59 } } }],
  );
});

test('dockerfile suppression: the unused finding carries a fix that deletes the comment line', () => {
  const o = outcome('Dockerfile', df('FROM node:22', '# shipshape-ignore dockerfile/no-latest-tag -- x', 'RUN true'));
  const [problem] = o.result.findings.filter((f) => f.ruleId === 'shipshape/suppression');
  assert.deepEqual(problem?.fix?.edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }]);
});

// BuildKit-equivalent Dockerfile rules are being written in parallel; until one exists, a rule with the same check as
// no-latest-tag and a `buildkit:` equivalent runs through the real engine.
const buildkitRule: Rule = { ...RULES.find((r) => r.meta.id === LATEST)!, meta: { ...RULES.find((r) => r.meta.id === LATEST)!.meta, id: 'dockerfile/test-buildkit', equivalents: ['buildkit:FromAsCasing'] } } as Rule;
const withBuildkit = () => ruleSetOf([...RULES, buildkitRule]);

const buildkitCases: SuppressionCase[] = [
  {
    name: 'check=skip=<Name> silences the mapped rule in the whole file, and only it',
    code: df('# syntax=docker/dockerfile:1', '# check=skip=FromAsCasing', 'FROM node:latest', 'FROM ubuntu:latest'),
    reported: [`${LATEST}@3`, `${LATEST}@4`],
    suppressed: ['dockerfile/test-buildkit@3 by buildkit', 'dockerfile/test-buildkit@4 by buildkit'],
  },
  {
    name: 'names are case-insensitive and listed with other settings',
    code: df('# check=skip=JSONArgsRecommended,fromascasing;error=true', 'FROM node:latest'),
    reported: [`${LATEST}@2`],
    suppressed: ['dockerfile/test-buildkit@2 by buildkit'],
  },
  {
    name: 'skip=all silences every rule with a BuildKit equivalent',
    code: df('# check=skip=all', 'FROM node:latest'),
    reported: [`${LATEST}@2`],
    suppressed: ['dockerfile/test-buildkit@2 by buildkit'],
  },
  {
    name: 'a check= line after an instruction is not a parser directive',
    code: df('FROM node:22', '# check=skip=all', 'FROM node:latest'),
    reported: [`${LATEST}@3`, 'dockerfile/test-buildkit@3'],
    suppressed: [],
  },
];

for (const c of buildkitCases) {
  test(`dockerfile suppression: buildkit ${c.name}`, () => {
    assert.deepEqual(pick(outcome('Dockerfile', c.code, c.config, withBuildkit())), { reported: c.reported, suppressed: c.suppressed, problems: c.problems ?? [] });
  });
}

test('dockerfile suppression: a peer id mapped to one message silences only that message (messageEquivalents)', () => {
  const TLS = 'dockerfile/no-insecure-tls';
  const PIN = 'dockerfile/pin-language-packages';
  const focus = [TLS, PIN];
  const checkov = outcome(
    'Dockerfile',
    df('FROM node:22.11-bookworm-slim', '#checkov:skip=CKV2_DOCKER_2: internal mirror with a private CA', 'RUN curl -k -o /tmp/a https://mirror.internal/a', 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0'),
    {},
    undefined,
    focus,
  );
  assert.deepEqual(pick(checkov), { reported: [`${TLS}@4`], suppressed: [`${TLS}@3 by checkov`], problems: [] });
  const hadolint = outcome(
    'Dockerfile',
    df('FROM node:22.11-bookworm-slim', '# hadolint ignore=DL3013', 'RUN pip install flask && npm install -g typescript'),
    {},
    undefined,
    focus,
  );
  assert.deepEqual(
    hadolint.result.findings.filter((f) => f.ruleId === PIN).map((f) => f.messageId),
    ['npm'],
  );
  assert.deepEqual(hadolint.result.suppressed.map((s) => [s.finding.messageId, s.by]), [['pip', 'hadolint']]);
});
