// Base image pulled from a registry outside the configured allow-list.
import { dockerfileRule } from '../../dockerfile/rule';
import { isTrustedImage, trustedPatterns, untrustedSpan } from '../../images/trust';

export default dockerfileRule({
  meta: {
    id: 'dockerfile/trusted-registry',
    target: 'dockerfile',
    title: 'Base image comes from an untrusted registry',
    severity: 'error',
    description:
      'Reports a `FROM` image that does not come from a place in `trustedRegistries`: a registry host (`registry.corp.example`, wildcards such as `*.corp.example`) or a registry path prefix (`ghcr.io/acme` trusts `ghcr.io/acme/app`). Letter case never matters, and an image without a registry comes from `docker.io`. The same matcher as `k8s/trusted-registry`. Quiet until the list is configured, through the workspace setting or the rule option.',
    rationale: 'Organisations vet a few registries (a mirror, a private registry with scanning and signing). An image from anywhere else bypasses that review, and typosquatted or look-alike registries are a known supply-chain attack.',
    remediation: 'Pull the image through an approved registry or mirror (for example `registry.corp.example/library/node:22`), or add the registry to `trustedRegistries` after review.',
    references: [{ title: 'hadolint DL3026', url: 'https://github.com/hadolint/hadolint/wiki/DL3026' }],
    standards: { cis: ['CIS Docker Benchmark 4.2: use trusted base images'] },
    messages: {
      untrusted: 'Registry `{{registry}}` of `{{image}}` is not in the trusted registries ({{trusted}}).',
    },
    options: {
      trustedRegistries: { type: 'string[]', description: 'Registries (or registry paths) base images may come from; `*` matches within one name segment. Empty: the rule stays quiet.', default: [] },
    },
    equivalents: ['hadolint:DL3026'],
    examples: {
      bad: ['FROM quay.io/team/app:1.2\n'],
      good: ['FROM registry.corp.example/library/node:22.11\n'],
      options: { trustedRegistries: ['registry.corp.example', 'docker.io'] },
    },
  },
  check({ dockerfile, file, options, report }) {
    const trusted = trustedPatterns(options.trustedRegistries);
    if (!trusted.length) return;
    for (const stage of dockerfile.stages) {
      const image = stage.image;
      // An image whose variables have no known value cannot be judged until build time.
      if (!image?.ref || isTrustedImage(image.ref, trusted)) continue;
      const span = untrustedSpan(image.ref, trusted);
      const exact = !image.hasVariables && file.text.slice(image.span.start, image.span.end) === image.text;
      report({
        messageId: 'untrusted',
        data: { registry: image.ref.domain, image: image.resolved ?? image.text, trusted: trusted.join(', ') },
        range: exact ? file.rangeOf(image.span.start + span.start, image.span.start + span.end) : image.range,
      });
    }
  },
});
