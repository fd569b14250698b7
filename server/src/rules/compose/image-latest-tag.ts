// Service images tagged `latest` or not tagged at all.
import { composeRule } from '../../compose/rule';
import { exampleService } from '../../compose/examples';
import { imageOf } from '../../compose/image';

export default composeRule({
  meta: {
    id: 'compose/image-latest-tag',
    target: 'compose',
    title: 'Image uses `latest` or no tag',
    severity: 'warning',
    description:
      'Reports a service `image:` whose tag is `latest`, or that has neither a tag nor a digest (Compose then pulls `latest`). Interpolated references are judged after interpolation (`${TAG:-latest}` is `latest` unless the `.env` sets TAG); an unknown variable is not a finding. A service that also has `build:` names the image it builds and is not reported.',
    rationale: '`latest` moves: the same file runs a different image after every pull, so a deployment cannot be reviewed, reproduced or rolled back, and a compromised upstream image arrives unseen.',
    remediation: 'Use an explicit version tag such as `nginx:1.27.3`, and preferably pin the digest (`nginx:1.27.3@sha256:…`).',
    references: [{ title: 'Compose file reference: image', url: 'https://docs.docker.com/reference/compose-file/services/#image' }],
    standards: { cis: ['CIS Docker 4.2 (use trusted base images)'] },
    messages: {
      latest: 'Service `{{service}}` uses `{{image}}` with the `latest` tag; pin a version.',
      untagged: 'Service `{{service}}` uses `{{image}}` without a tag, so `latest` is pulled; pin a version.',
    },
    equivalents: [],
    examples: { bad: [exampleService('image: nginx:latest\n'), exampleService('image: nginx\n')], good: [exampleService('image: nginx:1.27.3\n')] },
  },
  check({ compose, service, report }) {
    const image = imageOf(compose, service);
    if (!image || image.digest !== undefined) return;
    if (image.tag === undefined) report({ messageId: 'untagged', data: { service: service.name, image: image.text }, range: image.range });
    else if (image.tag === 'latest') report({ messageId: 'latest', data: { service: service.name, image: image.text }, range: image.tagRange ?? image.range });
  },
});
