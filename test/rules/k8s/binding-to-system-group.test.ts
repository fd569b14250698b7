import rule from '../../../server/src/rules/k8s/binding-to-system-group';
import { ruleTester } from '../../support/ruleTester';

const binding = (subjects: string, kind = 'ClusterRoleBinding') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n${subjects}`;

ruleTester(rule, {
  valid: [
    binding('  - kind: Group\n    apiGroup: rbac.authorization.k8s.io\n    name: platform-team\n'),
    binding('  - kind: ServiceAccount\n    name: system-monitor\n    namespace: ops\n'),
    binding('  - kind: Group\n    name: system:serviceaccounts:ops\n'),
  ],
  invalid: [
    { code: binding('  - kind: Group\n    apiGroup: rbac.authorization.k8s.io\n    name: system:unauthenticated\n'), errors: [{ messageId: 'subject', range: '12:11-12:33' }] },
    { code: binding('  - kind: User\n    name: system:anonymous\n', 'RoleBinding'), errors: [{ messageId: 'subject', range: '11:11-11:27' }] },
    { code: binding('  - {kind: Group, name: "system:authenticated"}\n  - {kind: Group, name: system:masters}\n'), errors: [{ messageId: 'subject', range: '10:25-10:47' }, { messageId: 'subject', range: '11:25-11:39' }] },
  ],
});
