// Bindings whose subjects are built-in groups covering anonymous or every authenticated caller.
import { k8sRule } from '../../k8s/rule';
import { get, mapItems, nodeRange, seqIn, stringValue } from '../../k8s/yaml';

const SYSTEM_SUBJECTS: Record<string, string> = {
  'system:anonymous': 'every unauthenticated request',
  'system:unauthenticated': 'every unauthenticated request',
  'system:authenticated': 'every authenticated identity, including every service account',
  'system:masters': 'a group that bypasses RBAC entirely',
};

const binding = (subject: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n${subject}`;

export default k8sRule({
  meta: {
    id: 'k8s/binding-to-system-group',
    target: 'k8s',
    title: 'Binding to anonymous or all users',
    severity: 'error',
    description: 'Reports a ClusterRoleBinding or RoleBinding subject `system:anonymous`, `system:unauthenticated`, `system:authenticated` or `system:masters`.',
    rationale: 'Granting to `system:anonymous` or `system:unauthenticated` opens the permission to anyone who can reach the API server; `system:authenticated` includes every service account of every namespace; `system:masters` is hard-wired to cluster-admin.',
    remediation: 'Bind named users, groups from your identity provider, or specific service accounts instead.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.1'] },
    messages: { subject: 'Subject `{{subject}}` binds {{who}}.' },
    equivalents: [],
    examples: {
      bad: [binding('  - kind: Group\n    apiGroup: rbac.authorization.k8s.io\n    name: system:unauthenticated\n')],
      good: [binding('  - kind: Group\n    apiGroup: rbac.authorization.k8s.io\n    name: platform-team\n')],
    },
  },
  check({ file, object, report }) {
    if ((object.kind !== 'ClusterRoleBinding' && object.kind !== 'RoleBinding') || !object.apiVersion.startsWith('rbac.authorization.k8s.io/')) return;
    for (const subject of mapItems(seqIn(object.node, ['subjects'], object.doc), object.doc)) {
      const node = get(subject, 'name', object.doc);
      const name = stringValue(node, object.doc);
      const who = name !== undefined ? SYSTEM_SUBJECTS[name] : undefined;
      const range = nodeRange(file, node);
      if (who && range && name) report({ messageId: 'subject', data: { subject: name, who }, range });
    }
  },
});
