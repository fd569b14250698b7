// Images from registries outside the configured trusted list.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { containerImage, partRange } from '../../k8s/images';
import { isTrustedImage, trustedPatterns, untrustedSpan } from '../../images/trust';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/trusted-registry',
    target: 'k8s',
    title: 'Image from a registry that is not trusted',
    severity: 'warning',
    description:
      'Reports a container image that does not come from a place in the `trustedRegistries` list (setting `shipshape.trustedRegistries` or this rule\'s option): a registry host (`registry.example.com`, `*.example.com`) or a registry path prefix (`ghcr.io/acme` trusts `ghcr.io/acme/app`). Letter case never matters, and images without a registry come from `docker.io`. The same matcher as `dockerfile/trusted-registry`. With the default empty list the rule stays quiet.',
    rationale:
      'Images from arbitrary registries bypass the scanning, signing and retention your own registry enforces; a typo-squatted or hijacked public image runs with whatever the pod may do.',
    remediation: 'Mirror the image into a trusted registry and reference it there, or add the registry to `trustedRegistries` if it is approved.',
    references: [{ title: 'NSA/CISA Kubernetes Hardening Guide', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' }],
    standards: { nsa: ['Use trusted registries and image scanning'] },
    messages: { untrusted: 'Image `{{image}}` comes from `{{registry}}`, which is not a trusted registry.' },
    equivalents: [],
    peerNotes: {
      'trivy:KSV-0125': 'ships its own default list of registries.',
    },
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
    const patterns = trustedPatterns(options.trustedRegistries);
    if (patterns.length === 0) return;
    for (const container of workload(file, object)?.containers ?? []) {
      const image = containerImage(file, container);
      if (!image || isTrustedImage(image.ref, patterns)) continue;
      const range = partRange(file, image, untrustedSpan(image.ref, patterns));
      report({ messageId: 'untrusted', data: { image: image.text, registry: image.ref.domain }, range, container: container.name });
    }
  },
});
