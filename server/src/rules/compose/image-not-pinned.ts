// Service images not pinned by digest.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { imageOf } from '../../compose/image';

export default composeRule({
  meta: {
    id: 'compose/image-not-pinned',
    target: 'compose',
    title: 'Image not pinned by digest',
    severity: 'info',
    description: 'Reports a service `image:` referenced by tag only, without an `@sha256:` digest. The quick fix "Pin to digest" and `shipshape pin` look the digest up in the registry.',
    rationale: 'Tags are mutable: whoever can push to the repository can change what a tag points to, and `docker compose pull` fetches whatever it points to today. A digest names exactly one image, so what was reviewed is what runs.',
    remediation: 'Append the digest of the image you tested, e.g. `nginx:1.27.3@sha256:…` (the quick fix or `shipshape pin compose.yaml` does it), and let a bot such as Renovate update it.',
    references: [{ title: 'Compose file reference: image', url: 'https://docs.docker.com/reference/compose-file/services/#image' }],
    standards: { cis: ['CIS Docker 4.2 (use trusted base images)'] },
    messages: { notPinned: 'Service `{{service}}` uses `{{image}}`, which is not pinned by digest.' },
    equivalents: [],
    examples: {
      bad: [exampleService('image: nginx:1.27.3\n')],
      good: [exampleService('image: nginx:1.27.3@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e\n')],
    },
  },
  check({ compose, service, report }) {
    const image = imageOf(compose, service);
    if (image && image.digest === undefined) report({ messageId: 'notPinned', data: { service: service.name, image: image.text }, range: image.range });
  },
});
