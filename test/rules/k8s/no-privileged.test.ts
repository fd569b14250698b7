import rule from '../../../server/src/rules/k8s/no-privileged';
import { ruleTester } from '../../support/ruleTester';

const pod = (sc: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
${sc}`;

ruleTester(rule, {
  valid: [
    pod('        privileged: false\n'),
    pod('        runAsNonRoot: true\n'),
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n',
  ],
  invalid: [
    {
      code: pod('        privileged: true # needed for eBPF\n'),
      errors: [{ messageId: 'privileged', range: '10:21-10:25', container: 'app' }],
      suggestions: [pod('        privileged: false # needed for eBPF\n')],
    },
    {
      name: 'init container in a Deployment, flow style',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      initContainers:\n        - {name: init, image: busybox:1.36, securityContext: {privileged: true}}\n      containers: [{name: app, image: nginx:1.27}]\n',
      errors: [{ messageId: 'privileged', range: '8:75-8:79', container: 'init' }],
      suggestions: ['apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      initContainers:\n        - {name: init, image: busybox:1.36, securityContext: {privileged: false}}\n      containers: [{name: app, image: nginx:1.27}]\n'],
    },
  ],
});
