import rule from '../../../server/src/rules/k8s/secret-in-env';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}    env:\n      - name: MODE\n        value: prod\n      - name: CFG\n        valueFrom: {configMapKeyRef: {name: c, key: k}}\n`),
    ...validEverywhere(`${C}    envFrom:\n      - configMapRef: {name: cfg}\n`),
    ...validEverywhere(`${C}volumes:\n  - name: s\n    secret: {secretName: db}\n`),
  ],
  invalid: [
    ...invalidEverywhere('secretKeyRef', `${C}    env:\n      - name: DB_PASSWORD\n        valueFrom:\n          secretKeyRef: {name: db, key: password}\n`, [{ messageId: 'secretKeyRef', range: '7:11-7:23', container: 'app' }]),
    ...invalidEverywhere('envFrom secretRef', `${C}    envFrom:\n      - secretRef:\n          name: api\n`, [{ messageId: 'secretRef', range: '5:9-5:18' }]),
    ...invalidEverywhere('init container, flow', `initContainers:\n  - {name: init, image: busybox:1.36, envFrom: [{secretRef: {name: s}}]}\n${C}`, [{ messageId: 'secretRef', range: '2:50-2:59', container: 'init' }]),
  ],
});
