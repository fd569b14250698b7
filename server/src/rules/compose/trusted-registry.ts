// Service images from registries outside the configured trusted list.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { imageOf } from '../../compose/image';
import { isTrustedImage, trustedPatterns } from '../../images/trust';

export default composeRule({
  meta: {
    id: 'compose/trusted-registry',
    target: 'compose',
    title: 'Image from a registry that is not trusted',
    severity: 'warning',
    description:
      'Reports a service image whose registry is not in the `trustedRegistries` list (setting `shipshape.trustedRegistries`, `.shipshape.yaml` or this rule\'s option). With the default empty list the rule stays quiet. Images without a registry come from `docker.io`.',
    rationale: 'Images from arbitrary registries bypass the scanning, signing and retention your own registry enforces; a typo-squatted or hijacked public image runs with whatever the service may do.',
    remediation: 'Mirror the image into a trusted registry and reference it there, or add the registry to `trustedRegistries` if it is approved.',
    references: [{ title: 'Docker: Registry mirrors and image management', url: 'https://docs.docker.com/docker-hub/image-library/mirror/' }],
    messages: { untrusted: 'Service `{{service}}` uses `{{image}}` from `{{registry}}`, which is not a trusted registry.' },
    equivalents: [],
    options: {
      trustedRegistries: { type: 'string[]', description: 'Registries (or registry paths) images may come from; `*` matches one name part. Empty: the rule is quiet.', default: [] },
    },
    examples: { bad: [exampleService('image: nginx:1.27.3\n')], good: [exampleService('image: registry.example.com/nginx:1.27.3\n')], options: { trustedRegistries: ['registry.example.com'] } },
  },
  check({ compose, service, options, report }) {
    const patterns = trustedPatterns(options.trustedRegistries);
    if (patterns.length === 0) return;
    const image = imageOf(compose, service);
    if (image && !isTrustedImage(image.ref, patterns)) report({ messageId: 'untrusted', data: { service: service.name, image: image.text, registry: image.registry }, range: image.range });
  },
});
