import rule from '../../../server/src/rules/k8s/probe-host';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n`),
    ...validEverywhere(`${C}    readinessProbe:\n      tcpSocket: {port: 5432}\n`),
    ...validEverywhere(`${C}    livenessProbe:\n      httpGet: {host: "", path: /healthz, port: 8080}\n`),
  ],
  invalid: [
    ...invalidEverywhere('liveness httpGet host', `${C}    livenessProbe:\n      httpGet:\n        host: 169.254.169.254\n        port: 80\n`, [{ messageId: 'host', range: '6:15-6:30', container: 'app' }]),
    ...invalidEverywhere('preStop tcpSocket host', `${C}    lifecycle:\n      preStop:\n        tcpSocket: {host: kubernetes.default, port: 443}\n`, [{ messageId: 'host', range: '6:27-6:45' }]),
    ...invalidEverywhere('startup probe of an init container', `initContainers:\n  - name: init\n    image: busybox:1.36\n    startupProbe: {httpGet: {host: 10.0.0.1, port: 80}}\n${C}`, [{ messageId: 'host', range: '4:36-4:44', container: 'init' }]),
  ],
});
