import rule from '../../../server/src/rules/k8s/image-latest-tag';
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
    ...validEverywhere(img('nginx:1.27.3')),
    ...validEverywhere(img('nginx@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e')),
    ...validEverywhere(img('registry.example.com:5000/team/app:2.1')),
    ...validEverywhere(img('$(IMAGE)')),
    ...validEverywhere(img('"{{ .Values.image }}"')),
  ],
  invalid: [
    ...invalidEverywhere('latest', img('nginx:latest'), [{ messageId: 'latest', range: '3:18-3:24', container: 'app' }]),
    ...invalidEverywhere('untagged with a registry port', img('localhost:5000/app'), [{ messageId: 'untagged', range: '3:12-3:30' }]),
    ...invalidEverywhere('quoted latest', img('"ghcr.io/acme/app:latest"'), [{ messageId: 'latest', range: '3:30-3:36' }]),
    ...invalidEverywhere('init container untagged', `initContainers:\n  - name: init\n    image: busybox\n${img('nginx:1.27.3')}`, [{ messageId: 'untagged', range: '3:12-3:19', container: 'init' }]),
  ],
});
