// Images from registries outside the configured trusted list.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { imageOf } from '../../k8s/image';
import { examplePod } from '../../k8s/examples';

/** `*.example.com` matches any subdomain; `ghcr.io/acme` matches that registry path and below. */
function trusted(image: { registry: string; repository: string }, patterns: readonly string[]): boolean {
  const full = `${image.registry}/${image.repository}`;
  return patterns.some((p) => {
    const re = new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
    return re.test(full) || (image.registry === 'docker.io' && re.test(`index.docker.io/${image.repository}`));
  });
}

export default k8sRule({
  meta: {
    id: 'k8s/trusted-registry',
    target: 'k8s',
    title: 'Image from a registry that is not trusted',
    severity: 'warning',
    description:
      'Reports a container image whose registry is not in the `trustedRegistries` list (setting `shipshape.trustedRegistries` or this rule\'s option). With the default empty list the rule stays quiet. Images without a registry come from `docker.io`.',
    rationale:
      'Images from arbitrary registries bypass the scanning, signing and retention your own registry enforces; a typo-squatted or hijacked public image runs with whatever the pod may do.',
    remediation: 'Mirror the image into a trusted registry and reference it there, or add the registry to `trustedRegistries` if it is approved.',
    references: [{ title: 'NSA/CISA Kubernetes Hardening Guide', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' }],
    standards: { nsa: ['Use trusted registries and image scanning'] },
    messages: { untrusted: 'Image `{{image}}` comes from `{{registry}}`, which is not a trusted registry.' },
    equivalents: [],
    options: {
      trustedRegistries: { type: 'string[]', description: 'Registries (or registry paths) images may come from; `*` matches one name part. Empty: the rule is quiet.', default: [] },
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('containers:\n  - name: app\n    image: registry.example.com/nginx:1.27.3\n')],
      options: { trustedRegistries: ['registry.example.com'] },
    },
  },
  check({ file, object, options, report }) {
    const patterns = Array.isArray(options.trustedRegistries) ? options.trustedRegistries.filter((p): p is string => typeof p === 'string') : [];
    if (patterns.length === 0) return;
    for (const container of workload(file, object)?.containers ?? []) {
      const image = imageOf(file, container);
      if (image && !trusted(image, patterns)) report({ messageId: 'untrusted', data: { image: image.text, registry: image.registry }, range: image.range, container: container.name });
    }
  },
});
