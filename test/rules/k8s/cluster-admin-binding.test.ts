import rule from '../../../server/src/rules/k8s/cluster-admin-binding';
import { ruleTester } from '../../support/ruleTester';

const binding = (kind: string, refKind: string, role: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${refKind}\n  name: ${role}\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: tools\n`;

ruleTester(rule, {
  valid: [
    binding('ClusterRoleBinding', 'ClusterRole', 'view'),
    binding('RoleBinding', 'Role', 'cluster-admin'),
    binding('RoleBinding', 'ClusterRole', 'edit'),
  ],
  invalid: [
    { code: binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'), errors: [{ messageId: 'clusterAdmin', range: '8:9-8:22' }] },
    { code: binding('RoleBinding', 'ClusterRole', '"cluster-admin"'), errors: [{ messageId: 'clusterAdmin', range: '8:9-8:24' }] },
    { code: `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: User, name: alice}]\n`, errors: [{ messageId: 'clusterAdmin', range: '4:73-4:86' }] },
  ],
});
