import rule from '../../../server/src/rules/k8s/host-port';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}    ports:\n      - containerPort: 8080\n`),
    ...validEverywhere(`${C}    ports:\n      - {containerPort: 8080, hostPort: 0}\n`),
    ...validEverywhere(C),
  ],
  invalid: [
    ...invalidEverywhere('block', `${C}    ports:\n      - containerPort: 8080\n        hostPort: 80\n`, [{ messageId: 'hostPort', range: '6:19-6:21', container: 'app' }]),
    ...invalidEverywhere('flow', `${C}    ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]\n`, [{ messageId: 'hostPort', range: '4:43-4:45' }]),
    ...invalidEverywhere('init container', `initContainers:\n  - name: init\n    image: busybox:1.36\n    ports: [{containerPort: 9, hostPort: 9}]\n${C}`, [{ messageId: 'hostPort', range: '4:42-4:43', container: 'init' }]),
  ],
});
