import rule from '../../../server/src/rules/k8s/rbac-escalation';
import { ruleTester } from '../../support/ruleTester';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [get, list]\n'),
    role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: ["*"]\n'),
    role('  - apiGroups: [""]\n    resources: [serviceaccounts]\n    verbs: [create]\n'),
    // A namespaced Role grants nothing on cluster-scoped resources.
    { name: 'Role: escalate on clusterroles reaches nothing', code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [escalate]\n', 'Role') },
    { name: 'Role: impersonate users and groups reaches nothing', code: role('  - apiGroups: [""]\n    resources: [users, groups]\n    verbs: [impersonate]\n', 'Role') },
    { name: 'verb on resources it does not act on', code: role('  - apiGroups: [""]\n    resources: [pods, configmaps]\n    verbs: [bind, escalate, impersonate]\n') },
    { name: 'bind in another API group', code: role('  - apiGroups: [example.com]\n    resources: [roles]\n    verbs: [bind]\n') },
  ],
  invalid: [
    { code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [bind, escalate]\n'), errors: [{ messageId: 'grant', range: '8:13-8:17' }, { messageId: 'grant', range: '8:19-8:27' }] },
    { code: role('  - apiGroups: [""]\n    resources: [users, groups, serviceaccounts]\n    verbs: [impersonate]\n', 'Role'), errors: [{ messageId: 'grant', range: '8:13-8:24' }] },
    { code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [roles]\n    verbs:\n      - bind\n'), errors: [{ messageId: 'grant', range: '9:9-9:13' }] },
    { name: 'Role: bind on clusterroles is checked in the namespace', code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [bind, escalate]\n', 'Role'), errors: [{ messageId: 'grant', range: '8:13-8:17' }] },
    { name: 'Role: escalate on roles', code: role('  - apiGroups: ["*"]\n    resources: [roles]\n    verbs: [escalate]\n', 'Role'), errors: [{ messageId: 'grant', range: '8:13-8:21' }] },
    { name: 'resource wildcard', code: role('  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: [impersonate]\n'), errors: [{ messageId: 'grant', range: '8:13-8:24' }] },
  ],
});
