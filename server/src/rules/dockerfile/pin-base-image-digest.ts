// Base image referenced by a tag that can move, not by an immutable digest.
import { dockerfileRule } from '../../dockerfile/rule';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/pin-base-image-digest',
    target: 'dockerfile',
    title: 'Base image is not pinned by digest',
    severity: 'info',
    description: 'Reports a `FROM` whose image has no `@sha256:` digest. Stages built on earlier stages, `scratch` and images named only through build arguments without a default are skipped.',
    rationale:
      'A tag is a pointer the publisher (or anyone who compromises the registry account) can move: `node:22.11` today is not the same bytes as `node:22.11` next month. A digest names exact content, so the build is reproducible and a tampered push cannot reach you unnoticed.',
    remediation: 'Append the digest of the image you tested: `FROM node:22.11-bookworm-slim@sha256:<digest>` (keep the tag for readers; Docker uses the digest). Let a bot such as Renovate or Dependabot update it.',
    references: [
      { title: 'Docker: pin base image versions', url: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions' },
      { title: 'hadolint issue #773: always tag the digest', url: 'https://github.com/hadolint/hadolint/issues/773' },
    ],
    standards: { cis: ['CIS Docker Benchmark 4.2: use trusted base images'] },
    messages: {
      notPinned: 'Base image `{{image}}` is not pinned by digest; add `@sha256:…` so the build uses exactly the image you tested.',
    },
    equivalents: [],
    examples: {
      bad: ['FROM node:22.11-bookworm-slim\n'],
      good: ['FROM node:22.11-bookworm-slim@sha256:0e5e4a57c2499249aafc3b40fcd541e9a456aab7296681a3994d631587203f97\n', 'FROM scratch\nCOPY app /app\n'],
    },
  },
  check({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const image = stage.image;
      if (!image || image.digest !== undefined) continue;
      if (image.hasVariables && (image.resolved === undefined || image.resolved.includes('@'))) continue;
      report({ messageId: 'notPinned', data: { image: image.resolved ?? image.text }, range: image.range });
    }
  },
});
