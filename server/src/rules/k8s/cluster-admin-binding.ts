// Role bindings that hand out cluster-admin.
import { k8sRule } from '../../k8s/rule';
import { get, mapIn, nodeRange, stringValue } from '../../k8s/yaml';

const binding = (kind: string, role: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ${role}\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: tools\n`;

export default k8sRule({
  meta: {
    id: 'k8s/cluster-admin-binding',
    target: 'k8s',
    title: 'Binding to cluster-admin',
    severity: 'warning',
    description: 'Reports a ClusterRoleBinding or RoleBinding whose `roleRef` is the ClusterRole `cluster-admin`.',
    rationale: '`cluster-admin` can do anything to any object in the cluster, including reading every Secret and changing RBAC itself; one leaked token of a bound subject is a full cluster compromise.',
    remediation: 'Bind a role with only the permissions the subject needs; for people, use short-lived elevated access.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.1'] },
    messages: { clusterAdmin: '{{kind}} `{{name}}` grants cluster-admin.' },
    equivalents: [],
    peerNotes: {
      'trivy:KSV-0111': 'also flags bindings to `admin` and `edit`.',
    },
    examples: { bad: [binding('ClusterRoleBinding', 'cluster-admin')], good: [binding('ClusterRoleBinding', 'view')] },
  },
  check({ file, object, report }) {
    if ((object.kind !== 'ClusterRoleBinding' && object.kind !== 'RoleBinding') || !object.apiVersion.startsWith('rbac.authorization.k8s.io/')) return;
    const ref = mapIn(object.node, ['roleRef'], object.doc);
    const node = get(ref, 'name', object.doc);
    const range = nodeRange(file, node);
    if (stringValue(get(ref, 'kind', object.doc), object.doc) !== 'ClusterRole' || stringValue(node, object.doc) !== 'cluster-admin' || !range) return;
    report({ messageId: 'clusterAdmin', data: { kind: object.kind, name: object.name }, range });
  },
});
