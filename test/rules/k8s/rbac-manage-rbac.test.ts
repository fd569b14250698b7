import rule from '../../../server/src/rules/k8s/rbac-manage-rbac';
import { ruleTester } from '../../support/ruleTester';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [roles, rolebindings]\n    verbs: [get, list, watch]\n'),
    role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [rolebindings]\n    verbs: [delete]\n'),
    role('  - apiGroups: [example.com]\n    resources: [rolebindings]\n    verbs: [create]\n'),
    role('  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [create, update]\n'),
    // A namespaced Role grants nothing on cluster-scoped kinds.
    { name: 'Role: clusterrolebindings are out of reach', code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles, clusterrolebindings]\n    verbs: [create, update, patch]\n', 'Role') },
  ],
  invalid: [
    { code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [rolebindings]\n    verbs: [create]\n'), errors: [{ messageId: 'write', range: '7:17-7:29' }] },
    { name: 'Role: roles and rolebindings', code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [roles, rolebindings, clusterroles]\n    verbs: [get, patch]\n', 'Role'), errors: [{ messageId: 'write', range: '7:17-7:22' }, { messageId: 'write', range: '7:24-7:36' }] },
    { name: 'verb wildcard', code: role('  - apiGroups: ["*"]\n    resources: [clusterrolebindings]\n    verbs: ["*"]\n'), errors: [{ messageId: 'write', range: '7:17-7:36' }] },
    { name: 'update clusterroles', code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources:\n      - clusterroles\n    verbs: [update]\n'), errors: [{ messageId: 'write', range: '8:9-8:21' }] },
  ],
});
