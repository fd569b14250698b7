// Base image pulled from a registry outside the configured allow-list.
import { dockerfileRule } from '../../dockerfile/rule';

export function registryMatches(registry: string, pattern: string): boolean {
  const p = pattern.toLowerCase().replace(/\/+$/, '');
  if (p === '*') return true;
  const re = new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  // `docker.io` also answers to its historical aliases.
  const names = registry === 'docker.io' ? ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com'] : [registry];
  return names.some((n) => re.test(n));
}

export default dockerfileRule({
  meta: {
    id: 'dockerfile/trusted-registry',
    target: 'dockerfile',
    title: 'Base image comes from an untrusted registry',
    severity: 'error',
    description:
      'Reports a `FROM` image whose registry is not in `trustedRegistries` (wildcards such as `*.corp.example` allowed; an image without a registry comes from `docker.io`). Quiet until the list is configured, through the workspace setting or the rule option.',
    rationale: 'Organisations vet a few registries (a mirror, a private registry with scanning and signing). An image from anywhere else bypasses that review, and typosquatted or look-alike registries are a known supply-chain attack.',
    remediation: 'Pull the image through an approved registry or mirror (for example `registry.corp.example/library/node:22`), or add the registry to `trustedRegistries` after review.',
    references: [{ title: 'hadolint DL3026', url: 'https://github.com/hadolint/hadolint/wiki/DL3026' }],
    standards: { cis: ['CIS Docker Benchmark 4.2: use trusted base images'] },
    messages: {
      untrusted: 'Registry `{{registry}}` of `{{image}}` is not in the trusted registries ({{trusted}}).',
    },
    options: {
      trustedRegistries: { type: 'string[]', description: 'Registries base images may come from; `*` matches within one name segment. Empty: the rule stays quiet.', default: [] },
    },
    equivalents: ['hadolint:DL3026'],
    examples: {
      bad: ['FROM quay.io/team/app:1.2\n'],
      good: ['FROM registry.corp.example/library/node:22.11\n'],
      options: { trustedRegistries: ['registry.corp.example', 'docker.io'] },
    },
  },
  check({ dockerfile, options, report }) {
    const trusted = Array.isArray(options.trustedRegistries) ? options.trustedRegistries.filter((s): s is string => typeof s === 'string' && s !== '') : [];
    if (!trusted.length) return;
    for (const stage of dockerfile.stages) {
      const image = stage.image;
      if (!image?.registry) continue;
      if (trusted.some((p) => registryMatches(image.registry!, p))) continue;
      const explicit = !image.hasVariables && image.text.toLowerCase().startsWith(image.registry);
      report({
        messageId: 'untrusted',
        data: { registry: image.registry, image: image.resolved ?? image.text, trusted: trusted.join(', ') },
        range: explicit ? { start: image.range.start, end: { line: image.range.start.line, character: image.range.start.character + image.registry.length } } : image.range,
      });
    }
  },
});
