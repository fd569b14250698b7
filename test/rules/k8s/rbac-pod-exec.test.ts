import rule from '../../../server/src/rules/k8s/rbac-pod-exec';
import { ruleTester } from '../../support/ruleTester';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    role('  - apiGroups: [""]\n    resources: [pods/log]\n    verbs: [get]\n'),
    role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get, list, create]\n'),
    role('  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [list]\n'),
  ],
  invalid: [
    { code: role('  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [create]\n'), errors: [{ messageId: 'grant', range: '7:17-7:26' }] },
    { code: role('  - apiGroups: [""]\n    resources: [pods, pods/attach, pods/exec]\n    verbs: [get]\n', 'Role'), errors: [{ messageId: 'grant', range: '7:23-7:34' }, { messageId: 'grant', range: '7:36-7:45' }] },
    { code: role('  - apiGroups: ["*"]\n    resources: ["pods/exec"]\n    verbs: ["*"]\n'), errors: [{ messageId: 'grant', range: '7:17-7:28' }] },
  ],
});
