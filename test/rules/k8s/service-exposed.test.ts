import rule from '../../../server/src/rules/k8s/service-exposed';
import { ruleTester } from '../../support/ruleTester';

const service = (spec: string, apiVersion = 'v1') => `apiVersion: ${apiVersion}\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;

ruleTester(rule, {
  valid: [
    service('  type: ClusterIP\n  ports: [{port: 80}]\n'),
    service('  ports: [{port: 80}]\n'),
    service('  template:\n    spec:\n      containers: [{image: app:1}]\n', 'serving.knative.dev/v1'),
    service('  type: ExternalName\n  externalName: db.example.com\n'),
  ],
  invalid: [
    { code: service('  type: LoadBalancer\n  ports: [{port: 443}]\n'), errors: [{ messageId: 'exposed', range: '6:9-6:21' }] },
    { code: service('  ports: [{port: 80, nodePort: 30080}]\n  type: "NodePort"\n'), errors: [{ messageId: 'exposed', range: '7:9-7:19' }] },
    { code: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: a}\n    spec: {type: NodePort}\n`, errors: [{ messageId: 'exposed', range: '7:18-7:26' }] },
  ],
});
