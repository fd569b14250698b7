import rule from '../../../server/src/rules/k8s/no-privileged';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

const pod = (sc: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      securityContext:
${sc}`;

ruleTester(rule, {
  valid: [
    pod('        privileged: false\n'),
    pod('        runAsNonRoot: true\n'),
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n',
    ...validEverywhere(C),
    ...validEverywhere(`${C}    securityContext: {privileged: false}\n`),
    ...validEverywhere(`securityContext:\n  privileged: true\n${C}`),
  ],
  invalid: [
    {
      code: pod('        privileged: true # needed for eBPF\n'),
      errors: [{ messageId: 'privileged', range: '10:21-10:25', container: 'app' }],
      suggestions: [pod('        privileged: false # needed for eBPF\n')],
    },
    {
      name: 'init container in a Deployment, flow style',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      initContainers:\n        - {name: init, image: busybox:1.36, securityContext: {privileged: true}}\n      containers: [{name: app, image: nginx:1.27.3}]\n',
      errors: [{ messageId: 'privileged', range: '8:75-8:79', container: 'init' }],
      suggestions: ['apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      initContainers:\n        - {name: init, image: busybox:1.36, securityContext: {privileged: false}}\n      containers: [{name: app, image: nginx:1.27.3}]\n'],
    },
    ...invalidEverywhere('block', `${C}    securityContext:\n      privileged: true\n`, [{ messageId: 'privileged', range: '5:19-5:23', container: 'app' }], {
      suggestions: [`${C}    securityContext:\n      privileged: false\n`],
    }),
    ...invalidEverywhere('ephemeral container', `${C}ephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n    securityContext: {privileged: true}\n`, [{ messageId: 'privileged', range: '7:35-7:39', container: 'debug' }]),
  ],
});
