import rule from '../../../server/src/rules/k8s/image-pull-policy';
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
    ...validEverywhere(img('app:2.1', '    imagePullPolicy: Always\n')),
    ...validEverywhere(img('app:2.1@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e', '    imagePullPolicy: IfNotPresent\n')),
    ...validEverywhere(img('app:latest')),
    ...validEverywhere(img('app')),
  ],
  invalid: [
    ...invalidEverywhere('explicit IfNotPresent', img('app:2.1', '    imagePullPolicy: IfNotPresent # cache\n'), [{ messageId: 'cached', range: '4:22-4:34', container: 'app' }], {
      suggestions: [img('app:2.1', '    imagePullPolicy: Always # cache\n')],
    }),
    ...invalidEverywhere('defaulted IfNotPresent for a version tag', img('app:2.1'), [{ messageId: 'cached', range: '3:12-3:19' }], {
      suggestions: [img('app:2.1', '    imagePullPolicy: Always\n')],
    }),
    ...invalidEverywhere('Never with latest', img('app:latest', '    imagePullPolicy: Never\n'), [{ messageId: 'cached', range: '4:22-4:27' }], {
      suggestions: [img('app:latest', '    imagePullPolicy: Always\n')],
    }),
  ],
});
