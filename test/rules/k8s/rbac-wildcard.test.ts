import rule from '../../../server/src/rules/k8s/rbac-wildcard';
import { ruleTester } from '../../support/ruleTester';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    role('  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list]\n'),
    role('  - apiGroups: ["*"]\n    resources: [pods]\n    verbs: [get]\n'),
    role('  - nonResourceURLs: ["/metrics"]\n    verbs: [get]\n'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  verbs: "*"\n',
  ],
  invalid: [
    { code: role('  - apiGroups: [""]\n    resources: ["*"]\n    verbs: [get]\n'), errors: [{ messageId: 'grant', range: '7:17-7:20' }] },
    { code: role('  - apiGroups: [apps]\n    resources: [deployments]\n    verbs:\n      - "*"\n', 'Role'), errors: [{ messageId: 'grant', range: '9:9-9:12' }] },
    { code: role("  - apiGroups: ['*']\n    resources: ['*']\n    verbs: ['*']\n"), errors: [{ messageId: 'grant', range: '7:17-7:20' }, { messageId: 'grant', range: '8:13-8:16' }] },
  ],
});
