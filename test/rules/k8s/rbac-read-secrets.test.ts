import rule from '../../../server/src/rules/k8s/rbac-read-secrets';
import { ruleTester } from '../../support/ruleTester';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    role('  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list]\n'),
    role('  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [create, delete]\n'),
    role('  - apiGroups: [apps]\n    resources: [secrets]\n    verbs: [get]\n'),
    role('  - apiGroups: [""]\n    resources: ["*"]\n    verbs: [get]\n'),
  ],
  invalid: [
    { code: role('  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [get, list]\n'), errors: [{ messageId: 'grant', range: '8:13-8:16' }] },
    { code: role('  - apiGroups: ["", apps]\n    resources: [configmaps, secrets]\n    verbs: [watch]\n', 'Role'), errors: [{ messageId: 'grant', range: '8:13-8:18' }] },
    { code: role('  - resources: [secrets]\n    verbs: ["*"]\n'), errors: [{ messageId: 'grant', range: '7:13-7:16' }] },
  ],
});
