import rule from '../../../server/src/rules/k8s/image-not-pinned';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const img = (image: string, extra = '') => `containers:\n  - name: app\n    image: ${image}\n${extra}`;

ruleTester(rule, {
  valid: [
    // Placeholders that build tooling substitutes are not images (the file gets one templated-yaml notice).
    ...validEverywhere(img('"{IMAGE}"')),
    ...validEverywhere(img('${IMAGE}')),
    ...validEverywhere(img('"{{ .Image }}"')),
    ...validEverywhere(img('"registry.example.com/app:${TAG}"')),
    ...validEverywhere(img('nginx:1.27.3@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e')),
    ...validEverywhere(img('nginx@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e')),
    ...validEverywhere(img('${REGISTRY}/app:1')),
  ],
  invalid: [
    ...invalidEverywhere('tag only', img('nginx:1.27.3'), [{ messageId: 'notPinned', range: '3:12-3:24', container: 'app' }]),
    ...invalidEverywhere('untagged', img('nginx'), [{ messageId: 'notPinned', range: '3:12-3:17' }]),
    ...invalidEverywhere('ephemeral container', `${img('nginx@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e')}ephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n`, [{ messageId: 'notPinned', range: '6:12-6:24', container: 'debug' }]),
  ],
});
