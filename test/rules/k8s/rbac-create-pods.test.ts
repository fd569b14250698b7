import rule from '../../../server/src/rules/k8s/rbac-create-pods';
import { ruleTester } from '../../support/ruleTester';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    role('  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [get, list, watch, delete]\n'),
    { name: 'scaling is not rewriting the template', code: role('  - apiGroups: [apps]\n    resources: [deployments/scale, deployments/status]\n    verbs: [update, patch]\n') },
    // A Job's pod template is immutable (corpus: GKE slice controller, `patch` on jobs).
    { name: 'patch and update on jobs cannot change what pods run', code: role('  - apiGroups: [batch]\n    resources: [jobs]\n    verbs: [get, list, patch, update]\n') },
    { name: 'a rule in another API group', code: role('  - apiGroups: [example.com]\n    resources: [deployments]\n    verbs: [patch]\n', 'Role') },
    role('  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [create]\n'),
    role('  - apiGroups: [example.com]\n    resources: [jobs]\n    verbs: [create]\n'),
  ],
  invalid: [
    { code: role('  - apiGroups: [""]\n    resources: [pods, events]\n    verbs: [create]\n'), errors: [{ messageId: 'grant', range: '7:17-7:21' }] },
    { code: role('  - apiGroups: [batch]\n    resources: [jobs, cronjobs]\n    verbs: ["*"]\n', 'Role'), errors: [{ messageId: 'grant', range: '7:17-7:21' }, { messageId: 'grant', range: '7:23-7:31' }] },
    { code: role('  - apiGroups: [apps]\n    resources: [daemonsets]\n    verbs: [create, update]\n'), errors: [{ messageId: 'grant', range: '7:17-7:27' }] },
    { name: 'patch on a workload rewrites its pod template', code: role('  - apiGroups: [apps]\n    resources: [deployments, statefulsets]\n    verbs: [get, patch]\n', 'Role'), errors: [{ messageId: 'rewrite', range: '7:17-7:28' }, { messageId: 'rewrite', range: '7:30-7:42' }] },
    { name: 'update on pods swaps images', code: role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: [update]\n'), errors: [{ messageId: 'rewrite', range: '7:17-7:21' }] },
    { name: 'update on jobs and cronjobs: only the CronJob template is mutable', code: role('  - apiGroups: [batch]\n    resources: [jobs, cronjobs]\n    verbs: [update]\n'), errors: [{ messageId: 'rewrite', range: '7:23-7:31' }] },
    { name: 'update on cronjobs', code: role('  - apiGroups: ["*"]\n    resources: [cronjobs]\n    verbs: [list, update]\n'), errors: [{ messageId: 'rewrite', range: '7:17-7:25' }] },
  ],
});
