import rule from '../../../server/src/rules/k8s/rbac-nodes-proxy';
import { ruleTester } from '../../support/ruleTester';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    role('  - apiGroups: [""]\n    resources: [nodes/metrics, nodes/stats]\n    verbs: [get]\n'),
    role('  - apiGroups: [""]\n    resources: [nodes]\n    verbs: [get, list]\n'),
    role('  - apiGroups: [""]\n    resources: [nodes/proxy]\n    verbs: []\n'),
    { name: 'a namespaced Role grants nothing on nodes', code: role('  - apiGroups: [""]\n    resources: [nodes/proxy]\n    verbs: [create]\n', 'Role') },
  ],
  invalid: [
    { code: role('  - apiGroups: [""]\n    resources: [nodes/proxy]\n    verbs: [get]\n'), errors: [{ messageId: 'grant', range: '7:17-7:28' }] },
    { code: role('  - apiGroups: [""]\n    resources:\n      - nodes\n      - "nodes/proxy"\n    verbs: ["*"]\n'), errors: [{ messageId: 'grant', range: '9:9-9:22' }] },
    { code: role('  - apiGroups: [""]\n    resources: [nodes/proxy]\n    verbs: [create]\n'), errors: [{ messageId: 'grant', range: '7:17-7:28' }] },
  ],
});
