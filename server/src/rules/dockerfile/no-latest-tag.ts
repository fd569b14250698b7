// Base image tagged `latest` or not tagged at all.
import { dockerfileRule } from '../../dockerfile/rule';
import { parseReference } from '../../images/reference';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/no-latest-tag',
    target: 'dockerfile',
    title: 'Base image uses `latest` or no tag',
    severity: 'warning',
    description: 'Reports a `FROM` whose image has the tag `latest` or no tag and no digest (Docker then pulls `latest`). An image named through global `ARG`s is judged by what their defaults expand to (`ARG BASE=alpine` then `FROM ${BASE}` is an untagged `alpine`, as Trivy DS-0001 resolves it; hadolint skips variables); a base that expands to an earlier stage\'s name is that stage, not an image.',
    rationale:
      '`latest` moves: the same Dockerfile builds a different image tomorrow, so a build cannot be reproduced, reviewed or rolled back, and a compromised or broken upstream push reaches you unseen.',
    remediation: 'Use an explicit version tag such as `node:22.11-bookworm-slim`, and preferably pin it by digest (`node:22.11-bookworm-slim@sha256:…`).',
    references: [
      { title: 'Docker: Dockerfile best practices, FROM', url: 'https://docs.docker.com/build/building/best-practices/#from' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.2: use trusted base images'] },
    messages: {
      latest: 'Base image `{{image}}` uses the `latest` tag; pin a version.',
      untagged: 'Base image `{{image}}` has no tag, so Docker pulls `latest`; pin a version.',
    },
    equivalents: ['checkov:CKV_DOCKER_7', 'trivy:DS-0001'],
    // hadolint splits the concern: DL3007 is the `latest` tag, DL3006 a missing tag.
    messageEquivalents: { latest: ['hadolint:DL3007'], untagged: ['hadolint:DL3006'] },
    examples: {
      bad: ['FROM node:latest\nUSER 10001\n', 'FROM ubuntu\nUSER 10001\n'],
      good: ['FROM node:22.11-bookworm-slim\nUSER 10001\n', 'FROM ubuntu@sha256:0e5e4a57c2499249aafc3b40fcd541e9a456aab7296681a3994d631587203f97\nUSER 10001\n'],
    },
  },
  check({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const image = stage.image;
      if (!image || image.digest !== undefined) continue;
      if (image.hasVariables) {
        // `ARG BASE=alpine` then `FROM ${BASE}`: judge what the default expands to (an unknown variable: nothing).
        const parsed = image.resolved !== undefined ? parseReference(image.resolved) : undefined;
        if (!parsed?.ok || parsed.ref.digest !== undefined) continue;
        const tag = parsed.ref.tag;
        if (tag === undefined || tag === 'latest') report({ messageId: tag === undefined ? 'untagged' : 'latest', data: { image: image.resolved! }, range: image.range });
        continue;
      }
      if (image.tag === undefined) report({ messageId: 'untagged', data: { image: image.text }, range: { start: image.range.start, end: image.nameRange.end } });
      else if (image.tag === 'latest' && image.tagRange) report({ messageId: 'latest', data: { image: image.text }, range: image.tagRange });
    }
  },
});
