import rule from '../../../server/src/rules/k8s/ssh-port';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}    ports:\n      - containerPort: 8022\n`),
    ...validEverywhere(`${C}    ports: [{containerPort: 22, protocol: UDP}]\n`),
    ...validEverywhere(`${C}    ports: [{containerPort: 80, hostPort: 22}]\n`),
  ],
  invalid: [
    ...invalidEverywhere('block', `${C}    ports:\n      - containerPort: 22\n`, [{ messageId: 'ssh', range: '5:24-5:26', container: 'app' }]),
    ...invalidEverywhere('flow, explicit TCP', `${C}    ports: [{name: ssh, containerPort: 22, protocol: TCP}]\n`, [{ messageId: 'ssh', range: '4:40-4:42' }]),
    ...invalidEverywhere('quoted', `${C}    ports:\n      - containerPort: "22"\n`, [{ messageId: 'ssh', range: '5:24-5:28' }]),
  ],
});
