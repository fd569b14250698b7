import rule from '../../../server/src/rules/k8s/default-namespace';
import { ruleTester } from '../../support/ruleTester';

const workload = (kind: string, ns: string) =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\n${ns}spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.3\n`;

ruleTester(rule, {
  valid: [
    workload('Deployment', '  namespace: shop\n'),
    workload('Deployment', ''),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n',
  ],
  invalid: [
    { code: workload('Deployment', '  namespace: default\n'), errors: [{ messageId: 'namespace', range: '5:14-5:21' }] },
    { code: workload('DaemonSet', '  namespace: kube-system\n'), errors: [{ messageId: 'namespace', range: '5:14-5:25' }] },
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: "default"}\nspec:\n  containers: [{name: a, image: nginx:1.27.3}]\n', errors: [{ messageId: 'namespace', range: '3:32-3:41' }] },
  ],
});
